"""Symmetry completion: cells of a mask colour hide part of a mirror/rotation-symmetric picture."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.paint import mask_modes, masked_fit
from solvers.heuristics.rule import Fit, Pair, Rule

# A symmetry must map at least this share of the grid inside the grid: an axis near the edge
# compares so few cells that it would hold by coincidence.
MIN_OVERLAP = 0.5
# how far (in cells) a rotation centre may sit from the grid centre; mirrors may sit anywhere
CENTRE_SLACK = 3


def _maps(h: int, w: int) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """Candidate symmetries as (name, row image, column image) over the whole grid."""
    r, c = np.indices((h, w))
    for t in range(2 * h - 1):
        yield f"rows@{t / 2}", t - r, c
    for t in range(2 * w - 1):
        yield f"cols@{t / 2}", r, t - c
    for a in range(h - 1 - CENTRE_SLACK, h + CENTRE_SLACK):
        for b in range(w - 1 - CENTRE_SLACK, w + CENTRE_SLACK):
            yield f"rot180@{a / 2},{b / 2}", a - r, b - c
    for k in range(-max(h, w), max(h, w)):
        yield f"transpose{k:+d}", c + k, r - k
    for s in range(h + w - 1):
        yield f"antitranspose@{s}", s - c, s - r
    # 90-degree turns about centre (cr, cc); the images are integral when cr - cc is
    for twice_r in range(h - 1 - CENTRE_SLACK, h + CENTRE_SLACK):
        for twice_c in range(w - 1 - CENTRE_SLACK, w + CENTRE_SLACK):
            if (twice_r - twice_c) % 2:
                continue
            a, b = (twice_r - twice_c) // 2, (twice_r + twice_c) // 2
            yield f"rot90@{twice_r / 2},{twice_c / 2}", c + a, b - r


def _symmetries(g: np.ndarray, known: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Every candidate symmetry that all pairs of known cells obey: (in-grid mask, rows, cols)."""
    h, w = g.shape
    found = []
    for _, rr, cc in _maps(h, w):
        inside = (rr >= 0) & (rr < h) & (cc >= 0) & (cc < w)
        if inside.sum() < MIN_OVERLAP * h * w:
            continue
        src = inside & known
        rs, cs = rr[src], cc[src]
        both = known[rs, cs]
        if not both.any() or not np.array_equal(g[src][both], g[rs[both], cs[both]]):
            continue
        found.append((inside, rr, cc))
    return found


def complete(g: np.ndarray, known: np.ndarray) -> np.ndarray | None:
    """Fill the unknown cells from their symmetric images; None if some stay unknown."""
    syms = _symmetries(g, known)
    if not syms:
        return None
    out, known = g.copy(), known.copy()
    while not known.all():
        progress = False
        for inside, rr, cc in syms:
            take = inside & ~known
            if not take.any():
                continue
            ok = np.zeros_like(known)
            ok[take] = known[rr[take], cc[take]]
            if ok.any():
                out[ok] = out[rr[ok], cc[ok]]
                known |= ok
                progress = True
        if not progress:
            return None
    return out


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    for colour, mode in mask_modes(pairs):
        yield masked_fit(complete, colour, mode, "mirror/rotation completion")


RULE = Rule("symmetry_complete", fit, prior=0.85)
