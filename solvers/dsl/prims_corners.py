"""Corner primitives: diagonal rays that leave an object through a corner of its box.

Designed from arc1-training tasks where each square sends a diagonal off one of its corners (a
per-colour direction: keep one colour, draw, overlay the pieces), or where an L-shaped object points
through the empty corner of its box and a diagonal continues from there, and ec883f72 (a cup sends
diagonals off the outer corners of its closed side, in the colour of the block it holds) and
93b581b8 (a 2 x 2 block of four colours: each colour is painted as a square off the opposite corner).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, mask_box, na
from solvers.dsl.primitive import Primitive

# the diagonal directions of corner_rays' p = 0..3: up-left, up-right, down-left, down-right
DR = np.array([-1, -1, 1, 1])
DC = np.array([-1, 1, -1, 1])


@njit(cache=True)
def _ray(g, out, r, c, dr, dc, colour):
    """Paint `colour` from (r, c) on along (dr, dc) over cells that are 0 in `g`, up to the border
    or the first coloured cell. Returns whether it painted."""
    h, w = g.shape
    painted = False
    while 0 <= r < h and 0 <= c < w and g[r, c] == 0:
        out[r, c] = colour
        painted = True
        r += dr
        c += dc
    return painted


@njit(cache=True)
def corner_rays(g, p):
    """From each object (8-connected, any colours), a diagonal ray in the colour of its first cell
    (reading order), starting just past a corner of its box. p = 0..3: the up-left, up-right,
    down-left or down-right corner; p = 4: every corner of the box that the object leaves empty,
    pointing away from the box; p = 5: every corner of the box that the object fills, when another
    object lies inside its box, in that object's colour (a cup sends off the colour it holds). n/a
    when nothing is painted."""
    lab, n = label(g, 1, 1)
    if n == 0:
        return na()
    box = label_boxes(lab, n)
    first = np.full(n, -1, dtype=np.int64)
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0 and first[lab[r, c]] < 0:
                first[lab[r, c]] = g[r, c]
    out = g.copy()
    painted = False
    for i in range(n):
        colour = first[i]
        if p == 5:
            colour = -1
            for j in range(n):
                if (j != i and box[j, 0] >= box[i, 0] and box[j, 1] <= box[i, 1] and box[j, 2] >= box[i, 2]
                        and box[j, 3] <= box[i, 3]):
                    if colour >= 0 and first[j] != colour:
                        return na()
                    colour = first[j]
            if colour < 0:
                continue
        for k in range(4):
            if p < 4 and k != p:
                continue
            r = box[i, 0] if DR[k] < 0 else box[i, 1]
            c = box[i, 2] if DC[k] < 0 else box[i, 3]
            if p == 4 and (lab[r, c] == i or box[i, 0] == box[i, 1] or box[i, 2] == box[i, 3]):
                continue  # the object fills this corner, or its box is a line: no empty corner
            if p == 5 and lab[r, c] != i:
                continue
            painted = _ray(g, out, r + DR[k], c + DC[k], DR[k], DC[k], colour) or painted
    if not painted:
        return na()
    return out


@njit(cache=True)
def opposite_corners(g, p):
    """The grid's only coloured cells form a 2 x 2 block: off each of its corners, diagonally, a
    2 x 2 square (clipped at the border) is painted in the colour of the block's opposite cell. n/a
    otherwise."""
    r0, r1, c0, c1 = mask_box(g != 0)
    if r1 < 0 or r1 - r0 != 1 or c1 - c0 != 1:
        return na()
    h, w = g.shape
    out = g.copy()
    for k in range(4):
        # the square beyond corner k (up-left, up-right, down-left, down-right) takes corner 3 - k
        vr = r0 - 2 if DR[k] < 0 else r1 + 1
        vc = c0 - 2 if DC[k] < 0 else c1 + 1
        v = g[r1 if DR[k] < 0 else r0, c1 if DC[k] < 0 else c0]
        if v == 0:
            return na()
        for r in range(vr, vr + 2):
            for c in range(vc, vc + 2):
                if 0 <= r < h and 0 <= c < w:
                    out[r, c] = v
    return out


def entries() -> list[Primitive]:
    names = ("up_left", "up_right", "down_left", "down_right", "empty", "container")
    return ([Primitive(f"corner_rays({s})", corner_rays, p, 2) for p, s in enumerate(names)]
            + [Primitive("opposite_corners", opposite_corners, 0, 2)])
