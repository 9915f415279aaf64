"""Outline: paint objects' interiors or boundaries, or a halo of background around them, one colour."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import N4, N8, background
from solvers.heuristics.paint import background_of, reproduces, shared_background
from solvers.heuristics.rule import Fit, Pair, Rule

INTERIOR, BOUNDARY, HALO = "interior", "boundary", "halo"


def _neighbours(mask: np.ndarray, diagonal: bool) -> tuple[np.ndarray, np.ndarray]:
    """(all neighbours in mask, some neighbour in mask) per cell; outside the grid counts as not."""
    h, w = mask.shape
    p = np.pad(mask, 1)
    shifted = [p[1 + dr:1 + dr + h, 1 + dc:1 + dc + w] for dr, dc in (N8 if diagonal else N4)]
    return np.logical_and.reduce(shifted), np.logical_or.reduce(shifted)


def _make(mode: str, source: int | None, colour: int, diagonal: bool, fixed: int | None):
    def apply(g: np.ndarray) -> np.ndarray | None:
        bg = background_of(g, fixed)
        obj = (g != bg) if source is None else (g == source)
        every, some = _neighbours(obj, diagonal)
        if mode == INTERIOR:
            paint = obj & every
        elif mode == BOUNDARY:
            paint = obj & ~every
        else:
            paint = (g == bg) & some
        if not paint.any():
            return None
        out = g.copy()
        out[paint] = colour
        return out

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(i.shape != o.shape for i, o in pairs):
        return
    diffs = [i != o for i, o in pairs]
    if not any(d.any() for d in diffs):
        return
    news = np.unique(np.concatenate([o[d] for (_, o), d in zip(pairs, diffs)]))
    if news.size != 1:
        return
    colour = int(news[0])
    olds = {int(c) for (i, _), d in zip(pairs, diffs) for c in np.unique(i[d])}
    bgs = {background(i) for i, _ in pairs}
    fixed = shared_background(pairs)
    # a halo repaints background; interiors and boundaries repaint the objects themselves
    if olds <= bgs:
        modes = [HALO]
        sources: list[int | None] = [None] + sorted({int(c) for i, _ in pairs for c in np.unique(i)} - bgs)
    else:
        modes = [INTERIOR, BOUNDARY]
        sources = [None] + sorted(olds - bgs)
    for mode in modes:
        for source in sources:
            for diagonal in (False, True):
                apply = _make(mode, source, colour, diagonal, fixed)
                if reproduces(apply, pairs):
                    yield Fit(apply, f"{mode} ({'8' if diagonal else '4'}-neighbours) of "
                                     f"{'objects' if source is None else source} painted {colour}")


RULE = Rule("outline", fit, prior=0.8)
