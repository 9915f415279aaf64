"""Downscale: the input is cut into blocks (fixed size, or between full separator lines); one cell each."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.grid import true_runs
from solvers.heuristics.common import background, same
from solvers.heuristics.geom import integer_ratio
from solvers.heuristics.rule import Fit, Pair, Rule

Spans = list[tuple[int, int]]
# a block geometry: grid -> (row spans, column spans), or None where it does not cut that grid
Geometry = Callable[[np.ndarray], "tuple[Spans, Spans] | None"]


def _even(n: int, k: int | None) -> Spans | None:
    return [(j, j + k) for j in range(0, n, k)] if k and n % k == 0 else None


def _fixed(ky: int, kx: int) -> Geometry:
    def cut(g: np.ndarray):
        rows, cols = _even(g.shape[0], ky), _even(g.shape[1], kx)
        return None if rows is None or cols is None else (rows, cols)
    return cut


def _to_shape(oh: int, ow: int) -> Geometry:
    return lambda g: _fixed(integer_ratio(g.shape[0], oh) or 0, integer_ratio(g.shape[1], ow) or 0)(g)


def _lines(g: np.ndarray):
    """Cells between full rows and columns of one colour (the colour with the most such lines)."""
    best, found = 0, None
    for c in np.unique(g):
        rows, cols = (g == c).all(axis=1), (g == c).all(axis=0)
        n = int(rows.sum() + cols.sum())
        if n > best and not rows.all():
            best, found = n, (true_runs(~rows), true_runs(~cols))
        elif n == best:
            found = None  # two colours draw lines equally: ambiguous
    return found


def _mode(block: np.ndarray, bg: int) -> int:
    return int(np.bincount(block.ravel(), minlength=10).argmax())


def _foreground(block: np.ndarray, bg: int) -> int:
    # any non-background cell makes the block that colour (the most common one, if several)
    counts = np.bincount(block.ravel(), minlength=10)
    counts[bg] = 0
    return int(counts.argmax()) if counts.any() else bg


REDUCTIONS = (("mode", _mode, "zero"), ("any-foreground", _foreground, "zero"),
              ("any-foreground", _foreground, "common"))


def _shrink(grid: np.ndarray, geometry: Geometry, reduce, bg_mode: str) -> np.ndarray | None:
    spans = geometry(grid)
    if spans is None or not spans[0] or not spans[1]:
        return None
    rows, cols = spans
    bg = 0 if bg_mode == "zero" else background(grid)
    out = np.empty((len(rows), len(cols)), dtype=np.uint8)
    for a, (r0, r1) in enumerate(rows):
        for b, (c0, c1) in enumerate(cols):
            out[a, b] = reduce(grid[r0:r1, c0:c1], bg)
    return out


def _geometries(pairs: Sequence[Pair]) -> Iterator[tuple[str, Geometry]]:
    sides = {(integer_ratio(i.shape[0], o.shape[0]), integer_ratio(i.shape[1], o.shape[1])) for i, o in pairs}
    out_shapes = {o.shape for _, o in pairs}
    ky, kx = sides.pop() if len(sides) == 1 else (None, None)
    if ky and kx and (ky, kx) != (1, 1):
        yield f"{ky}x{kx} blocks", _fixed(ky, kx)
    elif len(out_shapes) == 1:
        # the block size varies but the output size does not: blocks are whatever reaches it
        (oh, ow), = out_shapes
        yield f"to {oh}x{ow}", _to_shape(oh, ow)
    yield "cells between lines", _lines


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(o.shape[0] > i.shape[0] or o.shape[1] > i.shape[1] for i, o in pairs):
        return
    if all(i.shape == o.shape for i, o in pairs):
        return  # nothing shrinks
    for text, geometry in _geometries(pairs):
        for name, reduce, bg_mode in REDUCTIONS:
            def apply(g: np.ndarray, geometry=geometry, reduce=reduce, bg_mode=bg_mode) -> np.ndarray | None:
                return _shrink(g, geometry, reduce, bg_mode)

            if all(same(apply(i), o) for i, o in pairs):
                yield Fit(apply, f"{text}, {name} (bg {bg_mode})")
                break  # the reductions agree on the train set; keep the simplest


RULE = Rule("downscale", fit, prior=0.8)
