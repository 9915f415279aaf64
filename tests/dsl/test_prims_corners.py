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

KEYED = [[2, 0, 0, 0, 0, 3],
         [0, 8, 1, 1, 8, 0],
         [0, 1, 8, 8, 1, 0],
         [0, 8, 1, 1, 1, 0],
         [0, 1, 1, 1, 8, 0],
         [4, 0, 0, 0, 0, 6]]

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
    # a cup open at the top holds a 2: its filled bottom corners send diagonals in colour 2
    ("corner_rays", 5, [[0, 0, 0, 0, 0, 0, 0],
                        [0, 4, 0, 2, 0, 4, 0],
                        [0, 4, 0, 0, 0, 4, 0],
                        [0, 4, 4, 4, 4, 4, 0],
                        [0, 0, 0, 0, 0, 0, 0]], [[2, 0, 0, 0, 0, 0, 2],
                                                 [0, 4, 0, 2, 0, 4, 0],
                                                 [0, 4, 0, 0, 0, 4, 0],
                                                 [0, 4, 4, 4, 4, 4, 0],
                                                 [2, 0, 0, 0, 0, 0, 2]]),
    # nothing inside any box: n/a; two colours inside one box: n/a
    ("corner_rays", 5, [[0, 0, 0], [0, 4, 0], [0, 0, 0]], None),
    ("corner_rays", 5, [[4, 0, 0, 0, 0, 0, 4], [4, 0, 2, 0, 3, 0, 4], [4, 0, 0, 0, 0, 0, 4], [4, 4, 4, 4, 4, 4, 4],
                        [0, 0, 0, 0, 0, 0, 0]], None),
    # a block of four colours: each corner square takes the opposite cell's colour, clipped
    ("opposite_corners", 0, [[0, 0, 0, 0, 0], [0, 1, 2, 0, 0], [0, 3, 4, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
     [[4, 0, 0, 3, 3], [0, 1, 2, 0, 0], [0, 3, 4, 0, 0], [2, 0, 0, 1, 1], [2, 0, 0, 1, 1]]),
    ("opposite_corners", 0, [[1, 2, 0], [3, 0, 0]], None),  # not a whole block
    ("opposite_corners", 0, [[1, 2, 0], [3, 4, 0], [0, 0, 5]], None),  # something else too
    # a key at the corners colours the quarters of the 8-shape (its 1-frame is more common)
    ("corner_key", 0, KEYED, [[2, 0, 0, 0, 0, 3], [0, 2, 1, 1, 3, 0], [0, 1, 2, 3, 1, 0], [0, 4, 1, 1, 1, 0],
                              [0, 1, 1, 1, 6, 0], [4, 0, 0, 0, 0, 6]]),
    ("corner_key", 1, KEYED, [[2, 1, 1, 3], [1, 2, 3, 1], [4, 1, 1, 1], [1, 1, 1, 6]]),
    ("corner_key", 1, [row[:] for row in KEYED[:5]] + [[4, 0, 0, 0, 7, 6]], None),  # a fifth lone colour
    ("corner_key", 1, [[2, 0, 0, 0, 3], [0, 8, 8, 8, 0], [0, 8, 0, 0, 0], [4, 0, 0, 0, 6]], None),  # odd width
    ("corner_key", 1, [[2, 0, 3, 0], [0, 8, 8, 0], [4, 0, 0, 6]], None),  # the 3 off the rectangle's corner
    # a lone cell fills to its nearest corner (bottom right); a cell in the middle row is a tie
    ("fill_to_corner", 0, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 3, 0], [0, 0, 0, 0]],
     [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 3, 3], [0, 0, 3, 3]]),
    ("fill_to_corner", 0, [[0, 0, 0, 0], [0, 3, 0, 0], [0, 0, 0, 0]], None),
    # cells with a neighbour are no lone cells
    ("fill_to_corner", 0, [[0, 0, 0, 0], [0, 3, 3, 0], [0, 0, 0, 0], [0, 0, 0, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_corners", *case)
