"""Dashed-line primitives: the rows and columns that are mostly drawn are lines with gaps; the gaps
are filled.

Designed from 4612dd53 (a box and its dividers drawn in dashes: the gaps of the lines are filled in
a new colour, while the rows and columns that only cross the box keep their few cells).
"""

from __future__ import annotations

from numba import njit

from solvers.dsl.kernels_common import FRESH, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def dashed_lines(g, p):
    """Inside the box of all coloured cells, a row (p = 0), a column (p = 1) or either (p = 2) with
    coloured cells on at least half of the box's width (height) but not all of it is a dashed line:
    its zero cells inside the box become FRESH. n/a when there is none."""
    h, w = g.shape
    r0, r1, c0, c1 = h, -1, w, -1
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                r0, r1, c0, c1 = min(r0, r), max(r1, r), min(c0, c), max(c1, c)
    if r1 < 0 or r1 - r0 < 1 or c1 - c0 < 1:
        return na()
    out = g.copy()
    painted = False
    if p != 1:
        width = c1 - c0 + 1
        for r in range(r0, r1 + 1):
            k = 0
            for c in range(c0, c1 + 1):
                k += g[r, c] != 0
            if 2 * k >= width and k < width:
                for c in range(c0, c1 + 1):
                    if g[r, c] == 0:
                        out[r, c] = FRESH
                painted = True
    if p != 0:
        height = r1 - r0 + 1
        for c in range(c0, c1 + 1):
            k = 0
            for r in range(r0, r1 + 1):
                k += g[r, c] != 0
            if 2 * k >= height and k < height:
                for r in range(r0, r1 + 1):
                    if g[r, c] == 0:
                        out[r, c] = FRESH
                painted = True
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    return [Primitive(f"dashed_lines({s})", dashed_lines, p, 2) for p, s in enumerate(("rows", "cols", "both"))]
