"""Colour primitives: keep / erase / replace colours, recolour by statistics, recolour objects.

Objects here are 4-connected components of one non-zero colour.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, label, na, object_sizes
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def most_common_nonzero(g, least):
    """The most (least=True: least) common non-zero colour present; ties to the lower colour; -1 if none."""
    cnt = colour_counts(g)
    best = -1
    for k in range(1, 10):
        if cnt[k] == 0:
            continue
        if best < 0 or (cnt[k] < cnt[best] if least else cnt[k] > cnt[best]):
            best = k
    return best


@njit(cache=True)
def label_objects(g, diag, anycol):
    """Label the connected components of one non-zero colour (4-connected; diag=True: 8-connected;
    anycol=True: of non-zero cells whatever their colour).

    Returns (labels, sizes, n): labels -1 on zero cells, else 0..n-1 in scan order of first cell;
    sizes[i] the cell count of object i.
    """
    labels, n = label(g, diag, anycol)
    return labels, object_sizes(labels, n), n


@njit(cache=True)
def keep_colour(g, p):
    """Keep cells of colour p; every other cell becomes 0."""
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if g[r, c] == p:
                out[r, c] = g[r, c]
    return out


@njit(cache=True)
def replace_colour(g, p):
    """Replace colour a by colour b, p = a * 10 + b (erase colour c is p = c * 10)."""
    a = p // 10
    b = np.uint8(p % 10)
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] == a:
                out[r, c] = b
    return out


@njit(cache=True)
def recolour_nonzero(g, p):
    """Every non-zero cell becomes colour p."""
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                out[r, c] = p
    return out


@njit(cache=True)
def fill_zero_with_stat(g, p):
    """Zero cells take the most (p = 0) or least (p = 1) common non-zero colour; n/a without one."""
    k = most_common_nonzero(g, p == 1)
    if k < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0:
                out[r, c] = k
    return out


@njit(cache=True)
def keep_colour_stat(g, p):
    """Keep the cells of the most (p = 0) or least (p = 1) common non-zero colour; n/a without one."""
    k = most_common_nonzero(g, p == 1)
    if k < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    return keep_colour(g, k)


@njit(cache=True)
def recolour_by_size_rank(g, p):
    """Each object takes colour 1 + the dense rank of its size: p = 0 largest -> 1, p = 1 smallest -> 1.

    Equal sizes share a colour. Not applicable with no objects or more than 9 distinct sizes.
    """
    labels, sizes, n = label_objects(g, False, False)
    if n == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    colour = np.zeros(n, dtype=np.int64)
    for i in range(n):
        rank = 0  # number of distinct sizes strictly before sizes[i]
        for j in range(n):
            before = sizes[j] > sizes[i] if p == 0 else sizes[j] < sizes[i]
            if before:
                dup = False
                for k in range(j):
                    if sizes[k] == sizes[j]:
                        dup = True
                        break
                if not dup:
                    rank += 1
        if rank >= 9:
            return np.zeros((0, 0), dtype=np.uint8)
        colour[i] = rank + 1
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0:
                out[r, c] = colour[labels[r, c]]
    return out


@njit(cache=True)
def recolour_by_size(g, p):
    """Each object takes colour min(its cell count, 9)."""
    labels, sizes, n = label_objects(g, False, False)
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0:
                out[r, c] = min(sizes[labels[r, c]], 9)
    return out


@njit(cache=True)
def swap_top_colours(g, p):
    """Swap the two most common non-zero colours (ties to the lower colour); n/a with fewer than two."""
    cnt = colour_counts(g)
    a = -1
    b = -1
    for k in range(1, 10):
        if cnt[k] == 0:
            continue
        if a < 0 or cnt[k] > cnt[a]:
            b = a
            a = k
        elif b < 0 or cnt[k] > cnt[b]:
            b = k
    if b < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] == a:
                out[r, c] = b
            elif g[r, c] == b:
                out[r, c] = a
    return out


@njit(cache=True)
def normalise_background(g, p):
    """Swap the most common colour (0 included; ties to the lower colour) with 0."""
    cnt = colour_counts(g)
    bg = 0
    for k in range(1, 10):
        if cnt[k] > cnt[bg]:
            bg = k
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] == bg:
                out[r, c] = 0
            elif g[r, c] == 0:
                out[r, c] = bg
    return out


@njit(cache=True)
def reverse_rings(g, p):
    """Where the grid is concentric rings of one colour each (ring d: the cells d steps from the
    edge), ring d takes the colour of ring D - d, D the innermost: the rings' order turned inside
    out (85c4e7cd). n/a when a ring has two colours or nothing changes."""
    h, w = g.shape
    depth = (min(h, w) - 1) // 2
    ring = np.full(depth + 1, -1, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            d = min(min(r, c), min(h - 1 - r, w - 1 - c))
            if ring[d] == -1:
                ring[d] = g[r, c]
            elif ring[d] != g[r, c]:
                return na()
    out = np.empty_like(g)
    changed = False
    for r in range(h):
        for c in range(w):
            d = min(min(r, c), min(h - 1 - r, w - 1 - c))
            out[r, c] = ring[depth - d]
            changed = changed or out[r, c] != g[r, c]
    if not changed:
        return na()
    return out


def entries() -> list[Primitive]:
    out = [Primitive(f"keep_colour({c})", keep_colour, c, 1) for c in range(1, 10)]
    out += [Primitive(f"erase_colour({c})", replace_colour, c * 10, 2) for c in range(1, 10)]
    out += [Primitive(f"fill_zero({c})", replace_colour, c, 2) for c in range(1, 10)]
    out += [Primitive(f"recolour_nonzero({c})", recolour_nonzero, c, 1) for c in range(1, 10)]
    out += [
        Primitive("fill_zero(most_common)", fill_zero_with_stat, 0, 2),
        Primitive("fill_zero(least_common)", fill_zero_with_stat, 1, 3),
        Primitive("keep_colour(most_common)", keep_colour_stat, 0, 2),
        Primitive("keep_colour(least_common)", keep_colour_stat, 1, 2),
        Primitive("recolour_by_size_rank(largest)", recolour_by_size_rank, 0, 2),
        Primitive("recolour_by_size_rank(smallest)", recolour_by_size_rank, 1, 3),
        Primitive("recolour_by_size", recolour_by_size, 0, 3),
        Primitive("swap_top_colours", swap_top_colours, 0, 2),
        Primitive("normalise_background", normalise_background, 0, 2),
        Primitive("reverse_rings", reverse_rings, 0, 2),
    ]
    return out
