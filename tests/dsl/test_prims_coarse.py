"""Cases for the coarse kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# a 3 x 3 lattice of one-cell parts between lines of 5: parts [[2, 0, 2], [0, 0, 0], [2, 0, 3]]
LATTICE = [[2, 5, 0, 5, 2],
           [5, 5, 5, 5, 5],
           [0, 5, 0, 5, 0],
           [5, 5, 5, 5, 5],
           [2, 5, 0, 5, 3]]

WIDE = [[1, 1, 5, 0, 0, 5, 1, 1],
        [5, 5, 5, 5, 5, 5, 5, 5],
        [0, 0, 5, 0, 0, 5, 0, 0]]

CASES = [
    ("coarse_connect", 0, LATTICE, [[2, 5, 2, 5, 2],
                                    [5, 5, 5, 5, 5],
                                    [0, 5, 0, 5, 0],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 3]]),
    ("coarse_connect", 1, LATTICE, [[2, 5, 0, 5, 2],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 0],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 3]]),
    ("coarse_connect", 2, LATTICE, [[2, 5, 2, 5, 2],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 0],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 3]]),
    # the anti-diagonal 2 .. 2 is joined through the middle part; 2 .. 3 on the diagonal is not
    ("coarse_connect", 4, LATTICE, [[2, 5, 0, 5, 2],
                                    [5, 5, 5, 5, 5],
                                    [0, 5, 2, 5, 0],
                                    [5, 5, 5, 5, 5],
                                    [2, 5, 0, 5, 3]]),
    # parts of two cells: the whole middle part is filled
    ("coarse_connect", 0, WIDE, [[1, 1, 5, 1, 1, 5, 1, 1], [5, 5, 5, 5, 5, 5, 5, 5], [0, 0, 5, 0, 0, 5, 0, 0]]),
    ("coarse_connect", 1, WIDE, None),  # nothing to join
    ("coarse_connect", 0, [[1, 0, 1], [0, 0, 0]], None),  # no separator lines
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_coarse", *case)
