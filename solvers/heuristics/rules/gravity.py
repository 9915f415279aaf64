"""Gravity: non-background cells (or whole objects) fall one way until blocked; fixed colours stay."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import background, components
from solvers.heuristics.paint import reproduces
from solvers.heuristics.rule import Fit, Pair, Rule

# direction name -> quarter turns that bring that direction to "down"
TURNS = {"down": 0, "right": 1, "up": 2, "left": 3}


def _cells_down(g: np.ndarray, bg: int, fixed: frozenset[int]) -> np.ndarray:
    """Each column: loose cells sink, keeping their order, onto the floor or a fixed cell."""
    out = g.copy()
    h, w = g.shape
    for c in range(w):
        col = g[:, c]
        floor = h
        for r in range(h - 1, -1, -1):
            v = int(col[r])
            if v in fixed:
                floor = r
            elif v != bg:
                out[r, c] = bg
                floor -= 1
                out[floor, c] = v
    return out


def _objects_down(g: np.ndarray, bg: int, fixed: frozenset[int], diagonal: bool) -> np.ndarray:
    """Rigid objects fall in turn, lowest first, until they rest on the floor or something settled."""
    h, _ = g.shape
    loose = g.copy()
    for f in fixed:
        loose[loose == f] = bg
    objs = components(loose, diagonal=diagonal, by_colour=False, bg=bg)
    objs.sort(key=lambda o: -o.box[2])
    out = g.copy()
    out[loose != bg] = bg
    for o in objs:
        rows, cols = np.nonzero(o.mask)
        drop = 0
        while (rows.max() + drop + 1 < h and (out[rows + drop + 1, cols] == bg).all()):
            drop += 1
        out[rows + drop, cols] = g[rows, cols]
    return out


def _make(turns: int, bg: int, fixed: frozenset[int], mode: str):
    def apply(g: np.ndarray) -> np.ndarray | None:
        x = np.rot90(g, turns)
        if mode == "cells":
            y = _cells_down(x, bg, fixed)
        else:
            y = _objects_down(x, bg, fixed, diagonal=mode == "objects8")
        return np.rot90(y, -turns).copy()

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(i.shape != o.shape for i, o in pairs) or all(np.array_equal(i, o) for i, o in pairs):
        return
    bg = background(pairs[0][0])
    # a colour whose cells never change is a candidate wall; moving colours cannot be walls
    still = set(range(10))
    for i, o in pairs:
        still &= {c for c in range(10) if (i == c).any() and np.array_equal(i == c, o == c)}
    still.discard(bg)
    options = [frozenset()] + ([frozenset(still)] if still else [])
    for mode in ("cells", "objects", "objects8"):
        for fixed in options:
            for name, turns in TURNS.items():
                apply = _make(turns, bg, fixed, mode)
                if reproduces(apply, pairs):
                    yield Fit(apply, f"{mode} fall {name}, background {bg}, fixed {sorted(fixed)}")
                    return


RULE = Rule("gravity", fit, prior=0.85)
