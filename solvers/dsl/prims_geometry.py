"""Geometry primitives: the dihedral group, transpose, shifts, shears."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def dihedral(g, p):
    """One of the 8 symmetries of the square: p = 0 identity, 1..3 rotations by 90p degrees
    counter-clockwise, 4 flip left-right, 5 flip up-down, 6 transpose, 7 anti-transpose."""
    h, w = g.shape
    swap = p == 1 or p == 3 or p == 6 or p == 7
    oh, ow = (w, h) if swap else (h, w)
    out = np.empty((oh, ow), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if p == 0:
                rr, cc = r, c
            elif p == 1:
                rr, cc = w - 1 - c, r
            elif p == 2:
                rr, cc = h - 1 - r, w - 1 - c
            elif p == 3:
                rr, cc = c, h - 1 - r
            elif p == 4:
                rr, cc = r, w - 1 - c
            elif p == 5:
                rr, cc = h - 1 - r, c
            elif p == 6:
                rr, cc = c, r
            else:
                rr, cc = w - 1 - c, h - 1 - r
            out[rr, cc] = g[r, c]
    return out


@njit(cache=True)
def shift(g, p):
    """Shift the content by one cell (p = 0 up, 1 down, 2 left, 3 right), filling with 0."""
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    dr = -1 if p == 0 else (1 if p == 1 else 0)
    dc = -1 if p == 2 else (1 if p == 3 else 0)
    for r in range(h):
        for c in range(w):
            rr, cc = r + dr, c + dc
            if 0 <= rr < h and 0 <= cc < w:
                out[rr, cc] = g[r, c]
    return out


@njit(cache=True)
def shear(g, p):
    """Each row slides right by one cell more than the row below it (p = 0: the top row slides
    furthest) or above it (p = 1: the bottom row does), onto a 0 canvas h - 1 cells wider: the grid
    leans into a parallelogram. n/a for one row or past 30 columns. From arc2-training 3cd86f4f."""
    h, w = g.shape
    if h < 2 or w + h - 1 > 30:
        return na()
    out = np.zeros((h, w + h - 1), dtype=np.uint8)
    for r in range(h):
        s = h - 1 - r if p == 0 else r
        out[r, s:s + w] = g[r]
    return out


DIHEDRAL_NAMES = ("identity", "rot90", "rot180", "rot270", "flip_lr", "flip_ud", "transpose", "antitranspose")


def entries() -> list[Primitive]:
    out = [Primitive(DIHEDRAL_NAMES[p], dihedral, p, 1) for p in range(1, 8)]
    out += [Primitive(f"shift_{d}", shift, p, 2) for p, d in enumerate(("up", "down", "left", "right"))]
    out += [Primitive(f"shear({d})", shear, p, 2) for p, d in enumerate(("top", "bottom"))]
    return out
