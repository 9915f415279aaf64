"""Cases for the fit-to-size kernels; the parameter is h * 32 + w."""

import numpy as np
import pytest

from solvers.dsl.prims_fit import TURN, entries_for
from solvers.dsl.prims_geometry import dihedral
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
    # turned: tiled from the bottom-right corner; packed by row from the right (transposed frame:
    # read by row, written by column), and snaked in it
    ("tile_to", 2 * TURN + size(3, 3), [[1, 2], [3, 4]], [[4, 3, 4], [2, 1, 2], [4, 3, 4]]),
    ("pack_to", 6 * TURN + size(2, 3), PIXELS, [[1, 9, 7], [3, 8, 0]]),
    ("snake_to", 6 * TURN + size(2, 3), PIXELS, [[1, 8, 7], [3, 9, 0]]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_fit", *case)


def test_rows_carry_the_shape():
    rows = entries_for((3, 7))
    assert all(r.param % TURN == 3 * 32 + 7 and "(3x7" in r.name for r in rows)
    assert {r.kernel.py_func.__name__ for r in rows} == {c[0] for c in CASES}
    plain = [r for r in rows if r.param < TURN]
    assert len(plain) == 7 and all(r.cost == 2 and r.name.endswith("(3x7)") for r in plain)
    assert all(r.cost == 3 for r in rows if r.param >= TURN)  # one more unit for the symmetry
    assert len({r.name for r in rows}) == len(rows)


@pytest.mark.parametrize("shape", [(2, 3), (4, 4), (5, 2)])
def test_turned_rows_are_the_plain_rows_seen_in_a_turned_frame(shape):
    """A task turned by t is solved by the row turned by t: row_t(T_t g) == T_t(row(g)), where the
    turned row is made for the turned output shape."""
    rng = np.random.default_rng(7)
    grids = [np.ascontiguousarray(rng.integers(0, 3, size=s).astype(np.uint8)) for s in [(2, 2), (3, 4), (5, 3)]]
    swapped = (shape[1], shape[0])
    plain = {r.kernel: r for r in entries_for(shape) if r.param < TURN}
    seen = 0
    for t in range(1, 8):
        for row in entries_for(swapped if t in (1, 3, 6, 7) else shape):
            if row.param // TURN != t:
                continue
            base = plain[row.kernel]
            for g in grids:
                want = base.kernel(g, base.param)
                got = row.kernel(np.ascontiguousarray(dihedral(g, t)), row.param)
                if want.size == 0:
                    assert got.size == 0
                else:
                    assert np.array_equal(got, dihedral(want, t)), (row.name, t)
                seen += 1
    assert seen == 3 * (3 * 3 + 2 * 7)  # 3 anchored rows from 3 more corners, 2 packing rows in 7 more orders
