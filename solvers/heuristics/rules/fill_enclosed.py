"""Fill enclosed: background cells cut off from the border are painted one colour."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import N4, N8, components
from solvers.heuristics.paint import reproduces
from solvers.heuristics.rule import Fit, Pair, Rule


def _outside(free: np.ndarray, diagonal: bool) -> np.ndarray:
    """Cells of `free` connected to the grid border through `free` cells."""
    h, w = free.shape
    seen = np.zeros_like(free)
    stack = [(r, c) for r in range(h) for c in (0, w - 1)] + [(r, c) for c in range(w) for r in (0, h - 1)]
    stack = [(r, c) for r, c in stack if free[r, c]]
    for r, c in stack:
        seen[r, c] = True
    steps = N8 if diagonal else N4
    while stack:
        r, c = stack.pop()
        for dr, dc in steps:
            rr, cc = r + dr, c + dc
            if 0 <= rr < h and 0 <= cc < w and free[rr, cc] and not seen[rr, cc]:
                seen[rr, cc] = True
                stack.append((rr, cc))
    return seen


def _make(bg: int, colour: int, diagonal: bool, wall: int | None):
    def apply(g: np.ndarray) -> np.ndarray | None:
        free = g == bg
        holes = free & ~_outside(free, diagonal)
        if wall is not None:
            # keep only holes whose whole rim (4-neighbours outside the hole) is the wall colour
            keep = np.zeros_like(holes)
            padded = np.pad(g, 1, constant_values=255)
            for o in components(np.where(holes, 1, 0).astype(np.uint8), diagonal=diagonal, bg=0):
                rr, cc = np.nonzero(o.mask)
                rim = np.concatenate([padded[rr + 1 + dr, cc + 1 + dc] for dr, dc in N4])
                rim = rim[rim != bg]
                if rim.size and (rim == wall).all():
                    keep |= o.mask
            holes = keep
        out = g.copy()  # no holes is a valid outcome: the grid comes back as it was
        out[holes] = colour
        return out

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(i.shape != o.shape for i, o in pairs):
        return
    diffs = [i != o for i, o in pairs]
    if not any(d.any() for d in diffs):
        return
    news = np.unique(np.concatenate([o[d] for (_, o), d in zip(pairs, diffs)]))
    bgs = np.unique(np.concatenate([i[d] for (i, _), d in zip(pairs, diffs)]))
    if news.size != 1 or bgs.size != 1:
        return
    colour, bg = int(news[0]), int(bgs[0])
    walls = {int(c) for i, _ in pairs for c in np.unique(i)} - {bg}
    found = 0
    for wall in [None] + sorted(walls):
        for diagonal in (False, True):
            apply = _make(bg, colour, diagonal, wall)
            if reproduces(apply, pairs):
                found += 1
                yield Fit(apply, f"fill {bg}-holes {'8' if diagonal else '4'}-connected with {colour}"
                                 + ("" if wall is None else f", walls {wall}"))
        if found:
            return


RULE = Rule("fill_enclosed", fit, prior=0.85)
