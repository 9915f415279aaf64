"""Fit-to-size primitives: made per task, with the output shape that every train pair shares.

The static table cannot know a task's output size, but many tasks have one fixed output shape
(3x3, 1x1, ...). When they do, these rows take the shape as their parameter, p = h * 32 + w.

Some of them read or anchor in one direction (tiling from the top-left corner, packing cells in
reading order), which a turned or mirrored task does not share. Those also come turned: with
p = k * 1024 + h * 32 + w, the row runs in the frame of dihedral symmetry k (turn the grid back by
k, fit to the shape turned back, turn the result by k), so each corner and reading order has a row.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_geometry import DIHEDRAL_NAMES, dihedral

TURN = 1024  # p = k * TURN + h * 32 + w
# the symmetries that give each anchored row a distinct corner: identity, flip_lr, flip_ud, rot180
CORNERS = (0, 4, 5, 2)


@njit(cache=True)
def _target(p):
    return (p % TURN) // 32, p % 32


@njit(cache=True)
def _inverse(k):
    """The dihedral element that undoes k: the quarter turns swap, every flip is its own inverse."""
    return (4 - k) % 4 if k < 4 else k


@njit(cache=True)
def _turned_in(g, p):
    """g and the target shape as seen in the frame of symmetry k = p // TURN, as a parameter."""
    k = p // TURN
    if k == 0:  # the published frame: no copy (these rows run in the search's inner loop)
        return g, p
    th, tw = _target(p)
    if k == 1 or k == 3 or k == 6 or k == 7:
        th, tw = tw, th
    return dihedral(g, _inverse(k)), th * 32 + tw


@njit(cache=True)
def _turned_out(out, p):
    """A result from the turned frame, turned back; n/a stays n/a."""
    if out.size == 0 or p < TURN:
        return out
    return dihedral(out, p // TURN)


@njit(cache=True)
def _tile_to(g, p):
    """Repeat g periodically from the top-left until it fills h x w (a crop when g is larger)."""
    th, tw = _target(p)
    h, w = g.shape
    out = np.empty((th, tw), dtype=np.uint8)
    for r in range(th):
        for c in range(tw):
            out[r, c] = g[r % h, c % w]
    return out


@njit(cache=True)
def _mirror_tile_to(g, p):
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
def tile_to(g, p):
    """Repeat g periodically from the top-left corner (turned: another corner) until it fills
    h x w (a crop when g is larger)."""
    t, q = _turned_in(g, p)
    return _turned_out(_tile_to(t, q), p)


@njit(cache=True)
def mirror_tile_to(g, p):
    """Like tile_to, but every other copy is mirrored, so neighbouring copies meet edge to edge."""
    t, q = _turned_in(g, p)
    return _turned_out(_mirror_tile_to(t, q), p)


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
def _embed_to(g, p):
    """g in the top-left corner of an h x w zero canvas; n/a when g does not fit."""
    th, tw = _target(p)
    h, w = g.shape
    if h > th or w > tw:
        return np.zeros((0, 0), dtype=np.uint8)
    out = np.zeros((th, tw), dtype=np.uint8)
    out[:h, :w] = g
    return out


@njit(cache=True)
def embed_to(g, p):
    """g in the top-left corner (turned: another corner) of an h x w zero canvas; n/a when g does
    not fit."""
    t, q = _turned_in(g, p)
    return _turned_out(_embed_to(t, q), p)


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
    """The coloured cells, read by column, packed into h x w in reading order (turned: read and
    written in the turned frame)."""
    t, q = _turned_in(g, p)
    return _turned_out(_pack(t, q, True, False), p)


@njit(cache=True)
def snake_to(g, p):
    """The coloured cells, read by column, packed into h x w back and forth (every other row right
    to left; turned: read and written in the turned frame)."""
    t, q = _turned_in(g, p)
    return _turned_out(_pack(t, q, True, True), p)


def entries_for(shape: tuple[int, int]) -> list[Primitive]:
    """The rows for one task whose train outputs all have `shape`: each kernel as read in the
    published frame, then (one more unit of cost, for the symmetry it names) the anchored ones from
    the other corners and the packing ones in the other reading orders."""
    h, w = shape
    p = h * 32 + w
    kernels = (("tile_to", tile_to, CORNERS), ("mirror_tile_to", mirror_tile_to, CORNERS),
               ("scale_to", scale_to, (0,)), ("embed_to", embed_to, CORNERS), ("centre_to", centre_to, (0,)),
               ("pack_to", pack_to, range(8)), ("snake_to", snake_to, range(8)))
    rows = [Primitive(f"{name}({h}x{w})", k, p, 2) for name, k, _ in kernels]
    rows += [Primitive(f"{name}({h}x{w},{DIHEDRAL_NAMES[t]})", k, t * TURN + p, 3)
             for name, k, turns in kernels for t in turns if t]
    return rows
