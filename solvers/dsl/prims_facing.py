"""Facing primitives: what two objects facing each other across the background do to the gap or to
each other.

Designed from arc1-training tasks: d6ad076f (the gap between two blocks that face each other is
filled over the span they share, one cell in from each end) and 1f642eb9 (each pixel lying in line
with a large block paints the block's cell it faces in its own colour), b548a754 (a framed box is
stretched until its far side reaches a lone pixel, which it then covers), a1570a43 (a shape is moved
into the middle of the frame that four corner pixels mark), d89b689b (four pixels land on the
corners of a block), 928ad970 (four pixels mark a box, drawn one cell inside them).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, label, label_boxes, mask_box, na, object_sizes
from solvers.dsl.primitive import Primitive

MAX_OBJECTS = 40  # pairs of objects are compared: beyond this many, a grid is noise, not blocks


@njit(cache=True)
def _gap_clear(g, r0, r1, c0, c1):
    """Whether rows r0..r1 x columns c0..c1 (inclusive) are all zero."""
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if g[r, c] != 0:
                return False
    return True


@njit(cache=True)
def span_gap(g, p):
    """FRESH over the gap between two objects (4-connected, one colour) that face each other across
    zero cells: the rows (or columns) between them, over the columns (rows) both boxes span, p cells
    in from each end of that span. Only gaps clear of any other colour are filled. n/a when none is."""
    lab, n = label(g, 0, 0)
    if n < 2 or n > MAX_OBJECTS:
        return na()
    box = label_boxes(lab, n)  # per object: r0, r1, c0, c1
    out = g.copy()
    painted = False
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            # j below i: rows between them, over the columns both span
            if box[j, 0] > box[i, 1] + 1:
                c0 = max(box[i, 2], box[j, 2])
                c1 = min(box[i, 3], box[j, 3])
                r0, r1 = box[i, 1] + 1, box[j, 0] - 1
                if c1 >= c0 and _gap_clear(g, r0, r1, c0, c1) and c1 - c0 >= 2 * p:
                    for r in range(r0, r1 + 1):
                        for c in range(c0 + p, c1 - p + 1):
                            out[r, c] = FRESH
                            painted = True
            # j right of i: columns between them, over the rows both span
            if box[j, 2] > box[i, 3] + 1:
                r0 = max(box[i, 0], box[j, 0])
                r1 = min(box[i, 1], box[j, 1])
                c0, c1 = box[i, 3] + 1, box[j, 2] - 1
                if r1 >= r0 and _gap_clear(g, r0, r1, c0, c1) and r1 - r0 >= 2 * p:
                    for r in range(r0 + p, r1 - p + 1):
                        for c in range(c0, c1 + 1):
                            out[r, c] = FRESH
                            painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def project_onto(g, p):
    """Every coloured cell outside the largest object (8-connected, any colours) that sees that
    object along a row or a column across zero cells paints the first cell of it that it meets in
    its own colour. n/a when no cell does."""
    lab, n = label(g, 1, 1)
    if n < 2:
        return na()
    sizes = object_sizes(lab, n)
    big = np.argmax(sizes)
    h, w = g.shape
    out = g.copy()
    painted = False
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0 or lab[r, c] == big:
                continue
            for k in range(4):
                dr = (-1, 1, 0, 0)[k]
                dc = (0, 0, -1, 1)[k]
                rr, cc = r + dr, c + dc
                while 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0:
                    rr += dr
                    cc += dc
                if 0 <= rr < h and 0 <= cc < w and lab[rr, cc] == big:
                    out[rr, cc] = g[r, c]
                    painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def pixels_onto(g, p):
    """Every lone pixel (an 8-connected object of one cell) leaves its place and lands on the cell
    of the largest object nearest to it (straight-line distance), in its own colour. n/a when there
    is no pixel, when the largest object ties, or when a pixel has two nearest cells or shares one
    with another pixel."""
    lab, n = label(g, 1, 1)
    if n < 2:
        return na()
    sizes = object_sizes(lab, n)
    big = np.argmax(sizes)
    for i in range(n):
        if i != big and sizes[i] == sizes[big]:
            return na()
    h, w = g.shape
    out = g.copy()
    landed = np.zeros((h, w), dtype=np.bool_)
    moved = False
    for r in range(h):
        for c in range(w):
            if lab[r, c] < 0 or lab[r, c] == big or sizes[lab[r, c]] != 1:
                continue
            best, br, bc, ties = 1 << 30, -1, -1, 0
            for rr in range(h):
                for cc in range(w):
                    if lab[rr, cc] != big:
                        continue
                    d = (rr - r) * (rr - r) + (cc - c) * (cc - c)
                    if d < best:
                        best, br, bc, ties = d, rr, cc, 0
                    elif d == best:
                        ties += 1
            if ties > 0 or landed[br, bc]:
                return na()
            landed[br, bc] = True
            out[br, bc] = g[r, c]
            out[r, c] = 0
            moved = True
    if not moved:
        return na()
    return out


@njit(cache=True)
def _stretch_down(a, r0, r1, c0, c1, mr, mc):
    """a with its box rows r0..r1 x columns c0..c1 stretched down to row mr: the box's last row
    moves to mr and its second-last row fills the rows in between; the pixel at (mr, mc) is
    covered or erased."""
    out = a.copy()
    out[mr, mc] = 0
    inner = r1 - 1 if r1 > r0 else r1
    for r in range(r1, mr):
        for c in range(c0, c1 + 1):
            out[r, c] = a[inner, c]
    for c in range(c0, c1 + 1):
        out[mr, c] = a[r1, c]
    return out


@njit(cache=True)
def stretch_to_pixel(g, p):
    """Where the grid holds one object (8-connected, any colours) and one lone pixel in line with
    its box, the box stretches toward the pixel until its far side lies on the pixel's row (or
    column), repeating the line next to that side. n/a for any other layout."""
    lab, n = label(g, 1, 1)
    if n != 2:
        return na()
    sizes = object_sizes(lab, n)
    big = 0 if sizes[0] > sizes[1] else 1
    if sizes[1 - big] != 1:
        return na()
    box = label_boxes(lab, n)
    r0, r1, c0, c1 = box[big, 0], box[big, 1], box[big, 2], box[big, 3]
    mr, mc = box[1 - big, 0], box[1 - big, 2]
    h, w = g.shape
    if c0 <= mc <= c1 and mr > r1:  # below: stretch down as it is
        return _stretch_down(g, r0, r1, c0, c1, mr, mc)
    if c0 <= mc <= c1 and mr < r0:  # above: upside down, down, back
        return _stretch_down(g[::-1].copy(), h - 1 - r1, h - 1 - r0, c0, c1, h - 1 - mr, mc)[::-1].copy()
    if r0 <= mr <= r1 and mc > c1:  # right: transposed, down, back
        return _stretch_down(g.T.copy(), c0, c1, r0, r1, mc, mr).T.copy()
    if r0 <= mr <= r1 and mc < c0:  # left: transposed and upside down
        t = g.T[::-1].copy()
        return _stretch_down(t, w - 1 - c1, w - 1 - c0, r0, r1, w - 1 - mc, mr)[::-1].T.copy()
    return na()


@njit(cache=True)
def move_into_corners(g, p):
    """Where four lone pixels of one colour mark the corners of a rectangle, every other coloured
    cell moves as one shape so that its box is centred in the rectangle's inside (upper-left when
    the spare space is odd). n/a without such corners, when the shape does not fit or stays put.
    Objects are 8-connected and of one colour, so a mark touching the shape is still a lone pixel."""
    lab, n = label(g, 1, 0)
    if n < 5:
        return na()
    sizes = object_sizes(lab, n)
    box = label_boxes(lab, n)
    # the marks: the single-cell objects of the colour that has exactly four of them
    count = np.zeros(10, dtype=np.int64)
    for i in range(n):
        if sizes[i] == 1:
            count[g[box[i, 0], box[i, 2]]] += 1
    mark = -1
    for v in range(1, 10):
        if count[v] == 4:
            mark = v
    if mark < 0:
        return na()
    rows = np.empty(4, dtype=np.int64)
    cols = np.empty(4, dtype=np.int64)
    k = 0
    for i in range(n):
        if sizes[i] == 1 and g[box[i, 0], box[i, 2]] == mark:
            rows[k] = box[i, 0]
            cols[k] = box[i, 2]
            k += 1
    m0, m1, n0, n1 = rows.min(), rows.max(), cols.min(), cols.max()
    for k in range(4):  # each mark on a corner, and the four corners distinct
        if (rows[k] != m0 and rows[k] != m1) or (cols[k] != n0 and cols[k] != n1):
            return na()
    if m1 - m0 < 2 or n1 - n0 < 2:
        return na()
    shape = g != 0  # every other coloured cell
    for k in range(4):
        shape[rows[k], cols[k]] = False
    s0, s1, t0, t1 = mask_box(shape)
    if s1 < 0:
        return na()
    spare_r = (m1 - m0 - 1) - (s1 - s0 + 1)
    spare_c = (n1 - n0 - 1) - (t1 - t0 + 1)
    if spare_r < 0 or spare_c < 0:
        return na()
    dr = m0 + 1 + spare_r // 2 - s0
    dc = n0 + 1 + spare_c // 2 - t0
    if dr == 0 and dc == 0:
        return na()
    out = np.zeros_like(g)
    for k in range(4):
        out[rows[k], cols[k]] = mark
    for r in range(s0, s1 + 1):
        for c in range(t0, t1 + 1):
            if shape[r, c]:
                out[r + dr, c + dc] = g[r, c]
    return out


@njit(cache=True)
def marker_frame(g, p):
    """Four or more lone pixels of one colour, the only colour made of lone pixels only, mark a box:
    its outline one cell inside their outermost rows and columns is drawn, on zero cells, in the one
    other colour (FRESH when there is none). n/a when no colour or two colours qualify, when the
    box is under 3 x 3 inside its markers, or when the rest has two colours."""
    h, w = g.shape
    cnt = np.zeros(10, dtype=np.int64)
    crowded = np.zeros(10, dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            cnt[v] += 1
            for rr in range(max(r - 1, 0), min(r + 2, h)):
                for cc in range(max(c - 1, 0), min(c + 2, w)):
                    if (rr != r or cc != c) and g[rr, cc] != 0:
                        crowded[v] = True
    m, other = -1, -1
    for v in range(1, 10):
        if cnt[v] >= 4 and not crowded[v]:
            if m >= 0:
                return na()
            m = v
    for v in range(1, 10):
        if cnt[v] > 0 and v != m:
            if other >= 0:
                return na()
            other = v
    if m < 0:
        return na()
    r0, r1, c0, c1 = mask_box(g == m)
    r0, r1, c0, c1 = r0 + 1, r1 - 1, c0 + 1, c1 - 1
    if r1 - r0 < 2 or c1 - c0 < 2:
        return na()
    colour = FRESH if other < 0 else other
    out = g.copy()
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r == r0 or r == r1 or c == c0 or c == c1) and g[r, c] == 0:
                out[r, c] = colour
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"span_gap({s})", span_gap, p, 2) for p, s in enumerate(("full", "inset"))]
            + [Primitive("project_onto(largest)", project_onto, 0, 2),
               Primitive("stretch_to_pixel", stretch_to_pixel, 0, 2),
               Primitive("move_into_corners", move_into_corners, 0, 2),
               Primitive("pixels_onto(largest)", pixels_onto, 0, 2),
               Primitive("marker_frame", marker_frame, 0, 2)])
