"""Leak primitives: fill each frame's inside, and let the fill run out of the gaps in its walls;
let a hole in a band of colour run across the band.

Designed from arc1-training tasks where a square frame with a missing wall cell is filled and the
fill pours out of the gap in a straight line to the grid's edge (a closed frame is simply filled),
and 855e0971 (the grid is cut into bands of one colour; each hole in a band becomes a line of holes
across it, along the band's short side).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, colour_counts, label, label_boxes, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _pour(g, out, r, c, dr, dc):
    """FRESH from (r, c) in direction (dr, dc) over the zero cells of g, up to the first other cell."""
    h, w = g.shape
    while 0 <= r < h and 0 <= c < w and g[r, c] == 0:
        out[r, c] = FRESH
        r += dr
        c += dc


@njit(cache=True)
def leak(g, p):
    """Each frame (an 8-connected one-colour object lying wholly on its box's edge, at least 3 x 3,
    with at most a quarter of that edge missing) gets FRESH on the zero cells inside its box; with
    p = 1 each gap in a wall (a zero edge cell, corners aside) is filled too and pours a FRESH line
    outward, over zero cells, up to the first other cell or the grid's edge. n/a when nothing is
    painted."""
    lab, n = label(g, 1, 0)
    if n == 0:
        return na()
    box = label_boxes(lab, n)
    out = g.copy()
    painted = False
    for i in range(n):
        r0, r1, c0, c1 = box[i, 0], box[i, 1], box[i, 2], box[i, 3]
        if r1 - r0 < 2 or c1 - c0 < 2:
            continue
        edge = 2 * (r1 - r0 + c1 - c0)
        on_edge = 0
        inside = False
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if lab[r, c] == i:
                    if r == r0 or r == r1 or c == c0 or c == c1:
                        on_edge += 1
                    else:
                        inside = True
        if inside or 4 * (edge - on_edge) > edge:
            continue
        for r in range(r0 + 1, r1):
            for c in range(c0 + 1, c1):
                if g[r, c] == 0:
                    out[r, c] = FRESH
                    painted = True
        if p == 0:
            continue
        for c in range(c0 + 1, c1):  # gaps in the top and bottom walls pour up and down
            if g[r0, c] == 0:
                _pour(g, out, r0, c, -1, 0)
                painted = True
            if g[r1, c] == 0:
                _pour(g, out, r1, c, 1, 0)
                painted = True
        for r in range(r0 + 1, r1):  # in the side walls, left and right
            if g[r, c0] == 0:
                _pour(g, out, r, c0, 0, -1)
                painted = True
            if g[r, c1] == 0:
                _pour(g, out, r, c1, 0, 1)
                painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def _span(g, r, c, dr, dc, v, hole):
    """How far from (r, c) the cells of colour v or `hole` go on in direction (dr, dc)."""
    h, w = g.shape
    k = 0
    while 0 <= r + (k + 1) * dr < h and 0 <= c + (k + 1) * dc < w:
        u = g[r + (k + 1) * dr, c + (k + 1) * dc]
        if u != v and u != hole:
            break
        k += 1
    return k


@njit(cache=True)
def band_holes(g, p):
    """Each hole (a cell of the least common colour whose neighbours in the grid are all of one
    other colour) runs across its band: the hole's colour along its row or column, whichever the
    band (that colour and holes) spans less of through the hole, from the band's edge to its edge.
    The least common colour, not 0: normalising makes the commonest band 0 and the holes some other
    colour. n/a when there is no hole, or a hole spans its band as far both ways."""
    cnt = colour_counts(g)
    hole = -1
    for v in range(10):
        if cnt[v] > 0 and (hole < 0 or cnt[v] < cnt[hole]):
            hole = v
    h, w = g.shape
    out = g.copy()
    painted = False
    for r in range(h):
        for c in range(w):
            if g[r, c] != hole:
                continue
            v = -1
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < h and 0 <= cc < w:
                    u = np.int64(g[rr, cc])
                    v = u if (v == -1 or v == u) and u != hole else -2
            if v < 0:
                continue  # a hole beside a hole, or two colours: not a hole in a band
            up, down = _span(g, r, c, -1, 0, v, hole), _span(g, r, c, 1, 0, v, hole)
            left, right = _span(g, r, c, 0, -1, v, hole), _span(g, r, c, 0, 1, v, hole)
            if up + down == left + right:
                return na()
            if up + down < left + right:
                for rr in range(r - up, r + down + 1):
                    out[rr, c] = hole
            else:
                for cc in range(c - left, c + right + 1):
                    out[r, cc] = hole
            painted = True
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"leak({s})", leak, p, 2) for p, s in enumerate(("fill", "pour"))]
            + [Primitive("band_holes", band_holes, 0, 2)])
