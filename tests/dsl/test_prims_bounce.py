"""Cases for the bounce kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

F = 9  # FRESH

CASES = [
    # a pixel in the bottom-left corner of a tall grid zigzags up between the sides to the top row
    ("bounce", 0, [[0, 0], [0, 0], [0, 0], [0, 0], [1, 0]], [[F, 0], [0, F], [F, 0], [0, F], [1, 0]]),
    ("bounce", 0, [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0]],
     [[0, F, 0], [F, 0, 0], [0, F, 0], [0, 0, F], [0, F, 0], [1, 0, 0]]),
    # a wide grid: the pixel in the top-right corner runs left along the rows, between top and bottom
    ("bounce", 0, [[0, 0, 0, 0, 2], [0, 0, 0, 0, 0]], [[F, 0, F, 0, 2], [0, F, 0, F, 0]]),
    # a coloured cell in the ray's way: no answer; a pixel off the corners: nothing to do
    ("bounce", 0, [[0, 0], [0, 3], [0, 0], [0, 0], [1, 0]], None),
    ("bounce", 0, [[0, 0, 0], [0, 1, 0], [0, 0, 0]], None),
    # a segment going down-right meets the wall of 2s at the bottom, reflects up and leaves at the side
    ("bounce", 1, [[8, 0, 0, 0, 0, 0],
                   [0, 8, 0, 0, 0, 0],
                   [0, 0, 0, 0, 0, 0],
                   [0, 0, 0, 0, 0, 0],
                   [2, 2, 2, 2, 2, 2]],
     [[8, 0, 0, 0, 0, 0],
      [0, 8, 0, 0, 0, F],
      [0, 0, F, 0, F, 0],
      [0, 0, 0, F, 0, 0],
      [2, 2, 2, 2, 2, 2]]),
    # an anti-diagonal segment against the left wall: it carries on down-left, reflects to the right
    ("bounce", 1, [[3, 0, 0, 8],
                   [3, 0, 8, 0],
                   [3, 0, 0, 0],
                   [3, 0, 0, 0],
                   [3, 0, 0, 0]],
     [[3, 0, 0, 8],
      [3, 0, 8, 0],
      [3, F, 0, 0],
      [3, 0, F, 0],
      [3, 0, 0, F]]),
    # a bent object is no segment; a single cell is no segment
    ("bounce", 1, [[8, 0, 0], [0, 8, 0], [0, 8, 0], [0, 0, 0]], None),
    ("bounce", 1, [[0, 0, 0], [0, 8, 0], [0, 0, 0]], None),
    # a ray from the bottom row steps aside under the obstacle (5) and goes on up
    ("detour_rays", 0, [[0, 0, 0, 0], [0, 5, 0, 0], [0, 0, 0, 0], [0, 2, 0, 0]],
     [[0, 0, 2, 0], [0, 5, 2, 0], [0, 2, 2, 0], [0, 2, 0, 0]]),
    ("detour_rays", 1, [[0, 0, 0, 0], [0, 5, 0, 0], [0, 0, 0, 0], [0, 2, 0, 0]],
     [[2, 0, 0, 0], [2, 5, 0, 0], [2, 2, 0, 0], [0, 2, 0, 0]]),
    # from the other edges: the first case turned about (the kernel turns the edge to the bottom and back)
    ("detour_rays", 2, [[0, 0, 0, 0], [2, 0, 5, 0], [0, 0, 0, 0], [0, 0, 0, 0]],  # from the left, stepping down
     [[0, 0, 0, 0], [2, 2, 5, 0], [0, 2, 2, 2], [0, 0, 0, 0]]),
    ("detour_rays", 4, [[0, 0, 2, 0], [0, 0, 0, 0], [0, 0, 5, 0], [0, 0, 0, 0]],  # from the top, stepping left
     [[0, 0, 2, 0], [0, 2, 2, 0], [0, 2, 5, 0], [0, 2, 0, 0]]),
    ("detour_rays", 7, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 5, 0, 2], [0, 0, 0, 0]],  # from the right, stepping down
     [[0, 0, 0, 0], [0, 0, 0, 0], [0, 5, 2, 2], [2, 2, 2, 0]]),
    ("detour_rays", 3, [[0, 0, 0, 0], [2, 0, 5, 0], [0, 0, 0, 0], [0, 0, 0, 0]],  # from the left, stepping up
     [[0, 2, 2, 2], [2, 2, 5, 0], [0, 0, 0, 0], [0, 0, 0, 0]]),
    ("detour_rays", 5, [[0, 0, 2, 0], [0, 0, 0, 0], [0, 0, 5, 0], [0, 0, 0, 0]],  # from the top, stepping right
     [[0, 0, 2, 0], [0, 0, 2, 2], [0, 0, 5, 2], [0, 0, 0, 2]]),
    ("detour_rays", 6, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 5, 0, 2], [0, 0, 0, 0]],  # from the right, stepping up
     [[0, 0, 0, 0], [2, 2, 2, 0], [0, 5, 2, 2], [0, 0, 0, 0]]),
    # blocked above and aside: the ray stops; nothing on the bottom row: n/a
    ("detour_rays", 0, [[0, 0], [5, 5], [2, 0]], [[0, 0], [5, 5], [2, 2]]),
    ("detour_rays", 0, [[0, 3], [0, 0]], None),
    # 5 is seen above the bottom row, so its bottom cell is an obstacle, not an emitter; the 2 steps
    # aside twice in a row under 5s
    ("detour_rays", 0, [[0, 0, 0, 0], [5, 5, 0, 0], [2, 0, 0, 5]],
     [[0, 0, 2, 0], [5, 5, 2, 0], [2, 2, 2, 5]]),
    # two pixels on the top row run down as chains of diamonds, clipped at the sides
    ("zigzag_down", 0, [[3, 0, 0, 4, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
     [[3, 0, 0, 4, 0], [0, 3, 4, 0, 4], [3, 0, 0, 4, 0], [0, 3, 4, 0, 4]]),
    ("zigzag_down", 0, [[3, 0], [0, 1]], None),  # something below the top row
    ("zigzag_down", 0, [[0, 0], [0, 0]], None),
    # an empty 6 x 6 grid: the spiral turns in off each side, one bare cell between its turns
    ("spiral", 0, [[0] * 6 for _ in range(6)], [[F, F, F, F, F, F],
                                                [0, 0, 0, 0, 0, F],
                                                [F, F, F, F, 0, F],
                                                [F, 0, F, F, 0, F],
                                                [F, 0, 0, 0, 0, F],
                                                [F, F, F, F, F, F]]),
    ("spiral", 0, [[0, 0, 0], [0, 1, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_bounce", *case)
