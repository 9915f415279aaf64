"""Cases for the centre kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

F = 9  # FRESH
# a hollow 3 x 3 square (odd box: a middle row and column; its hole is a zero cell on both, so
# painted) and a 2 x 2 one (even: neither)
SHAPES = [[0, 0, 0, 0, 0, 0, 0],
          [0, 1, 1, 1, 0, 0, 0],
          [0, 1, 0, 1, 0, 0, 0],
          [0, 1, 1, 1, 0, 0, 0],
          [0, 0, 0, 0, 0, 2, 2],
          [0, 0, 0, 0, 0, 2, 2]]

CUPS = [[1, 1, 1, 0, 0],
        [1, 0, 1, 0, 0],
        [0, 0, 0, 2, 0],
        [0, 0, 0, 0, 0]]
SIDE = [[1, 1, 0, 0],
        [0, 1, 0, 0],
        [1, 1, 0, 0]]

CASES = [
    ("centre_lines", 0, SHAPES, [[0, 0, 0, 0, 0, 0, 0],
                                 [0, 1, 1, 1, 0, 0, 0],
                                 [F, 1, F, 1, F, F, F],
                                 [0, 1, 1, 1, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 2, 2],
                                 [0, 0, 0, 0, 0, 2, 2]]),
    ("centre_lines", 1, SHAPES, [[0, 0, F, 0, 0, 0, 0],
                                 [0, 1, 1, 1, 0, 0, 0],
                                 [0, 1, F, 1, 0, 0, 0],
                                 [0, 1, 1, 1, 0, 0, 0],
                                 [0, 0, F, 0, 0, 2, 2],
                                 [0, 0, F, 0, 0, 2, 2]]),
    ("centre_lines", 2, [[0, 0, 0, 0], [1, 1, 1, 0], [1, 0, 1, 0], [1, 1, 1, 0]],
     [[0, F, 0, 0], [1, 1, 1, 0], [1, F, 1, F], [1, 1, 1, 0]]),
    ("centre_lines", 2, [[0, 2, 2], [0, 2, 2]], None),  # even box: nothing painted
    ("centre_lines", 0, [[0, 0], [0, 0]], None),  # no object
    # two 1s with three cells between them in a row, and 4s in the last column: a middle cell
    # between rows 0 and 2 and between rows 5 and 7, none between rows 2 and 5 (two cells between)
    ("midpoints", 0, [[1, 0, 0, 0, 1, 0, 4],
                      [0, 0, 0, 0, 0, 0, 0],
                      [0, 0, 0, 0, 0, 0, 4],
                      [2, 0, 0, 0, 0, 0, 0],
                      [0, 0, 0, 0, 0, 4, 0],
                      [0, 0, 0, 0, 0, 0, 4],
                      [0, 0, 0, 0, 0, 0, 0],
                      [0, 0, 0, 0, 0, 0, 4]],
     [[1, 0, F, 0, 1, 0, 4],
      [0, 0, 0, 0, 0, 0, F],
      [0, 0, 0, 0, 0, 0, 4],
      [2, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 4, 0],
      [0, 0, 0, 0, 0, 0, 4],
      [0, 0, 0, 0, 0, 0, F],
      [0, 0, 0, 0, 0, 0, 4]]),
    # a cell of another colour between them blocks the pair; neighbours have no cell between them
    ("midpoints", 0, [[3, 0, 5, 0, 3]], None),
    ("midpoints", 0, [[3, 3, 0, 0], [0, 0, 0, 0]], None),
    # only_pair: the only two 3s of row 0 reach across a 5 and the separator column of 8s, the
    # two 7s of column 5 across the separator row; the 4s and the 6s lie an even number of cells
    # apart, and the 8s come more than twice in their lines
    ("midpoints", 1, [[3, 5, 8, 0, 0, 7, 3],
                      [6, 0, 8, 4, 0, 0, 4],
                      [0, 0, 8, 0, 0, 0, 0],
                      [8, 8, 8, 8, 8, 8, 8],
                      [6, 0, 8, 0, 0, 7, 0]],
     [[3, 5, 8, 3, 0, 7, 3],
      [6, 0, 8, 4, 0, 0, 4],
      [0, 0, 8, 0, 0, 7, 0],
      [8, 8, 8, 8, 8, 8, 8],
      [6, 0, 8, 0, 0, 7, 0]]),
    ("midpoints", 1, [[3, 0, 0, 0, 3, 0, 3]], None),  # three 3s: no pair
    # marks on an edge, level with each object's middle; a cell in the way or an even extent: n/a
    ("centre_marks", 0, CUPS, [[1, 1, 1, 0, 0], [1, 0, 1, 0, 0], [0, 0, 0, 2, 0], [0, F, 0, F, 0]]),
    ("centre_marks", 1, CUPS, None),
    ("centre_marks", 2, CUPS, None),
    ("centre_marks", 2, SIDE, [[1, 1, 0, 0], [0, 1, 0, F], [1, 1, 0, 0]]),
    ("centre_marks", 3, SIDE, [[1, 1, 0, 0], [F, 1, 0, 0], [1, 1, 0, 0]]),
    # touching objects of two colours are two objects
    ("centre_marks", 0, [[3, 3, 3, 4], [0, 0, 0, 0]], [[3, 3, 3, 4], [0, F, 0, F]]),
    ("centre_marks", 0, [[0, 0], [0, 0]], None),
    # the rare colour 2 in a field of 1: the touching pair fills its box; with gap1, cells one cell
    # apart join too, so every 2 is in one cluster whose box is the grid
    ("rare_boxes", 1, [[1, 2, 1, 1, 0],
                       [2, 1, 1, 1, 0],
                       [1, 1, 1, 1, 1],
                       [1, 1, 2, 1, 2]], [[F, 2, 1, 1, 0],
                                          [2, F, 1, 1, 0],
                                          [1, 1, 1, 1, 1],
                                          [1, 1, 2, 1, 2]]),
    ("rare_boxes", 2, [[1, 2, 1, 1, 0],
                       [2, 1, 1, 1, 0],
                       [1, 1, 1, 1, 1],
                       [1, 1, 2, 1, 2]], [[F, 2, F, F, F],
                                          [2, F, F, F, F],
                                          [F, F, F, F, F],
                                          [F, F, 2, F, 2]]),
    # one non-zero colour; rare cells alone in their boxes
    ("rare_boxes", 1, [[0, 2], [2, 0]], None),
    ("rare_boxes", 1, [[2, 1, 1, 1, 2], [1, 1, 1, 1, 1]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_centres", *case)
