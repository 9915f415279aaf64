"""Cases for the repair kernels: (kernel name, param, input rows, expected rows or None)."""

import numpy as np
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
    # a chequer of 6 and 3 under a border of 1s (period 2 x 2), run on one cell: every colour flips
    ('periodic_shift', 2, [[6, 3, 6, 1], [3, 6, 3, 1], [1, 1, 1, 1]], [[3, 6, 3, 6], [6, 3, 6, 3], [3, 6, 3, 6]]),
    # rows of period 3 (1 2 4) with a hidden cell under 5: left and right read the tile on past the edge
    ('periodic_shift', 2, [[1, 2, 4, 1, 2], [1, 2, 4, 5, 2]], [[2, 4, 1, 2, 4], [2, 4, 1, 2, 4]]),
    ('periodic_shift', 3, [[1, 2, 4, 1, 2], [1, 2, 4, 5, 2]], [[4, 1, 2, 4, 1], [4, 1, 2, 4, 1]]),
    # stripes down the rows (7 over 8), period 2: up and down swap them
    ('periodic_shift', 0, [[7, 7], [8, 8], [7, 7], [8, 5]], [[8, 8], [7, 7], [8, 8], [7, 7]]),
    ('periodic_shift', 1, [[7, 7], [8, 8], [7, 5], [8, 8], [7, 7]], [[8, 8], [7, 7], [8, 8], [7, 7], [8, 8]]),
    ('periodic_shift', 0, [[1, 2, 3], [4, 5, 6]], None),  # nothing repeats
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_repair", *case)


def _reference_periodic_repair(g: np.ndarray):
    """repair(periodic,full) spelt out slowly: per present mask colour m, the smallest-area period
    (row-major first among equals) on which the other cells agree and every class shows one; then
    the colour with the smallest area plus hidden cells, ties to fewer cells."""
    h, w = g.shape
    best = None
    for m in range(10):
        n = int((g == m).sum())
        if n == 0:
            continue
        found = None
        for py in range(1, h + 1):
            for px in range(1, w + 1):
                if (py, px) == (h, w) or (found and py * px >= found[0] * found[1]):
                    continue
                tab = {}
                ok = True
                for r in range(h):
                    for c in range(w):
                        if g[r, c] != m and tab.setdefault((r % py, c % px), g[r, c]) != g[r, c]:
                            ok = False
                if ok and len(tab) == py * px:
                    found = (py, px, tab)
        if found:
            key = (found[0] * found[1] + n, n)
            if best is None or key < best[0]:
                best = (key, m, found)
    if best is None:
        return None
    _, m, (py, px, tab) = best
    return [[tab[(r % py, c % px)] if g[r, c] == m else int(g[r, c]) for c in range(w)] for r in range(h)]


def test_periodic_repair_matches_a_slow_reference_on_random_tilings():
    from solvers.dsl.prims_repair import periodic_shift, repair
    rng = np.random.default_rng(0)
    repaired = 0
    for _ in range(150):
        ty, tx = rng.integers(1, 4, 2)
        h, w = rng.integers(2, 9, 2)
        tile = rng.integers(0, 4, (ty, tx))
        g = np.tile(tile, (h // ty + 1, w // tx + 1))[:h, :w].astype(np.uint8)
        if rng.random() < 0.8:  # hide a block under a colour, sometimes one the tiling uses
            r, c = rng.integers(0, h), rng.integers(0, w)
            g[r:r + rng.integers(1, 3), c:c + rng.integers(1, 3)] = rng.choice([3, 5])
        if rng.random() < 0.2:  # and sometimes break the tiling
            g[rng.integers(0, h), rng.integers(0, w)] = 7
        g = np.ascontiguousarray(g)
        want = _reference_periodic_repair(g)
        got = repair(g, 0)
        assert (got.tolist() if got.size else None) == want, g.tolist()
        # the shift reads the same tiling: shifting left then reading back right gives the repair
        if want is not None:
            repaired += 1
            left = periodic_shift(g, 2)
            assert [row[1:] for row in want] == [row[:-1] for row in left.tolist()]
    assert 50 < repaired < 150  # both kinds of grid were met
