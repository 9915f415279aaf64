"""Cases for the geometry kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    ("dihedral", 0, [[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]),
    ("dihedral", 1, [[1, 2, 3], [4, 5, 6]], [[3, 6], [2, 5], [1, 4]]),
    ("dihedral", 2, [[1, 2, 3], [4, 5, 6]], [[6, 5, 4], [3, 2, 1]]),
    ("dihedral", 3, [[1, 2, 3], [4, 5, 6]], [[4, 1], [5, 2], [6, 3]]),
    ("dihedral", 4, [[1, 2, 3], [4, 5, 6]], [[3, 2, 1], [6, 5, 4]]),
    ("dihedral", 5, [[1, 2, 3], [4, 5, 6]], [[4, 5, 6], [1, 2, 3]]),
    ("dihedral", 6, [[1, 2, 3], [4, 5, 6]], [[1, 4], [2, 5], [3, 6]]),
    ("dihedral", 7, [[1, 2, 3], [4, 5, 6]], [[6, 3], [5, 2], [4, 1]]),
    ("shift", 0, [[1, 2], [3, 4]], [[3, 4], [0, 0]]),
    ("shift", 1, [[1, 2], [3, 4]], [[0, 0], [1, 2]]),
    ("shift", 2, [[1, 2], [3, 4]], [[2, 0], [4, 0]]),
    ("shift", 3, [[1, 2], [3, 4]], [[0, 1], [0, 3]]),
    ("shear", 0, [[1, 2], [3, 4], [5, 6]], [[0, 0, 1, 2], [0, 3, 4, 0], [5, 6, 0, 0]]),
    ("shear", 1, [[1, 2], [3, 4], [5, 6]], [[1, 2, 0, 0], [0, 3, 4, 0], [0, 0, 5, 6]]),
    ("shear", 0, [[1, 2, 3]], None),  # one row does not lean
    ("shear", 1, [[1] * 21] * 11, None),  # 31 columns: past the 30 a grid may have
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_geometry", *case)
