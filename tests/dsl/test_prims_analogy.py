"""Cases for the analogy kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# the second row is the template; the fourth renames 1 -> 4 and 2 -> 5 and holds only its start
ROWS = [[0, 0, 0, 0, 0],
        [1, 2, 1, 1, 2],
        [0, 0, 0, 0, 0],
        [4, 5, 0, 0, 0]]

CASES = [
    ("line_analogy", 0, ROWS, [[0, 0, 0, 0, 0],
                               [1, 2, 1, 1, 2],
                               [0, 0, 0, 0, 0],
                               [4, 5, 4, 4, 5]]),
    # the same on the transpose, by columns
    ("line_analogy", 1, [list(r) for r in zip(*ROWS)], [list(r) for r in zip(*[[0, 0, 0, 0, 0],
                                                                                 [1, 2, 1, 1, 2],
                                                                                 [0, 0, 0, 0, 0],
                                                                                 [4, 5, 4, 4, 5]])]),
    # a start that only shows colour 1: the cells under the template's 2 are undecided, so nothing
    ("line_analogy", 0, [[1, 2, 1], [3, 0, 0]], None),
    # a start that renames 1 two ways: left alone
    ("line_analogy", 0, [[1, 2, 1], [3, 4, 5]], None),
    # gaps can sit anywhere in the line, not only at its end
    ("line_analogy", 0, [[1, 2, 1, 2], [0, 6, 0, 0]], None),
    ("line_analogy", 0, [[1, 2, 1, 2], [7, 6, 0, 0]], [[1, 2, 1, 2], [7, 6, 7, 6]]),
    # no gapless line: n/a
    ("line_analogy", 0, [[1, 0], [0, 2]], None),
    # two pixels three rows apart: rows 1, 4, 7 of the first colour, ... alternating to the bottom
    ("pair_stripes", 0, [[0, 0], [3, 0], [0, 0], [0, 0], [0, 4], [0, 0], [0, 0], [0, 0]],
     [[0, 0], [3, 3], [0, 0], [0, 0], [4, 4], [0, 0], [0, 0], [3, 3]]),
    ("pair_stripes", 1, [[0, 2, 0, 5, 0, 0, 0]], [[0, 2, 0, 5, 0, 2, 0]]),
    # along the longer side: a wide grid takes columns
    ("pair_stripes", 2, [[2, 0, 0, 0, 0], [0, 3, 0, 0, 0]], [[2, 3, 2, 3, 2], [2, 3, 2, 3, 2]]),
    ("pair_stripes", 2, [[2, 0], [0, 3]], None),
    # three pixels, or two on one line: n/a
    ("pair_stripes", 0, [[1, 0, 2], [0, 3, 0]], None),
    ("pair_stripes", 0, [[1, 0, 2], [0, 0, 0]], None),
    # a header of three colours over a separator: the empty rows take them by turns
    ("header_rows", 0, [[1, 2, 3], [5, 5, 5], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
     [[1, 2, 3], [5, 5, 5], [1, 1, 1], [2, 2, 2], [3, 3, 3], [1, 1, 1]]),
    ("header_rows", 1, [[1, 5, 0, 0], [2, 5, 0, 0]], [[1, 5, 1, 2], [2, 5, 1, 2]]),
    # a gap in the header, a cell below the separator, no separator: n/a
    ("header_rows", 0, [[1, 0], [5, 5], [0, 0]], None),
    ("header_rows", 0, [[1, 2], [5, 5], [0, 3]], None),
    ("header_rows", 0, [[1, 2], [5, 4], [0, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_analogy", *case)
