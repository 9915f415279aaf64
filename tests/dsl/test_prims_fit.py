"""Cases for the fit-to-size kernels; the parameter is h * 32 + w."""

import pytest

from solvers.dsl.prims_fit import entries_for
from tests.dsl.cases import check


def size(h, w):
    return h * 32 + w


CASES = [
    ("tile_to", size(3, 5), [[1, 2], [3, 4]], [[1, 2, 1, 2, 1], [3, 4, 3, 4, 3], [1, 2, 1, 2, 1]]),
    ("tile_to", size(1, 1), [[1, 2], [3, 4]], [[1]]),
    ("mirror_tile_to", size(2, 5), [[1, 2], [3, 4]], [[1, 2, 2, 1, 1], [3, 4, 4, 3, 3]]),
    ("scale_to", size(4, 2), [[1, 2], [3, 4]], [[1, 2], [1, 2], [3, 4], [3, 4]]),
    ("scale_to", size(1, 1), [[1, 2], [3, 4]], [[1]]),
    ("scale_to", size(3, 3), [[1, 2], [3, 4]], [[1, 1, 2], [1, 1, 2], [3, 3, 4]]),
    ("embed_to", size(2, 3), [[5]], [[5, 0, 0], [0, 0, 0]]),
    ("embed_to", size(1, 1), [[5, 6]], None),
    ("centre_to", size(1, 1), [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[5]]),
    ("centre_to", size(3, 3), [[5]], [[0, 0, 0], [0, 5, 0], [0, 0, 0]]),
    ("centre_to", size(2, 2), [[5]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_fit", *case)


def test_rows_carry_the_shape():
    rows = entries_for((3, 7))
    assert all(r.param == 3 * 32 + 7 and r.name.endswith("(3x7)") for r in rows)
    assert {r.kernel.py_func.__name__ for r in rows} == {c[0] for c in CASES}
