"""Stamp primitives: copy a template object onto marker objects.

A common ARC move: one multicoloured shape is the pattern, and small marks (single cells, or blocks
of the pattern's size) say where copies go. Or one shape is repeated in a marker's colour, step by
step in the marker's direction up to the grid's edge (designed from arc1-training 045e512c and
e8dc4411).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, na, object_sizes
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


MAX_MARKERS = 8  # more small objects than this is noise, not a set of directions
# repeat_toward's p: 0 steps so that the first copy covers the marker, 1-3 by the box plus a gap
REPEAT_STEPS = ("marker", "gap-1", "gap0", "gap1")


@njit(cache=True)
def _covering_step(lab, t, i, box, dr, dc, limit):
    """The smallest s >= 1 at which the template t, moved by (dr * s, dc * s), covers every cell of
    object i and lands on none of its own cells; 0 when there is none up to `limit`."""
    h, w = lab.shape
    for s in range(1, limit + 1):
        ok = True
        for r in range(box[i, 0], box[i, 1] + 1):
            for c in range(box[i, 2], box[i, 3] + 1):
                if lab[r, c] != i:
                    continue
                rr, cc = r - dr * s, c - dc * s
                if not (0 <= rr < h and 0 <= cc < w) or lab[rr, cc] != t:
                    ok = False
        for r in range(box[t, 0], box[t, 1] + 1):
            for c in range(box[t, 2], box[t, 3] + 1):
                rr, cc = r + dr * s, c + dc * s
                if lab[r, c] == t and 0 <= rr < h and 0 <= cc < w and lab[rr, cc] == t:
                    ok = False
        if ok:
            return s
    return 0


@njit(cache=True)
def repeat_toward(g, p):
    """The largest object (8-connected, one colour, at least 2 cells, unique) is a template and every
    other object a smaller marker: copies of the template's shape go in the marker's colour, one
    after another up to the grid's edge, onto zero cells, in the direction of the marker from the
    template (the sign of the difference of their box centres on each axis). The step: p = 0 the
    smallest that makes the first copy cover the marker without landing on the template, p = 1-3
    the template's box plus a gap of -1, 0 or 1 cells. n/a with no marker or more than
    MAX_MARKERS, a marker as large as the template or centred on it, or nothing painted."""
    lab, n = label(g, 1, 0)
    if n < 2 or n > MAX_MARKERS + 1:
        return na()
    h, w = g.shape
    box = label_boxes(lab, n)
    size = object_sizes(lab, n)
    t = 0
    for i in range(n):
        if size[i] > size[t]:
            t = i
    th, tw = box[t, 1] - box[t, 0] + 1, box[t, 3] - box[t, 2] + 1
    out = g.copy()
    painted = False
    for i in range(n):
        if i == t:
            continue
        if size[i] >= size[t]:
            return na()
        # doubled centres keep half cells exact
        ar = box[i, 0] + box[i, 1] - box[t, 0] - box[t, 1]
        ac = box[i, 2] + box[i, 3] - box[t, 2] - box[t, 3]
        dr, dc = (ar > 0) - (ar < 0), (ac > 0) - (ac < 0)
        if dr == 0 and dc == 0:
            return na()
        if p == 0:
            s = _covering_step(lab, t, i, box, dr, dc, max(h, w))
            if s == 0:
                return na()
            sr, sc = dr * s, dc * s
        else:
            sr, sc = dr * (th + p - 2), dc * (tw + p - 2)
            if sr == 0 and sc == 0:
                return na()
        v = 0  # the marker's colour (objects are labelled one colour each)
        for r in range(box[i, 0], box[i, 1] + 1):
            for c in range(box[i, 2], box[i, 3] + 1):
                if lab[r, c] == i:
                    v = g[r, c]
        k = 1
        while True:
            top, left = box[t, 0] + k * sr, box[t, 2] + k * sc
            if top >= h or left >= w or top + th <= 0 or left + tw <= 0:
                break
            for r in range(th):
                for c in range(tw):
                    rr, cc = top + r, left + c
                    if 0 <= rr < h and 0 <= cc < w and lab[box[t, 0] + r, box[t, 2] + c] == t and out[rr, cc] == 0:
                        out[rr, cc] = v
                        painted = True
            k += 1
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    return [Primitive("stamp(keep)", stamp, 0, 2), Primitive("stamp(erase)", stamp, 1, 2),
            Primitive("stamp(keep,conn4)", stamp, 2, 2), Primitive("stamp(erase,conn4)", stamp, 3, 2),
            Primitive("complete_templates", complete_templates, 0, 2),
            Primitive("frame_to_twin", frame_to_twin, 0, 2)] + [
        Primitive(f"repeat_toward({s})", repeat_toward, p, 3) for p, s in enumerate(REPEAT_STEPS)]
