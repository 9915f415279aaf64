"""Per-cell colours that an object takes from another object it is related to, for the feature rule.

The columns of solvers.dsl.cell_objects describe the cell's own object; these say which colour a
related object has, so that the feature rule can write "this object takes that colour" once for
every colour of a task, including colours no train pair showed. They come from 776ffc46: each
object that has the shape of the template drawn inside a frame takes the template's colour. So
shape_twin is the colour of the other-coloured objects of the same shape, shape_twin_turned the
same under a turn or mirror, and shape_twin_enclosed counts only partners enclosed by a frame (in
776ffc46 the same shape outside the frame is no template). twin_holder is the colour of the object
whose box holds such a twin: in 63613498 the shapes that repeat the key in the corner's L of lines
take the lines' colour.

Where there is no such object, or the related objects disagree, a column gives the cell's own
colour: copying it then keeps the cell, so one rule covers the objects with and without a partner.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, object_sizes, outside_background

COLOURS = ("shape_twin", "shape_twin_turned", "shape_twin_enclosed", "twin_holder")
N_COLUMNS = len(COLOURS)


@njit(cache=True)
def same_shape(lab, a, b, box, turns):
    """Whether objects a and b of `lab` have the same cells up to a translation, and with `turns`
    also up to one of the 8 turns and mirrors of b's box."""
    ha = box[a, 1] - box[a, 0] + 1
    wa = box[a, 3] - box[a, 2] + 1
    hb = box[b, 1] - box[b, 0] + 1
    wb = box[b, 3] - box[b, 2] + 1
    for t in range(8 if turns else 1):
        tr = t & 1  # transpose, then flip rows (t & 2), then flip columns (t & 4)
        hh = wa if tr else ha
        ww = ha if tr else wa
        if hh != hb or ww != wb:
            continue
        ok = True
        for r in range(ha):
            for c in range(wa):
                rr = c if tr else r
                cc = r if tr else c
                if t & 2:
                    rr = hh - 1 - rr
                if t & 4:
                    cc = ww - 1 - cc
                in_a = lab[box[a, 0] + r, box[a, 2] + c] == a
                in_b = lab[box[b, 0] + rr, box[b, 2] + cc] == b
                if in_a != in_b:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            return True
    return False


@njit(cache=True)
def enclosed_objects(g, lab, n):
    """(n,) bool: objects none of whose cells touches (4-adjacent) a background cell that the
    background reaches from the grid's edge, nor the edge itself: the objects inside a frame."""
    h, w = g.shape
    outside = outside_background(g)
    enclosed = np.ones(max(n, 1), dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            j = lab[r, c]
            if j < 0:
                continue
            if r == 0 or c == 0 or r == h - 1 or c == w - 1:
                enclosed[j] = False
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < h and 0 <= cc < w and outside[rr, cc]:
                    enclosed[j] = False
    return enclosed


@njit(cache=True)
def twin_colours(lab, n, box, sizes, colour, turns, enclosed, only_enclosed):
    """(n,) int64: per object, the one colour of the other-coloured objects of its shape (only the
    enclosed ones with `only_enclosed`); its own colour when there are none or they disagree."""
    out = colour.copy()
    for a in range(n):
        found = -1
        for b in range(n):
            if colour[b] == colour[a] or sizes[b] != sizes[a] or (only_enclosed and not enclosed[b]):
                continue
            if found == colour[b] or not same_shape(lab, a, b, box, turns):
                continue
            if found == -1:
                found = colour[b]
            else:
                found = -2  # two colours: no one partner
                break
        if found >= 0:
            out[a] = found
    return out


@njit(cache=True)
def holders(box, colour, n):
    """(n,) int64: per object, the smallest other-coloured object whose box holds its box, edges
    included (a corner's L of lines holds what lies in the corner), -1 for none."""
    out = np.full(max(n, 1), -1, dtype=np.int64)
    for a in range(n):
        for b in range(n):
            if colour[b] == colour[a] or not (box[b, 0] <= box[a, 0] and box[b, 1] >= box[a, 1]
                                             and box[b, 2] <= box[a, 2] and box[b, 3] >= box[a, 3]):
                continue
            k = out[a]
            if k < 0 or (box[b, 1] - box[b, 0]) * (box[b, 3] - box[b, 2]) < (box[k, 1] - box[k, 0]) * (
                    box[k, 3] - box[k, 2]):
                out[a] = b
    return out


@njit(cache=True)
def twin_holder_colours(lab, n, box, sizes, colour):
    """(n,) int64: per object, the one colour of the objects whose boxes hold its other-coloured
    twins (a key shape in a legend box: its twins take the box's colour); its own colour otherwise."""
    held = holders(box, colour, n)
    out = colour.copy()
    for a in range(n):
        found = -1
        for b in range(n):
            if held[b] < 0 or colour[b] == colour[a] or sizes[b] != sizes[a]:
                continue
            v = colour[held[b]]
            if found == v or not same_shape(lab, a, b, box, False):
                continue
            if found == -1:
                found = v
            else:
                found = -2
                break
        if found >= 0:
            out[a] = found
    return out


@njit(cache=True)
def relation_colours(g):
    """(h, w, N_COLUMNS) int64, columns as COLOURS; background cells get 0 (their own colour)."""
    h, w = g.shape
    out = np.zeros((h, w, N_COLUMNS), dtype=np.int64)
    # 8-connected one-colour objects: a template is one colour, its partners too
    lab, n = label(g, 1, 0)
    box = label_boxes(lab, n)
    sizes = object_sizes(lab, n)
    colour = np.zeros(max(n, 1), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                colour[lab[r, c]] = g[r, c]
    enclosed = enclosed_objects(g, lab, n)
    twin = twin_colours(lab, n, box, sizes, colour, False, enclosed, False)
    turned = twin_colours(lab, n, box, sizes, colour, True, enclosed, False)
    twin_in = twin_colours(lab, n, box, sizes, colour, False, enclosed, True)
    holder = twin_holder_colours(lab, n, box, sizes, colour)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            i = lab[r, c]
            out[r, c, 0] = twin[i]
            out[r, c, 1] = turned[i]
            out[r, c, 2] = twin_in[i]
            out[r, c, 3] = holder[i]
    return out
