"""Dashed-line primitives: the rows and columns that are mostly drawn are lines with gaps; the gaps
are filled.

Designed from 4612dd53 (a box and its dividers drawn in dashes: the gaps of the lines are filled in
a new colour, while the rows and columns that only cross the box keep their few cells).
"""

from __future__ import annotations

from numba import njit

from solvers.dsl.kernels_common import FRESH, mask_box, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _fill_rows(g, out, r0, r1, c0, c1):
    """FRESH on the zero cells of each row r0..r1 of g that is coloured on at least half of the
    columns c0..c1 but not on all; written into out. Whether any row was one. Columns are this on
    the transposes."""
    width = c1 - c0 + 1
    painted = False
    for r in range(r0, r1 + 1):
        k = 0
        for c in range(c0, c1 + 1):
            k += g[r, c] != 0
        if 2 * k >= width and k < width:
            for c in range(c0, c1 + 1):
                if g[r, c] == 0:
                    out[r, c] = FRESH
            painted = True
    return painted


@njit(cache=True)
def dashed_lines(g, p):
    """Inside the box of all coloured cells, a row (p = 0), a column (p = 1) or either (p = 2) with
    coloured cells on at least half of the box's width (height) but not all of it is a dashed line:
    its zero cells inside the box become FRESH. n/a when there is none."""
    r0, r1, c0, c1 = mask_box(g != 0)
    if r1 < 0 or r1 - r0 < 1 or c1 - c0 < 1:
        return na()
    out = g.copy()
    rows = p != 1 and _fill_rows(g, out, r0, r1, c0, c1)
    cols = p != 0 and _fill_rows(g.T, out.T, c0, c1, r0, r1)
    if not (rows or cols):
        return na()
    return out


def entries() -> list[Primitive]:
    return [Primitive(f"dashed_lines({s})", dashed_lines, p, 2) for p, s in enumerate(("rows", "cols", "both"))]
