"""Upscale: every input cell becomes a ky x kx block of its colour (ky, kx fixed or read off the input)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.heuristics.common import same
from solvers.heuristics.geom import integer_ratio
from solvers.heuristics.rule import Fit, Pair, Rule

# How the factors for a grid are found: the parameter, then a function grid -> (ky, kx) or None.
Factors = Callable[[np.ndarray], "tuple[int, int] | None"]


def _n_colours(grid: np.ndarray) -> int:
    return int(np.unique(grid[grid != 0]).size)


def _scale(grid: np.ndarray, kl: tuple[int, int] | None) -> np.ndarray | None:
    if kl is None or kl[0] < 1 or kl[1] < 1:
        return None
    ky, kx = kl
    if grid.shape[0] * ky > 30 or grid.shape[1] * kx > 30:
        return None
    return np.repeat(np.repeat(grid, ky, axis=0), kx, axis=1)


def _ratios(pairs: Sequence[Pair]) -> list[tuple[int, int]] | None:
    out = []
    for i, o in pairs:
        ky, kx = integer_ratio(o.shape[0], i.shape[0]), integer_ratio(o.shape[1], i.shape[1])
        if ky is None or kx is None:
            return None
        out.append((ky, kx))
    return out


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    ratios = _ratios(pairs)
    if ratios is None or all(r == (1, 1) for r in ratios):
        return
    options: list[tuple[str, Factors]] = []
    shapes = {o.shape for _, o in pairs}
    if len(set(ratios)) == 1:
        ky, kx = ratios[0]
        options.append((f"x{ky},{kx}", lambda g: (ky, kx)))
    # the factor changes from pair to pair: find what sets it
    elif len(shapes) == 1:
        # every output has one size, whatever the input: the factor is whatever reaches it
        (oh, ow), = shapes
        options.append((f"to {oh}x{ow}", lambda g: (integer_ratio(oh, g.shape[0]) or 0,
                                                    integer_ratio(ow, g.shape[1]) or 0)))
    elif all(ky == kx == _n_colours(i) for (ky, kx), (i, _) in zip(ratios, pairs)):
        options.append(("x number of colours", lambda g: (_n_colours(g), _n_colours(g))))
    for text, factors in options:
        if all(same(_scale(i, factors(i)), o) for i, o in pairs):
            yield Fit(lambda g, f=factors: _scale(g, f(g)), f"upscale {text}")


RULE = Rule("upscale", fit, prior=0.9)
