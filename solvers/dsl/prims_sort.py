"""Sorting primitives: objects laid out again in order of size.

Designed from beb8660c (horizontal bars, one per row, are stacked at the bottom of the grid from the
longest up to the shortest, against its right side). Other sides and directions are a flip or a
transpose away in the search.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def sort_bars(g, p):
    """Where every row holds at most one run of coloured cells, all of one colour, the runs are
    stacked at the bottom, longest lowest (ties keep their order from the top), against the right
    side (p = 0) or the left (p = 1). n/a when a row has two runs or two colours, or nothing moves."""
    h, w = g.shape
    start = np.full(h, -1, dtype=np.int64)
    length = np.zeros(h, dtype=np.int64)
    colour = np.zeros(h, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            if start[r] < 0:
                start[r], colour[r] = c, v
            elif v != colour[r] or c != start[r] + length[r]:
                return na()  # a second colour, or a second run
            length[r] += 1
    # longest first; among equal lengths the lowest first, so that the stack keeps their order
    order = np.argsort(-(length * (h + 1) + np.arange(h)), kind="mergesort")
    out = np.zeros_like(g)
    row = h - 1
    for k in order:
        if length[k] == 0:
            break
        c0 = w - length[k] if p == 0 else 0
        for c in range(c0, c0 + length[k]):
            out[row, c] = colour[k]
        row -= 1
    if row == h - 1 or (out == g).all():
        return na()
    return out


def entries() -> list[Primitive]:
    return [Primitive(f"sort_bars({s})", sort_bars, p, 2) for p, s in enumerate(("right", "left"))]
