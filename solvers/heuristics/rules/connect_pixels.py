"""Connect pixels: same-coloured cells sharing a row or column are joined by a straight line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.paint import background_of, painting, reproduces
from solvers.heuristics.rule import Fit, Pair, Rule

# how a line treats the non-background cells between its ends
SKIP, CLEAR, OVER = "passes under", "needs a clear path", "overwrites"
AXES = {"rows": (1,), "columns": (0,), "rows and columns": (1, 0), "columns and rows": (0, 1)}


def _lines(g: np.ndarray, out: np.ndarray, axis: int, emitters: frozenset[int], colour: int | None,
           block: str, bg: int) -> None:
    """Join neighbouring equal-coloured emitter cells along each row (axis 1) or column (axis 0)."""
    src = g if axis == 1 else g.T
    dst = out if axis == 1 else out.T  # a view: writing it writes `out`
    for r in range(src.shape[0]):
        line = src[r]
        for k in emitters:
            at = np.flatnonzero(line == k)
            for a, b in zip(at[:-1], at[1:]):
                if b - a < 2:
                    continue
                between = line[a + 1:b]
                if block == CLEAR and (between != bg).any():
                    continue
                paint = k if colour is None else colour
                seg = dst[r, a + 1:b]
                seg[(between == bg) if block != OVER else slice(None)] = paint


def _make(axes: tuple[int, ...], emitters: frozenset[int], colour: int | None, block: str, fixed: int | None):
    def apply(g: np.ndarray) -> np.ndarray | None:
        bg = background_of(g, fixed)
        out = g.copy()
        for axis in axes:
            _lines(g, out, axis, emitters - {bg}, colour, block, bg)
        return out  # unchanged is fine: some inputs have nothing to join

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    p = painting(pairs)
    if p is None:
        return
    fixed, options, over = p.fixed, p.options, p.over  # lines cover colour only if train did
    found = 0
    for emitters, colour in options:
        for block in (OVER,) if over else (CLEAR, SKIP):
            for name, axes in AXES.items():
                if block != OVER and name == "columns and rows":
                    continue  # the order of the axes only matters when lines overwrite
                apply = _make(axes, emitters, colour, block, fixed)
                if reproduces(apply, pairs):
                    found += 1
                    who = "any" if len(emitters) == 10 else sorted(emitters)
                    yield Fit(apply, f"join {who} along {name} in "
                                     f"{'own colour' if colour is None else colour}, line {block}")
        if found:  # any colour first: learning just the train colours would only narrow it
            return


RULE = Rule("connect_pixels", fit, prior=0.8)
