"""Cases for the corner kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# a 2 x 2 square and an L (its empty corner up-right)
SHAPES = [[0, 0, 0, 0, 0, 0],
          [0, 1, 1, 0, 0, 0],
          [0, 1, 1, 0, 0, 0],
          [0, 0, 0, 0, 0, 0],
          [0, 0, 0, 2, 0, 0],
          [0, 0, 0, 2, 2, 0]]

CASES = [
    # the L's up-left ray stops at the square after one cell
    ("corner_rays", 0, SHAPES, [[1, 0, 0, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 0, 2, 0, 0, 0],
                                [0, 0, 0, 2, 0, 0],
                                [0, 0, 0, 2, 2, 0]]),
    # the square's down-right ray passes through the L's empty corner; the L's starts off the grid
    ("corner_rays", 3, SHAPES, [[0, 0, 0, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 0, 0, 1, 0, 0],
                                [0, 0, 0, 2, 1, 0],
                                [0, 0, 0, 2, 2, 1]]),
    ("corner_rays", 1, SHAPES, [[0, 0, 0, 1, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 0, 0, 0, 0, 2],
                                [0, 0, 0, 2, 0, 0],
                                [0, 0, 0, 2, 2, 0]]),
    ("corner_rays", 2, SHAPES, [[0, 0, 0, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [1, 0, 0, 0, 0, 0],
                                [0, 0, 0, 2, 0, 0],
                                [0, 0, 0, 2, 2, 0]]),
    # only the L leaves a corner empty: its ray goes up-right from past that corner
    ("corner_rays", 4, SHAPES, [[0, 0, 0, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 1, 1, 0, 0, 0],
                                [0, 0, 0, 0, 0, 2],
                                [0, 0, 0, 2, 0, 0],
                                [0, 0, 0, 2, 2, 0]]),
    ("corner_rays", 4, [[1, 1], [1, 1]], None),  # no empty corner
    ("corner_rays", 0, [[0, 0], [0, 0]], None),  # no object
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_corners", *case)
