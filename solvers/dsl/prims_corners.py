"""Corner primitives: diagonal rays that leave an object through a corner of its box.

Designed from arc1-training tasks where each square sends a diagonal off one of its corners (a
per-colour direction: keep one colour, draw, overlay the pieces), or where an L-shaped object points
through the empty corner of its box and a diagonal continues from there.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, na
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
    pointing away from the box. n/a when nothing is painted."""
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
        for k in range(4):
            if p < 4 and k != p:
                continue
            r = box[i, 0] if DR[k] < 0 else box[i, 1]
            c = box[i, 2] if DC[k] < 0 else box[i, 3]
            if p == 4 and (lab[r, c] == i or box[i, 0] == box[i, 1] or box[i, 2] == box[i, 3]):
                continue  # the object fills this corner, or its box is a line: no empty corner
            painted = _ray(g, out, r + DR[k], c + DC[k], DR[k], DC[k], first[i]) or painted
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    names = ("up_left", "up_right", "down_left", "down_right", "empty")
    return [Primitive(f"corner_rays({s})", corner_rays, p, 2) for p, s in enumerate(names)]
