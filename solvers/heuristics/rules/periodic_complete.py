"""Periodic completion: cells of a mask colour overwrite a 2-D periodic tiling; refill them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.paint import mask_modes, masked_fit
from solvers.heuristics.rule import Fit, Pair, Rule

# lattices tried per grid before giving up: keeps a mostly-masked grid from costing seconds
MAX_TRIES = 200


def _agrees(g: np.ndarray, known: np.ndarray, dr: int, dc: int) -> bool:
    """Do all known cells equal the known cell (dr, dc) further on? (dr >= 0)"""
    h, w = g.shape
    if dr >= h or abs(dc) >= w:
        return False
    a = (slice(0, h - dr), slice(max(0, -dc), w - max(0, dc)))
    b = (slice(dr, h), slice(max(0, dc), w - max(0, -dc)))
    both = known[a] & known[b]
    return bool(np.array_equal(g[a][both], g[b][both]))


def _lattice_fill(g: np.ndarray, known: np.ndarray, pr: int, shift: int, pc: int) -> np.ndarray | None:
    """Fill from the lattice spanned by (0, pc) and (pr, shift); None if a class is unknown or torn."""
    h, w = g.shape
    r, c = np.indices((h, w))
    cls = (r % pr) * pc + (c - (r // pr) * shift) % pc
    n = pr * pc
    if np.bincount(cls[known], minlength=n).min() == 0:
        return None
    lo = np.full(n, 10)
    hi = np.full(n, -1)
    np.minimum.at(lo, cls[known], g[known])
    np.maximum.at(hi, cls[known], g[known])
    if (hi < 0).any() or (lo != hi).any():
        return None
    return hi[cls].astype(np.uint8)


def _periodic(g: np.ndarray, known: np.ndarray) -> np.ndarray | None:
    h, w = g.shape
    # the smallest horizontal period, then the shortest step down (with any sideways shift)
    pcs = [p for p in range(1, w + 1) if p == w or _agrees(g, known, 0, p)]
    tries = 0
    for pc in pcs:
        # every tile cell needs two known witnesses on average, or the "period" explains nothing
        for pr in range(1, int(known.sum()) // (2 * pc) + 1):
            if pr > h:
                break
            shifts = [0] if pr == h else [s for s in range(pc) if _agrees(g, known, pr, s)
                                          or (s and _agrees(g, known, pr, s - pc))]
            for s in shifts:
                tries += 1
                if tries > MAX_TRIES:
                    return None
                out = _lattice_fill(g, known, pr, s, pc)
                if out is not None:
                    return out
    return None


def _inner(g: np.ndarray, known: np.ndarray) -> np.ndarray | None:
    """The tiling inside a one-cell constant frame (or without a frame)."""
    out = _periodic(g, known)
    if out is not None:
        return out
    h, w = g.shape
    edge = np.concatenate([g[0], g[-1], g[:, 0], g[:, -1]])
    if h < 5 or w < 5 or not (edge == edge[0]).all() or not known[0].all():
        return None
    inner = _periodic(g[1:-1, 1:-1], known[1:-1, 1:-1])
    if inner is None:
        return None
    out = g.copy()
    out[1:-1, 1:-1] = inner
    return out


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    for colour, mode in mask_modes(pairs):
        yield masked_fit(_inner, colour, mode, "periodic completion")


RULE = Rule("periodic_complete", fit, prior=0.85)
