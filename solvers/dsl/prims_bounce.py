"""Bounce primitives: rays that change course, off the grid's sides, coloured walls or obstacles.

Designed from arc1-training tasks: a3df8b1e and e179c5f4 (a pixel in a corner sends a diagonal that
zigzags between the two long sides up to the far end of the grid), 508bd3b6 (a short diagonal
segment carries on from its open end, reflects off the wall it meets, and runs out of the grid) and
d9f24cd1 (rays rise from the bottom edge and step aside one column under each obstacle; from any
edge, so that the task turned about keeps its row) and 3ac3eb23
(each pixel on the top edge runs down as a chain of diamonds: its column, then both neighbours)
and 28e73c20 (an empty grid gets a square spiral that turns in off each side it meets).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, label, label_boxes, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_geometry import dihedral

MAX_STEPS = 900  # the most cells one ray visits (a 30 x 30 grid's area): a reflecting ray cannot loop forever


@njit(cache=True)
def _zigzag(g, out, r, c, dr, dc):
    """FRESH from (r, c) + (dr, dc) along the diagonal, flipping dc at the left and right sides, up to
    the row where the next step would leave the grid. False when a coloured cell is in the way."""
    h, w = g.shape
    if w == 1:
        return False
    for _ in range(MAX_STEPS):
        if not 0 <= r + dr < h:
            return True
        if not 0 <= c + dc < w:
            dc = -dc
        r += dr
        c += dc
        if g[r, c] != 0:
            return False
        out[r, c] = FRESH
    return True


@njit(cache=True)
def _from_corners(g):
    """Each pixel alone in a corner of the grid zigzags away from it along the grid's longer side
    (rows when the grid is square): a3df8b1e."""
    h, w = g.shape
    out = g.copy()
    painted = False
    for r in (0, h - 1):
        for c in (0, w - 1):
            if g[r, c] == 0:
                continue
            alone = True  # no other coloured cell in the grid shares the corner's neighbourhood
            for rr in range(max(r - 1, 0), min(r + 2, h)):
                for cc in range(max(c - 1, 0), min(c + 2, w)):
                    if (rr != r or cc != c) and g[rr, cc] != 0:
                        alone = False
            if not alone:
                continue
            dr = 1 if r == 0 else -1
            dc = 1 if c == 0 else -1
            if w > h:  # run along the rows instead: zigzag on the transposed reading
                ok = _zigzag(g.T.copy(), out.T, c, r, dc, dr)
            else:
                ok = _zigzag(g, out, r, c, dr, dc)
            if not ok:
                return na()
            painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def _reflect(g, out, r, c, dr, dc):
    """FRESH on from (r, c) along (dr, dc) over zero cells; a coloured cell ahead reflects the ray off
    the wall it belongs to (the row or the column that blocks it), and the ray ends at the grid's edge
    or in a corner it cannot leave. Whether it painted anything."""
    h, w = g.shape
    painted = False
    for _ in range(MAX_STEPS):
        rr, cc = r + dr, c + dc
        if not (0 <= rr < h and 0 <= cc < w):
            return painted
        if g[rr, cc] != 0:
            row_wall = g[rr, c] != 0  # the cell beyond in the ray's row direction: a horizontal wall
            col_wall = g[r, cc] != 0
            if row_wall == col_wall:
                return painted  # a corner, or a lone cell hit on its tip: no side to reflect off
            if row_wall:
                dr = -dr
            else:
                dc = -dc
            continue
        r, c = rr, cc
        out[r, c] = FRESH
        painted = True
    return painted


@njit(cache=True)
def _from_segments(g):
    """Each diagonal segment (an 8-connected one-colour object of 2 or more cells on one diagonal)
    carries on from both ends over zero cells, reflecting off walls: 508bd3b6."""
    lab, n = label(g, 1, 0)
    box = label_boxes(lab, n)
    out = g.copy()
    painted = False
    for i in range(n):
        r0, r1, c0, c1 = box[i, 0], box[i, 1], box[i, 2], box[i, 3]
        if r1 - r0 != c1 - c0 or r1 == r0:
            continue
        down = lab[r0, c0] == i  # top-left to bottom-right, else top-right to bottom-left
        k = 0
        while k <= r1 - r0 and lab[r0 + k, c0 + k if down else c1 - k] == i:
            k += 1
        if k != r1 - r0 + 1:
            continue  # not a straight diagonal (or the other diagonal)
        if down:
            painted |= _reflect(g, out, r0, c0, -1, -1)
            painted |= _reflect(g, out, r1, c1, 1, 1)
        else:
            painted |= _reflect(g, out, r0, c1, -1, 1)
            painted |= _reflect(g, out, r1, c0, 1, -1)
    if not painted:
        return na()
    return out


@njit(cache=True)
def bounce(g, p):
    """p = 0: each corner pixel's ray zigzags between the grid's long sides to its far end; p = 1: each
    diagonal segment carries on from its ends and reflects off coloured walls. Rays are FRESH; n/a
    when nothing is painted (or, p = 0, when a coloured cell blocks a ray)."""
    if p == 0:
        return _from_corners(g)
    return _from_segments(g)


@njit(cache=True)
def _detour_up(g, p):
    """detour_rays from the bottom edge: rays up, stepping right (p = 0) or left (p = 1)."""
    h, w = g.shape
    out = g.copy()
    side = 1 if p == 0 else -1
    # a colour seen above the bottom row is an obstacle's, even where it also touches the bottom row:
    # its cells there are obstacles, not emitters
    above = np.zeros(10, dtype=np.bool_)
    for r in range(h - 1):
        for c in range(w):
            above[g[r, c]] = True
    painted = False
    for c0 in range(w):
        v = g[h - 1, c0]
        if v == 0 or above[v]:
            continue
        r, c = h - 1, c0
        while r > 0:
            if g[r - 1, c] == 0:
                r -= 1
            elif 0 <= c + side < w and g[r, c + side] == 0:
                c += side
            else:
                break
            out[r, c] = v
            painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def detour_rays(g, p):
    """Each cell of one edge whose colour appears nowhere off that edge sends a ray of its colour
    across the grid; before a coloured cell the ray steps one cell aside and goes on, and it stops
    where that cell is coloured too or off the grid. p >> 1 is the edge, as the counter-clockwise
    quarter turns that bring it to the bottom (0 bottom, 1 left, 2 top, 3 right), and p & 1 the side
    the ray steps to, seen from that bottom (0 right, 1 left): every edge, so that a task turned
    about keeps its row. n/a when no ray paints a cell."""
    k = p >> 1
    if k == 0:
        return _detour_up(g, p & 1)
    out = _detour_up(dihedral(g, k), p & 1)
    if out.shape[0] == 0:
        return out
    return dihedral(out, 4 - k)


# detour_rays' names, by p: the way the rays run, then the way they step aside, in the grid's terms
DETOUR_NAMES = ("up,right", "up,left", "right,down", "right,up", "down,left", "down,right", "left,up", "left,down")


@njit(cache=True)
def zigzag_down(g, p):
    """Each coloured cell of the top row, when the rest of the grid is empty, runs down the grid:
    odd rows take its colour in the two neighbouring columns, even rows in its own. n/a otherwise."""
    h, w = g.shape
    if h < 2:
        return na()
    for r in range(1, h):
        for c in range(w):
            if g[r, c] != 0:
                return na()
    out = g.copy()
    painted = False
    for c in range(w):
        v = g[0, c]
        if v == 0:
            continue
        for r in range(1, h):
            for cc in ((c - 1, c + 1) if r % 2 == 1 else (c, c)):
                if 0 <= cc < w:
                    out[r, cc] = v
                    painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def _free(out, r, c, dr, dc):
    """Whether the walk may step from (r, c) along (dr, dc): the next cell is in the grid and bare,
    and the one after it is off the grid or bare too (so one bare cell stays between the turns)."""
    h, w = out.shape
    r1, c1 = r + dr, c + dc
    if not (0 <= r1 < h and 0 <= c1 < w) or out[r1, c1] != 0:
        return False
    r2, c2 = r1 + dr, c1 + dc
    return not (0 <= r2 < h and 0 <= c2 < w) or out[r2, c2] == 0


@njit(cache=True)
def spiral(g, p):
    """An empty grid gets a square spiral in FRESH: from the top-left corner rightwards, turning
    clockwise before it would run off the grid or touch its own path. n/a unless every cell is 0."""
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                return na()
    out = g.copy()
    dr = np.array([0, 1, 0, -1])  # right, down, left, up: clockwise
    dc = np.array([1, 0, -1, 0])
    r, c, k = 0, 0, 0
    out[0, 0] = FRESH
    for _ in range(h * w):
        if not _free(out, r, c, dr[k], dc[k]):
            k = (k + 1) % 4
            if not _free(out, r, c, dr[k], dc[k]):
                break
        r, c = r + dr[k], c + dc[k]
        out[r, c] = FRESH
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"bounce({s})", bounce, p, 2) for p, s in enumerate(("corners", "segments"))]
            + [Primitive(f"detour_rays({s})", detour_rays, p, 2) for p, s in enumerate(DETOUR_NAMES)]
            + [Primitive("zigzag_down", zigzag_down, 0, 2), Primitive("spiral", spiral, 0, 2)])
