"""Stamp primitives: copy a template object onto marker objects.

A common ARC move: one multicoloured shape is the pattern, and small marks (single cells, or blocks
of the pattern's size) say where copies go.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_extract import _largest_frame


@njit(cache=True)
def _boxes(g, lab, n):
    """(n, 5) int64 per object: r0, r1, c0, c1 (inclusive) and the number of its colours."""
    h, w = g.shape
    st = np.zeros((n, 5), dtype=np.int64)
    st[:, :4] = label_boxes(lab, n)
    seen = np.zeros((n, 10), dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0 and not seen[i, g[r, c]]:
                seen[i, g[r, c]] = True
                st[i, 4] += 1
    return st


@njit(cache=True)
def _cut(g, lab, st, i):
    """Object i cut out of g to its box (the cells of other objects in the box are 0)."""
    th, tw = st[i, 1] - st[i, 0] + 1, st[i, 3] - st[i, 2] + 1
    tmpl = np.zeros((th, tw), dtype=np.uint8)
    for r in range(th):
        for c in range(tw):
            if lab[st[i, 0] + r, st[i, 2] + c] == i:
                tmpl[r, c] = g[st[i, 0] + r, st[i, 2] + c]
    return tmpl


@njit(cache=True)
def stamp(g, p):
    """Copy the template onto every marker. The template is the only object (8-connected, any
    colours) with the most colours, at least two; every other object is a marker. A marker with the
    template's box size is replaced by it; a single cell of colour v takes the template's only cell
    of colour v, else (odd sides) its centre. p & 1 also erases the template; p & 2 labels objects
    4-connected (markers that touch the template at a corner stay apart). n/a when nothing is
    stamped."""
    lab, n = label(g, 1 - (p >> 1 & 1), 1)
    if n < 2:
        return na()
    st = _boxes(g, lab, n)
    t = -1
    tie = False
    for i in range(n):
        if t < 0 or st[i, 4] > st[t, 4]:
            t, tie = i, False
        elif st[i, 4] == st[t, 4]:
            tie = True
    if tie or st[t, 4] < 2:
        return na()
    tmpl = _cut(g, lab, st, t)
    th, tw = tmpl.shape
    h, w = g.shape
    out = g.copy()
    if p & 1:
        for r in range(h):
            for c in range(w):
                if lab[r, c] == t:
                    out[r, c] = 0
    stamped = False
    for i in range(n):
        if i == t:
            continue
        bh, bw = st[i, 1] - st[i, 0] + 1, st[i, 3] - st[i, 2] + 1
        if bh == th and bw == tw:
            top, left = st[i, 0], st[i, 2]
            for r in range(h):
                for c in range(w):
                    if lab[r, c] == i:
                        out[r, c] = 0
        elif bh == 1 and bw == 1:
            v = g[st[i, 0], st[i, 2]]
            ar, ac, k = 0, 0, 0
            for r in range(th):
                for c in range(tw):
                    if tmpl[r, c] == v:
                        ar, ac, k = r, c, k + 1
            if k != 1:
                if th % 2 == 0 or tw % 2 == 0:
                    continue
                ar, ac = th // 2, tw // 2
            top, left = st[i, 0] - ar, st[i, 2] - ac
        else:
            continue
        for r in range(th):
            for c in range(tw):
                rr, cc = top + r, left + c
                if tmpl[r, c] != 0 and 0 <= rr < h and 0 <= cc < w:
                    out[rr, cc] = tmpl[r, c]
                    stamped = True
    if not stamped:
        return na()
    return out


MAX_TEMPLATES = 6  # more multicoloured objects than this is noise, not a set of templates


@njit(cache=True)
def _gaps(g, tmpl, k, top, left):
    """With `tmpl` placed at (top, left): -1 unless all its cells of colour k lie on k and each of
    its other cells on 0 or its own colour; else the number of those on 0."""
    th, tw = tmpl.shape
    gaps = 0
    for r in range(th):
        for c in range(tw):
            v, t = g[top + r, left + c], tmpl[r, c]
            if t == 0:
                continue
            if t == k:
                if v != k:
                    return -1
            elif v == 0:
                gaps += 1
            elif v != t:
                return -1
    return gaps


@njit(cache=True)
def _complete_with(g, out, tmpl):
    """Paint `tmpl` (0 = not part of it) into `out` wherever all its cells of one colour k lie on
    cells of colour k in `g` and each of its other cells lies on 0 or on its own colour, with at
    least one 0 to fill. Returns whether anything was painted."""
    h, w = g.shape
    th, tw = tmpl.shape
    present = np.zeros(10, dtype=np.bool_)
    for r in range(th):
        for c in range(tw):
            present[tmpl[r, c]] = True
    painted = False
    for k in range(1, 10):
        if not present[k]:
            continue
        for top in range(h - th + 1):
            for left in range(w - tw + 1):
                if _gaps(g, tmpl, k, top, left) <= 0:
                    continue
                for r in range(th):
                    for c in range(tw):
                        if tmpl[r, c] != 0:
                            out[top + r, left + c] = tmpl[r, c]
                painted = True
    return painted


@njit(cache=True)
def complete_templates(g, p):
    """Complete the partial copies of the templates: every object (8-connected) with two or more
    colours is a template, and a copy is partial when all the template's cells of one colour are
    there and the rest is background. n/a with no template, more than MAX_TEMPLATES, or nothing to
    complete. (p is unused: rotated and flipped templates completed 1 arc1-training task fewer.)"""
    lab, n = label(g, 1, 1)
    st = _boxes(g, lab, n)
    out = g.copy()
    count = 0
    for i in range(n):
        count += st[i, 4] >= 2
    if count == 0 or count > MAX_TEMPLATES:
        return na()
    painted = False
    for i in range(n):
        if st[i, 4] < 2:
            continue
        painted = _complete_with(g, out, _cut(g, lab, st, i)) or painted
    if not painted:
        return na()
    return out


@njit(cache=True)
def _block_is(g, r0, c0, bh, bw, x):
    """Whether the bh x bw block of g at (r0, c0) is all colour x."""
    for r in range(r0, r0 + bh):
        for c in range(c0, c0 + bw):
            if g[r, c] != x:
                return False
    return True


@njit(cache=True)
def frame_to_twin(g, p):
    """The largest one-colour frame (see prims_extract._largest_frame) has an inside of one colour;
    the one other place where a block of that colour and size lies, with room for a frame round
    it, gets a copy of the frame. n/a when there is no such place or more than one."""
    br, bc, bh, bw = _largest_frame(g)
    if bh == 0:
        return na()
    x = g[br + 1, bc + 1]
    ih, iw = bh - 2, bw - 2
    if not _block_is(g, br + 1, bc + 1, ih, iw, x):
        return na()
    h, w = g.shape
    tr, tc, found = 0, 0, 0
    for r in range(1, h - ih):
        for c in range(1, w - iw):
            if (r != br + 1 or c != bc + 1) and _block_is(g, r, c, ih, iw, x):
                tr, tc, found = r - 1, c - 1, found + 1
    if found != 1:
        return na()
    out = g.copy()
    for r in range(bh):
        for c in range(bw):
            if r == 0 or c == 0 or r == bh - 1 or c == bw - 1:
                out[tr + r, tc + c] = g[br + r, bc + c]
    return out


def entries() -> list[Primitive]:
    return [Primitive("stamp(keep)", stamp, 0, 2), Primitive("stamp(erase)", stamp, 1, 2),
            Primitive("stamp(keep,conn4)", stamp, 2, 2), Primitive("stamp(erase,conn4)", stamp, 3, 2),
            Primitive("complete_templates", complete_templates, 0, 2),
            Primitive("frame_to_twin", frame_to_twin, 0, 2)]
