"""Corner primitives: diagonal rays that leave an object through a corner of its box.

Designed from arc1-training tasks where each square sends a diagonal off one of its corners (a
per-colour direction: keep one colour, draw, overlay the pieces), or where an L-shaped object points
through the empty corner of its box and a diagonal continues from there, and ec883f72 (a cup sends
diagonals off the outer corners of its closed side, in the colour of the block it holds) and
93b581b8 (a 2 x 2 block of four colours: each colour is painted as a square off the opposite corner)
and 77fdfe62 (four lone cells at the corners of a rectangle colour the quarters of a shape), and
from arc2-training 4a1cacc2 (a lone cell fills the rectangle between it and the nearest corner).
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


@njit(cache=True)
def corner_key(g, p):
    """Four colours that occur once each, at the four corners of a rectangle, are a key: the least
    common other colour (two cells or more; ties to the lower) is the shape, and each quarter of the
    shape's box takes the colour of the key cell at that corner. p = 0 in place, 1 cropped to the
    shape's box. n/a without such a key, or when the box has an odd side (no quarters)."""
    h, w = g.shape
    cnt = np.zeros(10, dtype=np.int64)
    rk = np.zeros(10, dtype=np.int64)
    ck = np.zeros(10, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            cnt[g[r, c]] += 1
            rk[g[r, c]], ck[g[r, c]] = r, c
    # the key: its rows and columns, each colour's corner, and the shape's colour
    top, bottom, left, right = h, -1, w, -1
    keys, shape = 0, 0
    for v in range(1, 10):
        if cnt[v] == 1:
            keys += 1
            top, bottom = min(top, rk[v]), max(bottom, rk[v])
            left, right = min(left, ck[v]), max(right, ck[v])
        elif cnt[v] > 1 and (shape == 0 or cnt[v] < cnt[shape]):
            shape = v
    if keys != 4 or shape == 0 or top == bottom or left == right:
        return na()
    key = np.zeros((2, 2), dtype=np.uint8)
    for v in range(1, 10):
        if cnt[v] == 1:
            if (rk[v] != top and rk[v] != bottom) or (ck[v] != left and ck[v] != right):
                return na()
            key[int(rk[v] == bottom), int(ck[v] == right)] = v
    if (key == 0).any():
        return na()
    r0, r1, c0, c1 = mask_box(g == shape)
    if (r1 - r0) % 2 == 0 or (c1 - c0) % 2 == 0:
        return na()
    out = g.copy()
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if g[r, c] == shape:
                out[r, c] = key[int(2 * (r - r0) > r1 - r0), int(2 * (c - c0) > c1 - c0)]
    if p == 1:
        return out[r0:r1 + 1, c0:c1 + 1].copy()
    return out


@njit(cache=True)
def fill_to_corner(g, p):
    """Each lone cell (no coloured cell among its 8 neighbours) fills, in its colour, the rectangle
    between it and the grid corner nearest to it (rows plus columns away). n/a on a tie between
    corners, or with no lone cell."""
    h, w = g.shape
    out = g.copy()
    found = False
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0:
                continue
            lone = True
            for rr in range(max(0, r - 1), min(h, r + 2)):
                for cc in range(max(0, c - 1), min(w, c + 2)):
                    if (rr != r or cc != c) and g[rr, cc] != 0:
                        lone = False
            if not lone:
                continue
            up, left = r <= h - 1 - r, c <= w - 1 - c
            if 2 * r == h - 1 or 2 * c == w - 1:
                return na()  # as near one corner as another
            r0, r1 = (0, r) if up else (r, h - 1)
            c0, c1 = (0, c) if left else (c, w - 1)
            out[r0:r1 + 1, c0:c1 + 1] = g[r, c]
            found = True
    if not found:
        return na()
    return out


def entries() -> list[Primitive]:
    names = ("up_left", "up_right", "down_left", "down_right", "empty", "container")
    return ([Primitive(f"corner_rays({s})", corner_rays, p, 2) for p, s in enumerate(names)]
            + [Primitive("opposite_corners", opposite_corners, 0, 2)]
            + [Primitive(f"corner_key({s})", corner_key, p, 3) for p, s in enumerate(("in_place", "cropped"))]
            + [Primitive("fill_to_corner", fill_to_corner, 0, 2)])
