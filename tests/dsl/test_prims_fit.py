"""Cases for the fit-to-size kernels; the parameter is h * 32 + w."""

import pytest

from solvers.dsl.prims_fit import entries_for
from tests.dsl.cases import check


def size(h, w):
    return h * 32 + w


PIXELS = [[0, 1, 0, 0, 0],
          [3, 0, 0, 9, 0],
          [0, 0, 8, 0, 7]]

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
    # five pixels read by column (3, 1, 8, 9, 7), packed into 2 x 3 in reading order, then back and forth
    ("pack_to", size(2, 3), PIXELS, [[3, 1, 8], [9, 7, 0]]),
    ("snake_to", size(2, 3), PIXELS, [[3, 1, 8], [0, 7, 9]]),
    ("pack_to", size(1, 2), PIXELS, None),  # more pixels than places
    ("snake_to", size(2, 2), [[0, 0]], None),  # no pixel
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_fit", *case)


def test_rows_carry_the_shape():
    rows = entries_for((3, 7))
    assert all(r.param == 3 * 32 + 7 and r.name.endswith("(3x7)") for r in rows)
    assert {r.kernel.py_func.__name__ for r in rows} == {c[0] for c in CASES}
