"""Drawing primitives: fill enclosed regions, rays, connect same-coloured pixels, outlines,
object interiors, gravity (cells and rigid objects), objects sliding toward an anchor until contact,
an L-shaped path between two marker cells."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, label, label_boxes, na, object_sizes, outside_background
from solvers.dsl.primitive import Primitive

# the 8 directions as (dr, dc); ray masks use bit i for direction i
DIRS = np.array([[-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=np.int64)


@njit(cache=True)
def fill_enclosed(g, p):
    """Paint colour p on the zero cells not 4-connected (through zero cells) to the border."""
    h, w = g.shape
    out = g.copy()
    seen = outside_background(g)
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0 and not seen[r, c]:
                out[r, c] = p
    return out


@njit(cache=True)
def rays(g, p):
    """From every non-zero cell, a ray of its colour in each direction of bit mask p (bits: up, down,
    left, right, up-left, up-right, down-left, down-right) over zero cells, stopping at the border
    or the first non-zero cell of the input. Where rays cross, the first painted stays."""
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            for k in range(8):
                if (p >> k) & 1 == 0:
                    continue
                rr = r + DIRS[k, 0]
                cc = c + DIRS[k, 1]
                while 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0:
                    if out[rr, cc] == 0:
                        out[rr, cc] = v
                    rr += DIRS[k, 0]
                    cc += DIRS[k, 1]
    return out


@njit(cache=True)
def _connect_lines(g, out, vertical):
    h, w = g.shape
    n1, n2 = (w, h) if vertical else (h, w)
    for i in range(n1):
        last = -1
        for j in range(n2):
            v = g[j, i] if vertical else g[i, j]
            if v == 0:
                continue
            if last >= 0 and (g[last, i] if vertical else g[i, last]) == v:
                for k in range(last + 1, j):
                    if vertical:
                        out[k, i] = v
                    else:
                        out[i, k] = v
            last = j


@njit(cache=True)
def _connect_diagonals(g, out, anti):
    # walk each diagonal (anti: each anti-diagonal) from its top cell: k is the column at row 0
    h, w = g.shape
    for k in range(-(h - 1), w + h - 1):
        last_r = -1
        for r in range(h):
            c = k - r if anti else k + r
            if c < 0 or c >= w or g[r, c] == 0:
                continue
            if last_r >= 0 and g[last_r, k - last_r if anti else k + last_r] == g[r, c]:
                for rr in range(last_r + 1, r):
                    out[rr, k - rr if anti else k + rr] = g[r, c]
            last_r = r


@njit(cache=True)
def connect(g, p):
    """Join consecutive same-coloured cells of a row / column / diagonal (only zeros between them)
    with a line of their colour: p = 0 rows, 1 columns, 2 both (columns drawn over rows), 3 both (rows
    over), 4 both diagonals (anti-diagonals over)."""
    out = g.copy()
    if p == 4:
        _connect_diagonals(g, out, False)
        _connect_diagonals(g, out, True)
    elif p == 0 or p == 3:
        if p == 3:
            _connect_lines(g, out, True)
        _connect_lines(g, out, False)
    else:
        if p == 2:
            _connect_lines(g, out, False)
        _connect_lines(g, out, True)
    return out


@njit(cache=True)
def outline(g, p):
    """Paint colour p on every zero cell with a non-zero 8-neighbour."""
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                continue
            for k in range(8):
                rr = r + DIRS[k, 0]
                cc = c + DIRS[k, 1]
                if 0 <= rr < h and 0 <= cc < w and g[rr, cc] != 0:
                    out[r, c] = p
                    break
    return out


@njit(cache=True)
def interior(g, p):
    """Paint colour p on every non-zero cell whose 4 neighbours exist and have its colour."""
    h, w = g.shape
    out = g.copy()
    for r in range(1, h - 1):
        for c in range(1, w - 1):
            v = g[r, c]
            if v != 0 and g[r - 1, c] == v and g[r + 1, c] == v and g[r, c - 1] == v and g[r, c + 1] == v:
                out[r, c] = p
    return out


@njit(cache=True)
def gravity(g, p):
    """Every non-zero cell falls (p = 0 up, 1 down, 2 left, 3 right), keeping the order of its line."""
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    if p <= 1:
        for c in range(w):
            if p == 0:
                k = 0
                for r in range(h):
                    if g[r, c] != 0:
                        out[k, c] = g[r, c]
                        k += 1
            else:
                k = h - 1
                for r in range(h - 1, -1, -1):
                    if g[r, c] != 0:
                        out[k, c] = g[r, c]
                        k -= 1
    else:
        for r in range(h):
            if p == 2:
                k = 0
                for c in range(w):
                    if g[r, c] != 0:
                        out[r, k] = g[r, c]
                        k += 1
            else:
                k = w - 1
                for c in range(w - 1, -1, -1):
                    if g[r, c] != 0:
                        out[r, k] = g[r, c]
                        k -= 1
    return out


@njit(cache=True)
def move_objects(g, p):
    """Rigid gravity: each object (8-connected, multicolour) moves in direction p (0 up, 1 down,
    2 left, 3 right) until it touches the border or an object that has already settled; objects
    nearest the destination side move first. Not applicable on an empty grid."""
    lab, n = label(g, 1, 1)
    if n == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    h, w = g.shape
    dr = DIRS[p, 0]
    dc = DIRS[p, 1]
    # key: the object's leading coordinate along the direction (larger = nearer the destination)
    key = np.full(n, -(1 << 30), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                key[i] = max(key[i], r * dr + c * dc)
    order = np.argsort(-key, kind="mergesort")
    out = g.copy()
    for t in range(n):
        i = order[t]
        for r in range(h):
            for c in range(w):
                if lab[r, c] == i:
                    out[r, c] = 0
        s = 0
        while True:
            ok = True
            for r in range(h):
                for c in range(w):
                    if lab[r, c] == i:
                        rr = r + (s + 1) * dr
                        cc = c + (s + 1) * dc
                        if rr < 0 or rr >= h or cc < 0 or cc >= w or out[rr, cc] != 0:
                            ok = False
                            break
                if not ok:
                    break
            if not ok:
                break
            s += 1
        for r in range(h):
            for c in range(w):
                if lab[r, c] == i:
                    out[r + s * dr, c + s * dc] = g[r, c]
    return out


@njit(cache=True)
def approach(g, p):
    """Every object (8-connected, multicolour) slides toward the anchor until its next step would hit a
    non-zero cell or the border. The anchor is the cells of colour p (p 0: the largest object), and
    the other objects move: sideways where their rows overlap the anchor's box, up or down where their
    columns do, else diagonally. Nearest objects move first. Not applicable without both."""
    h, w = g.shape
    movers = g.copy()
    if p > 0:
        for r in range(h):
            for c in range(w):
                if g[r, c] == p:
                    movers[r, c] = 0
    lab, n = label(movers, 1, 1)
    # p 0: the largest object is the anchor; it is never moved (its label is skipped below)
    big = np.argmax(object_sizes(lab, n)) if p == 0 and n > 0 else -1
    # boxes: rows 0..n-1 the objects, row n the anchor (r0, r1, c0, c1): the anchor's cells take label n
    anchored = lab.copy()
    for r in range(h):
        for c in range(w):
            if (p > 0 and g[r, c] == p) or (lab[r, c] >= 0 and lab[r, c] == big):
                anchored[r, c] = n
    box = label_boxes(anchored, n + 1)
    if box[n, 1] < 0 or n - (1 if big >= 0 else 0) == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    gap = np.full(n, 1 << 30, dtype=np.int64)
    for i in range(n):
        if i != big:
            gap[i] = max(box[n, 0] - box[i, 1], box[i, 0] - box[n, 1], 0) + \
                max(box[n, 2] - box[i, 3], box[i, 2] - box[n, 3], 0)
    order = np.argsort(gap, kind="mergesort")
    out = g.copy()
    for t in range(n):
        i = order[t]
        if i == big:
            continue
        dr = 1 if box[i, 1] < box[n, 0] else (-1 if box[i, 0] > box[n, 1] else 0)
        dc = 1 if box[i, 3] < box[n, 2] else (-1 if box[i, 2] > box[n, 3] else 0)
        if dr == 0 and dc == 0:
            continue
        for r in range(box[i, 0], box[i, 1] + 1):
            for c in range(box[i, 2], box[i, 3] + 1):
                if lab[r, c] == i:
                    out[r, c] = 0
        s = 0
        free = True
        while free:
            for r in range(box[i, 0], box[i, 1] + 1):
                for c in range(box[i, 2], box[i, 3] + 1):
                    if lab[r, c] == i:
                        rr = r + (s + 1) * dr
                        cc = c + (s + 1) * dc
                        if rr < 0 or rr >= h or cc < 0 or cc >= w or out[rr, cc] != 0:
                            free = False
            if free:
                s += 1
        for r in range(box[i, 0], box[i, 1] + 1):
            for c in range(box[i, 2], box[i, 3] + 1):
                if lab[r, c] == i:
                    out[r + s * dr, c + s * dc] = movers[r, c]
    return out


@njit(cache=True)
def elbow(g, p):
    """A grid with exactly two non-zero cells: join them with an L-shaped path of the fresh colour
    on the zeros between them, turning at (row of the lower colour, column of the higher) for p = 0,
    at (row of the higher, column of the lower) for p = 1. n/a otherwise (two cells of one colour too)."""
    h, w = g.shape
    n = 0
    ra, ca, rb, cb = 0, 0, 0, 0
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                n += 1
                if n == 1:
                    ra, ca = r, c
                elif n == 2:
                    rb, cb = r, c
    if n != 2 or g[ra, ca] == g[rb, cb] or ra == rb or ca == cb:
        return na()
    if g[ra, ca] > g[rb, cb]:  # a: the lower colour
        ra, ca, rb, cb = rb, cb, ra, ca
    if p == 1:
        ra, ca, rb, cb = rb, cb, ra, ca
    out = g.copy()
    # from a along its row to b's column, then along that column to b (the corner is (ra, cb))
    step = 1 if cb > ca else -1
    for c in range(ca + step, cb + step, step):
        out[ra, c] = FRESH
    step = 1 if rb > ra else -1
    for r in range(ra + step, rb, step):
        out[r, cb] = FRESH
    return out


RAYS = (("up", 1), ("down", 2), ("left", 4), ("right", 8), ("horizontal", 12), ("vertical", 3),
        ("orthogonal", 15), ("diagonal", 240), ("all", 255),
        ("up_left", 16), ("up_right", 32), ("down_left", 64), ("down_right", 128))
SIDES = ("up", "down", "left", "right")


def entries() -> list[Primitive]:
    out = [Primitive(f"fill_enclosed({c})", fill_enclosed, c, 2) for c in range(1, 10)]
    out += [Primitive(f"rays({n})", rays, m, 2) for n, m in RAYS]
    out += [Primitive(f"connect({n})", connect, p, 2)
            for p, n in enumerate(("rows", "cols", "both_cols_over", "both_rows_over", "diagonals"))]
    out += [Primitive(f"outline({c})", outline, c, 2) for c in range(1, 10)]
    out += [Primitive(f"interior({c})", interior, c, 2) for c in range(1, 10)]
    out += [Primitive(f"gravity({d})", gravity, p, 2) for p, d in enumerate(SIDES)]
    out += [Primitive(f"move_objects({d})", move_objects, p, 3) for p, d in enumerate(SIDES)]
    out += [Primitive(f"approach({'largest' if p == 0 else p})", approach, p, 3) for p in range(10)]
    out += [Primitive(f"elbow({n})", elbow, p, 2) for p, n in enumerate(("lower_row", "higher_row"))]
    return out
