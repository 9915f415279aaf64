"""Fit-to-size primitives: made per task, with the output shape that every train pair shares.

The static table cannot know a task's output size, but many tasks have one fixed output shape
(3x3, 1x1, ...). When they do, these rows take the shape as their parameter, p = h * 32 + w.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _target(p):
    return p // 32, p % 32


@njit(cache=True)
def tile_to(g, p):
    """Repeat g periodically from the top-left until it fills h x w (a crop when g is larger)."""
    th, tw = _target(p)
    h, w = g.shape
    out = np.empty((th, tw), dtype=np.uint8)
    for r in range(th):
        for c in range(tw):
            out[r, c] = g[r % h, c % w]
    return out


@njit(cache=True)
def mirror_tile_to(g, p):
    """Like tile_to, but every other copy is mirrored, so neighbouring copies meet edge to edge."""
    th, tw = _target(p)
    h, w = g.shape
    out = np.empty((th, tw), dtype=np.uint8)
    for r in range(th):
        rr = r % h if (r // h) % 2 == 0 else h - 1 - r % h
        for c in range(tw):
            cc = c % w if (c // w) % 2 == 0 else w - 1 - c % w
            out[r, c] = g[rr, cc]
    return out


@njit(cache=True)
def scale_to(g, p):
    """Nearest-neighbour resize to h x w: integer and non-integer up- and down-scaling alike."""
    th, tw = _target(p)
    h, w = g.shape
    out = np.empty((th, tw), dtype=np.uint8)
    for r in range(th):
        for c in range(tw):
            out[r, c] = g[(r * h) // th, (c * w) // tw]
    return out


@njit(cache=True)
def embed_to(g, p):
    """g in the top-left corner of an h x w zero canvas; n/a when g does not fit."""
    th, tw = _target(p)
    h, w = g.shape
    if h > th or w > tw:
        return np.zeros((0, 0), dtype=np.uint8)
    out = np.zeros((th, tw), dtype=np.uint8)
    out[:h, :w] = g
    return out


@njit(cache=True)
def centre_to(g, p):
    """The h x w window at the centre of g (a crop), or g centred on a zero canvas (a pad);
    n/a where the centre is not a whole cell."""
    th, tw = _target(p)
    h, w = g.shape
    if (h - th) % 2 != 0 or (w - tw) % 2 != 0:
        return np.zeros((0, 0), dtype=np.uint8)
    dr = (h - th) // 2
    dc = (w - tw) // 2
    out = np.zeros((th, tw), dtype=np.uint8)
    for r in range(th):
        for c in range(tw):
            rr, cc = r + dr, c + dc
            if 0 <= rr < h and 0 <= cc < w:
                out[r, c] = g[rr, cc]
    return out


@njit(cache=True)
def _pack(g, p, by_column, snake):
    """g's coloured cells, read by column (left to right, each top down) or by row, written in that
    order into an h x w zero canvas row by row, every other row right to left with snake; n/a when
    there are more cells than places, or none."""
    th, tw = _target(p)
    h, w = g.shape
    out = np.zeros((th, tw), dtype=np.uint8)
    k = 0
    for i in range(w if by_column else h):
        for j in range(h if by_column else w):
            v = g[j, i] if by_column else g[i, j]
            if v == 0:
                continue
            if k >= th * tw:
                return np.zeros((0, 0), dtype=np.uint8)
            r, c = k // tw, k % tw
            out[r, tw - 1 - c if snake and r % 2 == 1 else c] = v
            k += 1
    if k == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    return out


@njit(cache=True)
def pack_to(g, p):
    """The coloured cells, read by column, packed into h x w in reading order."""
    return _pack(g, p, True, False)


@njit(cache=True)
def snake_to(g, p):
    """The coloured cells, read by column, packed into h x w back and forth (every other row right
    to left)."""
    return _pack(g, p, True, True)


def entries_for(shape: tuple[int, int]) -> list[Primitive]:
    """The rows for one task whose train outputs all have `shape`."""
    h, w = shape
    p = h * 32 + w
    kernels = (("tile_to", tile_to), ("mirror_tile_to", mirror_tile_to), ("scale_to", scale_to),
               ("embed_to", embed_to), ("centre_to", centre_to), ("pack_to", pack_to), ("snake_to", snake_to))
    return [Primitive(f"{name}({h}x{w})", k, p, 2) for name, k in kernels]
