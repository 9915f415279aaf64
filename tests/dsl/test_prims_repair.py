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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_repair", *case)
