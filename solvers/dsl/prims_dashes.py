"""Line primitives: the rows and columns that are mostly drawn are lines with gaps, and the gaps are
filled; loose cells are joined to the full line of their colour.

Designed from 4612dd53 (a box and its dividers drawn in dashes: the gaps of the lines are filled in
a new colour, while the rows and columns that only cross the box keep their few cells) and 5daaa586
(inside a frame of four lines of four colours, each loose cell draws a line to the frame's side of
its own colour); and from arc2-training 9344f635 (each short segment, two cells of a colour side by
side, stands for the whole row or column it lies along).
"""

from __future__ import annotations

import numpy as np
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


@njit(cache=True)
def _line_colours(g):
    """The colour of each full row of g (no 0 in it): its commonest colour; -1 for other rows."""
    h, w = g.shape
    out = np.full(h, -1, dtype=np.int64)
    for r in range(h):
        cnt = np.zeros(10, dtype=np.int64)
        for c in range(w):
            cnt[g[r, c]] += 1
        if cnt[0] == 0:
            out[r] = np.argmax(cnt)
    return out


@njit(cache=True)
def _join_rows(g, out, rows, cols):
    """For each cell off the full lines, a line in its colour (over 0 cells only) along its column
    to the nearest full row of that colour; written into out. Whether anything was painted. The
    columns' case is this on the transposes."""
    h, w = g.shape
    painted = False
    for r in range(h):
        if rows[r] >= 0:
            continue
        for c in range(w):
            v = g[r, c]
            if v == 0 or cols[c] >= 0:
                continue
            best = -1
            for rr in range(h):
                if rows[rr] == v and (best < 0 or abs(rr - r) < abs(best - r)):
                    best = rr
            if best < 0:
                continue
            step = 1 if best > r else -1
            for rr in range(r + step, best, step):
                if g[rr, c] == 0:
                    out[rr, c] = v
                    painted = True
    return painted


@njit(cache=True)
def join_to_lines(g, p):
    """Full lines (rows or columns with no 0) take the colour most of their cells have. Every other
    coloured cell draws a line in its colour, over 0 cells, straight to the nearest full line of its
    colour across its path (a full row up or down its column, a full column left or right along its
    row). n/a when nothing is drawn."""
    rows = _line_colours(g)
    cols = _line_colours(g.T)
    out = g.copy()
    a = _join_rows(g, out, rows, cols)
    b = _join_rows(g.T, out.T, cols, rows)
    if not (a or b):
        return na()
    return out


@njit(cache=True)
def _segment_colours(g):
    """For each row, the colour of its horizontal segments (two equal non-zero cells side by side),
    -1 for none; -2 when a row has segments of two colours."""
    h, w = g.shape
    out = np.full(h, -1, dtype=np.int64)
    for r in range(h):
        for c in range(w - 1):
            v = g[r, c]
            if v != 0 and g[r, c + 1] == v:
                out[r] = v if out[r] == -1 or out[r] == v else -2
    return out


@njit(cache=True)
def extend_segments(g, p):
    """Every row holding a horizontal segment (two equal non-zero cells side by side) becomes a full
    line of its colour, every column holding a vertical one too, on a 0 grid: where they cross, rows
    win (p = 0) or columns (p = 1); cells of no line are cleared. n/a when a row or column has
    segments of two colours, or there are none."""
    h, w = g.shape
    rows = _segment_colours(g)
    cols = _segment_colours(g.T.copy())
    out = np.zeros((h, w), dtype=np.uint8)
    drawn = False
    for r in range(h):
        for c in range(w):
            a, b = rows[r], cols[c]
            if a == -2 or b == -2:
                return na()
            v = (a if a >= 0 else b) if p == 0 else (b if b >= 0 else a)
            if v >= 0:
                out[r, c] = v
                drawn = True
    return out if drawn else na()


def entries() -> list[Primitive]:
    return ([Primitive(f"dashed_lines({s})", dashed_lines, p, 2) for p, s in enumerate(("rows", "cols", "both"))]
            + [Primitive("join_to_lines", join_to_lines, 0, 2)]
            + [Primitive(f"extend_segments({s})", extend_segments, p, 2)
               for p, s in enumerate(("rows_over", "cols_over"))])
