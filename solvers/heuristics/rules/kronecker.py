"""Kronecker: an (h*h, w*w) output holding a copy of the input (or its mask) at each marked input cell."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import background, same
from solvers.heuristics.rule import Fit, Pair, Rule


def _main_colour(grid: np.ndarray, bg: int) -> int | None:
    counts = np.bincount(grid.ravel(), minlength=10)
    counts[bg] = 0
    return int(counts.argmax()) if counts.any() else None


def _block(grid: np.ndarray, cell: int, bg: int, content: str) -> np.ndarray | None:
    """What goes in the block of one marked cell."""
    if content == "copy":
        return grid
    if content == "mask":  # the input's shape, painted in the marking cell's colour
        return np.where(grid != bg, cell, bg).astype(np.uint8)
    colour = _main_colour(grid, bg)  # "inverse": the holes of the input, filled in its colour
    return None if colour is None else np.where(grid == bg, colour, bg).astype(np.uint8)


def _marks(grid: np.ndarray, marked: str, bg: int) -> np.ndarray:
    """Which input cells get a block."""
    if marked == "foreground":
        return grid != bg
    if marked == "background":
        return grid == bg
    if marked == "majority":  # the input's most common colour, even when it is not the background
        return grid == np.bincount(grid.ravel(), minlength=10).argmax()
    return grid == int(marked.removeprefix("colour "))


def _kron(grid: np.ndarray, marked: str, content: str, bg_mode: str) -> np.ndarray | None:
    h, w = grid.shape
    if h * h > 30 or w * w > 30:
        return None
    bg = 0 if bg_mode == "zero" else background(grid)
    out = np.full((h * h, w * w), bg, dtype=np.uint8)
    marks = _marks(grid, marked, bg)
    for r in range(h):
        for c in range(w):
            if marks[r, c]:
                block = _block(grid, int(grid[r, c]), bg, content)
                if block is None:
                    return None
                out[r * h:(r + 1) * h, c * w:(c + 1) * w] = block
    return out


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(o.shape != (i.shape[0] ** 2, i.shape[1] ** 2) for i, o in pairs):
        return
    if all(i.shape == (1, 1) for i, _ in pairs):
        return  # a 1x1 input is its own kronecker square: no evidence
    bg_modes = ("zero",) if all(background(i) == 0 for i, _ in pairs) else ("zero", "common")
    for bg_mode in bg_modes:
        colours = sorted(set.intersection(*(set(np.unique(i).tolist()) for i, _ in pairs)))
        for marked in ("foreground", "background", "majority", *(f"colour {c}" for c in colours)):
            for content in ("copy", "mask", "inverse"):
                def apply(g: np.ndarray, m=marked, c=content, b=bg_mode) -> np.ndarray | None:
                    return _kron(g, m, c, b)

                if all(same(apply(i), o) for i, o in pairs):
                    yield Fit(apply, f"{content} of the input at each {marked} cell (bg {bg_mode})")


RULE = Rule("kronecker", fit, prior=0.9)
