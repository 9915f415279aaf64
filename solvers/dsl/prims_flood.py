"""Flood primitives: paint the background reachable from seed cells, in two colours that alternate.

Designed from arc1-training b782dc8a: two touching cells of two colours sit in a maze of walls; the
corridors they reach are painted outward from them in the two colours by turns (a chequer along the
path), and the corridors they do not reach stay empty.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _two_rarest(g, medium):
    """The two least common non-zero colours other than `medium` (a, b), the rarer first, or
    (-1, -1) unless a third colour besides them and the medium is present: the walls."""
    counts = colour_counts(g)
    a, b, kinds = -1, -1, 0
    for k in range(10):
        if counts[k] == 0 or k == medium:
            continue
        kinds += 1
        if k == 0:
            continue
        if a < 0 or counts[k] < counts[a]:
            a, b = k, a
        elif b < 0 or counts[k] < counts[b]:
            b = k
    if kinds < 3 or b < 0:
        return -1, -1
    return a, b


@njit(cache=True)
def alternate_flood(g, p):
    """From every cell of the two rarest colours, a breadth-first flood over the 4-connected cells
    of colour p (0, or 1: where the walls are the commonest colour, the colour numbering makes them
    0 and the corridors 1); each cell it reaches takes the other of the two colours from the cell
    it was reached from. n/a without walls besides the two, or when nothing is reached."""
    a, b = _two_rarest(g, p)
    if a < 0:
        return na()
    h, w = g.shape
    out = g.copy()
    queue = np.empty(h * w, dtype=np.int64)
    head, tail = 0, 0
    for r in range(h):
        for c in range(w):
            if g[r, c] == a or g[r, c] == b:
                queue[tail] = r * w + c
                tail += 1
    painted = False
    while head < tail:
        r, c = queue[head] // w, queue[head] % w
        head += 1
        other = b if out[r, c] == a else a
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < h and 0 <= cc < w and g[rr, cc] == p and out[rr, cc] == p:
                out[rr, cc] = other
                queue[tail] = rr * w + cc
                tail += 1
                painted = True
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    return [Primitive(f"alternate_flood({s})", alternate_flood, p, 2) for p, s in enumerate(("zeros", "ones"))]
