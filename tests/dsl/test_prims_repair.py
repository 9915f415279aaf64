"""Cases for the repair kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    ('repair', 0, [[1, 2, 1, 2], [2, 1, 5, 1], [1, 2, 1, 2]], [[1, 2, 1, 2], [2, 1, 2, 1], [1, 2, 1, 2]]),
    ('repair', 2, [[1, 2, 1, 2], [2, 1, 5, 5], [1, 2, 1, 2]], [[2, 1]]),
    ('repair', 1, [[1, 2, 2, 1], [3, 5, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]],
     [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]),
    ('repair', 3, [[1, 2, 2, 1], [3, 5, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]], [[4]]),
    ('repair', 0, [[1, 2, 3], [4, 5, 6]], None),
    # stripes along r + c with period 3 (2, 8, 3), shown only in the top-left corner
    ('diagonal_fill', 0, [[2, 8, 3, 0], [8, 3, 0, 0], [3, 0, 0, 0]], [[2, 8, 3, 2], [8, 3, 2, 8], [3, 2, 8, 3]]),
    # along r - c: the hidden cells under 5 are read off their diagonal
    ('diagonal_fill', 1, [[1, 2, 4, 1], [4, 1, 5, 4], [2, 4, 1, 5], [1, 2, 4, 1]],
     [[1, 2, 4, 1], [4, 1, 2, 4], [2, 4, 1, 2], [1, 2, 4, 1]]),
    ('diagonal_fill', 0, [[1, 2, 3], [4, 5, 6]], None),  # no stripe repeats
    # rows 1-4 mirror about the line between rows 2 and 3, off the centre: row 0 is a margin
    ('mirror_repair', 0, [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [9, 9, 3, 4]],
     [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [1, 2, 3, 4]]),
    ('mirror_repair', 1, [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [9, 9, 3, 4]], [[1, 2]]),
    # mirrored both ways about the centre: the mask's colour breaks both mirrors, the others do not
    ('mirror_repair', 0, [[9, 9, 2, 1], [9, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]],
     [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]),
    # symmetric about the diagonal only
    ('mirror_repair', 0, [[1, 9, 3], [2, 5, 9], [3, 6, 8]], [[1, 2, 3], [2, 5, 6], [3, 6, 8]]),
    ('mirror_repair', 0, [[1, 2, 3], [4, 5, 6], [7, 8, 1]], None),  # no mirror line fits
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_repair", *case)
