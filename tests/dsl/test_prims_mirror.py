"""Cases for the mirror repair kernel: (kernel name, param, input rows, expected rows or None), and a
slow reference it must match."""

import numpy as np
import pytest

from tests.dsl.cases import check

CASES = [
    # rows 1-4 mirror about the line between rows 2 and 3, off the centre: row 0 is a margin
    ('mirror_repair', 0, [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [9, 9, 3, 4]],
     [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [1, 2, 3, 4]]),
    ('mirror_repair', 1, [[3, 3, 1, 2], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8], [9, 9, 3, 4]], [[1, 2]]),
    # mirrored both ways about the centre: the mask's colour breaks both mirrors, the others do not
    ('mirror_repair', 0, [[9, 9, 2, 1], [9, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]],
     [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]),
    # symmetric about the diagonal only
    ('mirror_repair', 0, [[1, 9, 3], [2, 5, 9], [3, 6, 8]], [[1, 2, 3], [2, 5, 6], [3, 6, 8]]),
    # a wide grid whose left square is symmetric about both diagonals: the diagonal fills (0, 1) and
    # the anti-diagonal r + c = 2 fills (2, 2); the last column has no image and needs none
    ('mirror_repair', 0, [[4, 9, 1, 6], [7, 2, 7, 6], [1, 7, 9, 6]], [[4, 7, 1, 6], [7, 2, 7, 6], [1, 7, 4, 6]]),
    ('mirror_repair', 0, [[1, 2, 3], [4, 5, 6], [7, 8, 1]], None),  # no mirror line fits
]

SLACK = 4  # as in prims_mirror


def _image(r, c, kind, s):
    return ((s - r, c), (r, s - c), (c + s, r - s), (s - c, s - r))[kind]


def _reference_fill(g: np.ndarray, m: int):
    """The mirror fill for one mask colour, spelt out slowly: (filled rows, lines) or (None, 0)."""
    h, w = g.shape
    known = {(r, c) for r in range(h) for c in range(w) if g[r, c] != m}
    lines = []
    for kind in range(4):
        centre = (h - 1, w - 1, 0, min(h, w) - 1)[kind]
        for s in range(centre - SLACK, centre + SLACK + 1):
            pairs = [((r, c), _image(r, c, kind, s)) for r, c in known]
            pairs = [(a, b) for a, b in pairs if b in known]
            if all(g[a] == g[b] for a, b in pairs) and 2 * len(pairs) >= len(known):
                lines.append((kind, s))
    if not lines:
        return None, 0
    out = g.copy()
    for _ in range(4):
        for r in range(h):
            for c in range(w):
                for kind, s in lines:
                    if (r, c) in known:
                        break
                    image = _image(r, c, kind, s)
                    if image in known:
                        out[r, c] = out[image]
                        known.add((r, c))
    return (out, len(lines)) if len(known) == h * w else (None, 0)


def _reference_mirror_repair(g: np.ndarray):
    """The colour with the most lines whose fill works, ties to fewer cells, then the lower colour."""
    best = None
    for m in range(10):
        n = int((g == m).sum())
        if 0 < n < g.size:
            out, lines = _reference_fill(g, m)
            if lines and (best is None or (-lines, n) < best[0]):
                best = ((-lines, n), out)
    return None if best is None else best[1].tolist()


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_mirror", *case)


def test_mirror_repair_matches_a_slow_reference_on_random_mirrored_grids():
    from solvers.dsl.prims_mirror import mirror_repair
    rng = np.random.default_rng(0)
    repaired = 0
    for _ in range(200):
        h, w = rng.integers(2, 10, 2)
        g = rng.integers(0, 4, (h, w))
        for _ in range(rng.integers(0, 3)):  # mirror it about the centre, or about a line beside it
            k = rng.integers(0, 3)
            if k == 0:
                g = np.maximum(g, g[::-1])
            elif k == 1:
                g = np.maximum(g, g[:, ::-1])
            elif h == w:
                g = np.maximum(g, g.T)
        if rng.random() < 0.3:  # a margin row makes the line sit off the centre
            g = np.vstack([g, rng.integers(0, 4, (1, w))])
        g = g.astype(np.uint8)
        if rng.random() < 0.8:  # hide a block under a colour, sometimes one the pattern uses
            r, c = rng.integers(0, g.shape[0]), rng.integers(0, g.shape[1])
            g[r:r + rng.integers(1, 4), c:c + rng.integers(1, 4)] = rng.choice([3, 5])
        g = np.ascontiguousarray(g)
        want = _reference_mirror_repair(g)
        got = mirror_repair(g, 0)
        assert (got.tolist() if got.size else None) == want, g.tolist()
        repaired += want is not None
    assert 40 < repaired < 200  # both kinds of grid were met
