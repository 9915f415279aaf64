"""Cases for the dashed-line kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

F = 9  # FRESH

# a dashed box: the top row and both sides are mostly drawn, the bottom row only at its ends
BOX = [[1, 0, 1, 1, 1],
       [1, 0, 0, 0, 0],
       [0, 0, 0, 0, 1],
       [1, 0, 0, 0, 1],
       [1, 0, 0, 0, 1]]

CASES = [
    ("dashed_lines", 0, BOX, [[1, F, 1, 1, 1],
                              [1, 0, 0, 0, 0],
                              [0, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1]]),
    ("dashed_lines", 1, BOX, [[1, 0, 1, 1, 1],
                              [1, 0, 0, 0, F],
                              [F, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1]]),
    ("dashed_lines", 2, BOX, [[1, F, 1, 1, 1],
                              [1, 0, 0, 0, F],
                              [F, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1],
                              [1, 0, 0, 0, 1]]),
    # lines already whole and rows with few cells: nothing to fill
    ("dashed_lines", 2, [[1, 1, 1], [1, 0, 0], [1, 0, 0]], None),
    ("dashed_lines", 0, [[1, 0, 0, 0], [0, 0, 0, 1]], None),
    # a frame of four lines (top 1, bottom 2, left 3, right 4): each loose cell draws to its own side
    ("join_to_lines", 0, [[3, 1, 1, 1, 1, 4],
                          [3, 0, 0, 2, 0, 4],
                          [3, 3, 0, 0, 0, 4],
                          [3, 0, 1, 0, 0, 4],
                          [3, 2, 2, 2, 2, 4]], [[3, 1, 1, 1, 1, 4],
                                                [3, 0, 1, 2, 0, 4],
                                                [3, 3, 1, 2, 0, 4],
                                                [3, 0, 1, 2, 0, 4],
                                                [3, 2, 2, 2, 2, 4]]),
    # no full line of a loose cell's colour, or no loose cell
    ("join_to_lines", 0, [[1, 1, 1], [0, 2, 0], [0, 0, 0]], None),
    ("join_to_lines", 0, [[1, 1, 1], [0, 0, 0]], None),
    # a row segment of 2s and a column segment of 3s; the lone 5 is cleared; rows win, then columns
    ("extend_segments", 0, [[0, 3, 0, 5], [0, 3, 0, 0], [2, 2, 0, 0]],
     [[0, 3, 0, 0], [0, 3, 0, 0], [2, 2, 2, 2]]),
    ("extend_segments", 1, [[0, 3, 0, 5], [0, 3, 0, 0], [2, 2, 0, 0]],
     [[0, 3, 0, 0], [0, 3, 0, 0], [2, 3, 2, 2]]),
    ("extend_segments", 0, [[1, 1, 2, 2]], None),  # a row with segments of two colours
    ("extend_segments", 1, [[1, 0, 1], [0, 1, 0]], None),  # no segment
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_dashes", *case)
