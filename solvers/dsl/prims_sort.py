"""Arranging primitives: objects laid out again, in order of size or where their shape points.

Designed from beb8660c (horizontal bars, one per row, are stacked at the bottom of the grid from the
longest up to the shortest, against its right side; other sides and directions are a flip or a
transpose away in the search) and a61ba2ce (four L-shaped corners, scattered, are put together into
one square, each in the corner it shapes).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def sort_bars(g, p):
    """Where every row holds at most one run of coloured cells, all of one colour, the runs are
    stacked at the bottom, longest lowest (ties keep their order from the top), against the right
    side (p = 0) or the left (p = 1). n/a when a row has two runs or two colours, or nothing moves."""
    h, w = g.shape
    start = np.full(h, -1, dtype=np.int64)
    length = np.zeros(h, dtype=np.int64)
    colour = np.zeros(h, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            if start[r] < 0:
                start[r], colour[r] = c, v
            elif v != colour[r] or c != start[r] + length[r]:
                return na()  # a second colour, or a second run
            length[r] += 1
    # longest first; among equal lengths the lowest first, so that the stack keeps their order
    order = np.argsort(-(length * (h + 1) + np.arange(h)), kind="mergesort")
    out = np.zeros_like(g)
    row = h - 1
    for k in order:
        if length[k] == 0:
            break
        c0 = w - length[k] if p == 0 else 0
        for c in range(c0, c0 + length[k]):
            out[row, c] = colour[k]
        row -= 1
    if row == h - 1 or (out == g).all():
        return na()
    return out


@njit(cache=True)
def _side(total, n, span):
    """-1, 1 or 0: whether n cells whose offsets in a box of side span sum to total lean to its
    first half, its second, or neither."""
    twice = 2 * total
    return -1 if twice < n * (span - 1) else 1 if twice > n * (span - 1) else 0


@njit(cache=True)
def assemble_corners(g, p):
    """Four objects (8-connected, one colour each) with boxes of one size, each leaning to a different
    corner of its box (its cells' mean lies off the box's middle row and column): put together as the
    four corners of one grid twice the box's size, each object in the corner it leans to. n/a
    otherwise."""
    lab, n = label(g, 1, 0)
    if n != 4:
        return na()
    boxes = label_boxes(lab, n)
    bh, bw = boxes[0, 1] - boxes[0, 0] + 1, boxes[0, 3] - boxes[0, 2] + 1
    h, w = g.shape
    rsum = np.zeros(n, dtype=np.int64)
    csum = np.zeros(n, dtype=np.int64)
    size = np.zeros(n, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                rsum[i] += r - boxes[i, 0]
                csum[i] += c - boxes[i, 2]
                size[i] += 1
    out = np.zeros((2 * bh, 2 * bw), dtype=np.uint8)
    taken = np.zeros(4, dtype=np.bool_)
    for i in range(n):
        if boxes[i, 1] - boxes[i, 0] + 1 != bh or boxes[i, 3] - boxes[i, 2] + 1 != bw:
            return na()
        vr, vc = _side(rsum[i], size[i], bh), _side(csum[i], size[i], bw)
        if vr == 0 or vc == 0:
            return na()
        q = (vr > 0) * 2 + (vc > 0)
        if taken[q]:
            return na()
        taken[q] = True
        for r in range(bh):
            for c in range(bw):
                if lab[boxes[i, 0] + r, boxes[i, 2] + c] == i:
                    out[(vr > 0) * bh + r, (vc > 0) * bw + c] = g[boxes[i, 0] + r, boxes[i, 2] + c]
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"sort_bars({s})", sort_bars, p, 2) for p, s in enumerate(("right", "left"))]
            + [Primitive("assemble_corners", assemble_corners, 0, 2)])
