"""Shape primitives: fractal self-products and products of two halves, holes coloured by size,
objects with holes, object boxes and rings, the largest solid rectangle, noise removal, growing or
trimming the outer frame."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, colour_counts, label, label_boxes, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def self_kron(g, p):
    """Fractal: an (h*h, w*w) grid whose block (i, j) is a copy of g where cell (i, j) is selected,
    else 0. p = 0 selects non-zero cells, 1 zero cells, 2 cells of the commonest non-zero colour."""
    h, w = g.shape
    if h * h > 30 or w * w > 30:
        return na()
    k = -1
    if p == 2:
        cnt = colour_counts(g)
        for v in range(1, 10):
            if cnt[v] > 0 and (k < 0 or cnt[v] > cnt[k]):
                k = v
        if k < 0:
            return na()
    out = np.zeros((h * h, w * w), dtype=np.uint8)
    for i in range(h):
        for j in range(w):
            v = g[i, j]
            sel = (v != 0) if p == 0 else ((v == 0) if p == 1 else (v == k))
            if not sel:
                continue
            for r in range(h):
                for c in range(w):
                    out[i * h + r, j * w + c] = g[r, c]
    return out


@njit(cache=True)
def _one_colour(g, r0, r1, c0, c1):
    """Whether g[r0:r1, c0:c1] holds exactly one non-zero colour."""
    k = 0
    for r in range(r0, r1):
        for c in range(c0, c1):
            v = g[r, c]
            if v != 0 and v != k:
                if k != 0:
                    return False
                k = v
    return k != 0


@njit(cache=True)
def halves_kron(g, p):
    """The grid's two halves (side by side when it is wider, stacked when taller; an odd side drops
    its middle line): the one with a single colour is the mask, the other the pattern. p = 0: each
    pattern cell becomes the mask drawn in that cell's colour; p = 1: each mask cell becomes a copy
    of the pattern. n/a on a square grid, unless exactly one half has a single colour, or past 30
    per side."""
    h, w = g.shape
    if h == w:
        return na()
    wide = w > h
    n = w // 2 if wide else h // 2
    # (row, column) origins of the halves; both are (hh, hw)
    hh, hw = (h, n) if wide else (n, w)
    ar, ac = 0, 0
    br, bc = (0, w - n) if wide else (h - n, 0)
    a1 = _one_colour(g, ar, ar + hh, ac, ac + hw)
    b1 = _one_colour(g, br, br + hh, bc, bc + hw)
    if a1 == b1 or hh * hh > 30 or hw * hw > 30:
        return na()
    mr, mc, pr, pc = (ar, ac, br, bc) if a1 else (br, bc, ar, ac)
    out = np.zeros((hh * hh, hw * hw), dtype=np.uint8)
    for i in range(hh):
        for j in range(hw):
            for r in range(hh):
                for c in range(hw):
                    if p == 0 and g[mr + r, mc + c] != 0:
                        out[i * hh + r, j * hw + c] = g[pr + i, pc + j]
                    elif p == 1 and g[mr + i, mc + j] != 0:
                        out[i * hh + r, j * hw + c] = g[pr + r, pc + c]
    return out


@njit(cache=True)
def _enclosed(g):
    """Zero-cell regions (4-connected) not touching the border: (labels int64 with -1 elsewhere, count)."""
    h, w = g.shape
    lab = np.full((h, w), -1, dtype=np.int64)
    outside = np.zeros((h, w), dtype=np.bool_)
    stack = np.empty(h * w, dtype=np.int64)
    n = 0
    for r0 in range(h):
        for c0 in range(w):
            if g[r0, c0] != 0 or lab[r0, c0] >= 0 or outside[r0, c0]:
                continue
            # flood this zero region, noting whether it reaches the border
            lab[r0, c0] = n
            top = 0
            stack[top] = r0 * w + c0
            top += 1
            border = False
            members = 0
            while top > 0:
                top -= 1
                r = stack[top] // w
                c = stack[top] % w
                members += 1
                if r == 0 or c == 0 or r == h - 1 or c == w - 1:
                    border = True
                for d in range(4):
                    rr = r + (-1 if d == 0 else (1 if d == 1 else 0))
                    cc = c + (-1 if d == 2 else (1 if d == 3 else 0))
                    if 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0 and lab[rr, cc] < 0:
                        lab[rr, cc] = n
                        stack[top] = rr * w + cc
                        top += 1
            if border:
                for r in range(h):
                    for c in range(w):
                        if lab[r, c] == n:
                            lab[r, c] = -1
                            outside[r, c] = True
            else:
                n += 1
    return lab, n


@njit(cache=True)
def fill_enclosed_by_size(g, p):
    """Each enclosed zero region takes colour min(its cell count, 9); n/a when there is none."""
    lab, n = _enclosed(g)
    if n == 0:
        return na()
    h, w = g.shape
    sizes = np.zeros(n, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                sizes[lab[r, c]] += 1
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                out[r, c] = min(sizes[lab[r, c]], 9)
    return out


@njit(cache=True)
def recolour_holed(g, p):
    """Objects (8-connected, one colour) that enclose zero cells become FRESH; n/a if none does."""
    enc, ne = _enclosed(g)
    if ne == 0:
        return na()
    lab, n = label(g, 1, 0)
    h, w = g.shape
    holed = np.zeros(n, dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            if enc[r, c] < 0:
                continue
            for d in range(4):
                rr = r + (-1 if d == 0 else (1 if d == 1 else 0))
                cc = c + (-1 if d == 2 else (1 if d == 3 else 0))
                if 0 <= rr < h and 0 <= cc < w and lab[rr, cc] >= 0:
                    holed[lab[rr, cc]] = True
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0 and holed[lab[r, c]]:
                out[r, c] = FRESH
    return out


@njit(cache=True)
def object_boxes(g, p):
    """Per object (8-connected, any colour): p = 0 zero cells in its bounding box become FRESH,
    1 the zero cells on a one-cell ring around the box become FRESH (n/a past the border).
    n/a when nothing changes."""
    lab, n = label(g, 1, 1)
    if n == 0:
        return na()
    h, w = g.shape
    box = label_boxes(lab, n)
    out = g.copy()
    changed = False
    for i in range(n):
        r0, r1, c0, c1 = box[i, 0], box[i, 1], box[i, 2], box[i, 3]
        if p == 1:
            r0 -= 1
            r1 += 1
            c0 -= 1
            c1 += 1
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if r < 0 or c < 0 or r >= h or c >= w:
                    continue
                if p == 1 and r != r0 and r != r1 and c != c0 and c != c1:
                    continue
                if g[r, c] == 0:
                    out[r, c] = FRESH
                    changed = True
    if not changed:
        return na()
    return out


@njit(cache=True)
def zero_squares(g, p):
    """The empty p x p squares of a noisy grid become FRESH: in reading order, each all-zero square
    that does not overlap one already taken; n/a when there is none."""
    h, w = g.shape
    out = g.copy()
    changed = False
    for r in range(h - p + 1):
        for c in range(w - p + 1):
            empty = True
            for dr in range(p):
                for dc in range(p):
                    empty = empty and out[r + dr, c + dc] == 0
            if empty:
                out[r:r + p, c:c + p] = FRESH
                changed = True
    if not changed:
        return na()
    return out


@njit(cache=True)
def largest_rect(g, p):
    """The largest-area rectangle (at least 2x2) of one non-zero colour: p = 0 kept in place, all
    else 0; p = 1 cropped. p = 2: the largest all-zero rectangle becomes FRESH, the rest kept. n/a
    when none or tied."""
    h, w = g.shape
    best = 0
    tie = False
    br0, br1, bc0, bc1 = 0, 0, 0, 0
    for r0 in range(h):
        for c0 in range(w):
            v = g[r0, c0]
            if (v == 0) != (p == 2):
                continue
            maxc = w
            for r1 in range(r0, h):
                c = c0
                while c < maxc and g[r1, c] == v:
                    c += 1
                maxc = c
                if maxc == c0:
                    break
                area = (r1 - r0 + 1) * (maxc - c0)
                if r1 > r0 and maxc - c0 >= 2:
                    if area > best:
                        best = area
                        tie = False
                        br0, br1, bc0, bc1 = r0, r1, c0, maxc - 1
                    elif area == best and not (br0 <= r0 and r1 <= br1 and bc0 <= c0 and maxc - 1 <= bc1):
                        tie = True
    if best == 0 or tie:
        return na()
    if p == 2:
        out = g.copy()
        out[br0:br1 + 1, bc0:bc1 + 1] = FRESH
        return out
    if p == 1:
        out = np.empty((br1 - br0 + 1, bc1 - bc0 + 1), dtype=np.uint8)
        for r in range(br0, br1 + 1):
            for c in range(bc0, bc1 + 1):
                out[r - br0, c - bc0] = g[r, c]
        return out
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(br0, br1 + 1):
        for c in range(bc0, bc1 + 1):
            out[r, c] = g[r, c]
    return out


@njit(cache=True)
def denoise_colour(g, p):
    """Cells of the least common colour present (at least 3 colours) take the commonest other
    colour among their 8 neighbours (0 if none)."""
    cnt = colour_counts(g)
    present = 0
    m = -1
    for v in range(10):
        if cnt[v] > 0:
            present += 1
            if m < 0 or cnt[v] < cnt[m]:
                m = v
    if present < 3:
        return na()
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] != m:
                continue
            nb = np.zeros(10, dtype=np.int64)
            for dr in range(-1, 2):
                for dc in range(-1, 2):
                    rr = r + dr
                    cc = c + dc
                    if (dr != 0 or dc != 0) and 0 <= rr < h and 0 <= cc < w and g[rr, cc] != m:
                        nb[g[rr, cc]] += 1
            best = 0
            for v in range(10):
                if nb[v] > nb[best]:
                    best = v
            out[r, c] = best
    return out


@njit(cache=True)
def edge_extend(g, p):
    """Grow by one cell on each side, copying the edge rows / columns outward; corners 0."""
    h, w = g.shape
    if h + 2 > 30 or w + 2 > 30:
        return na()
    out = np.zeros((h + 2, w + 2), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            out[r + 1, c + 1] = g[r, c]
        out[r + 1, 0] = g[r, 0]
        out[r + 1, w + 1] = g[r, w - 1]
    for c in range(w):
        out[0, c + 1] = g[0, c]
        out[h + 1, c + 1] = g[h - 1, c]
    return out


@njit(cache=True)
def inset(g, p):
    """Drop the outermost row and column on every side; n/a below 3 per side."""
    h, w = g.shape
    if h < 3 or w < 3:
        return na()
    out = np.empty((h - 2, w - 2), dtype=np.uint8)
    for r in range(h - 2):
        for c in range(w - 2):
            out[r, c] = g[r + 1, c + 1]
    return out


def entries() -> list[Primitive]:
    out: list[Primitive] = []
    out += [Primitive(f"self_kron({s})", self_kron, p, 2) for p, s in enumerate(("nonzero", "zero", "most_common"))]
    out += [Primitive(f"halves_kron({s})", halves_kron, p, 2)
            for p, s in enumerate(("mask_per_cell", "pattern_per_cell"))]
    out += [Primitive("fill_enclosed_by_size", fill_enclosed_by_size, 0, 3),
            Primitive("recolour_holed", recolour_holed, 0, 2)]
    out += [Primitive(f"object_boxes({s})", object_boxes, p, 2) for p, s in enumerate(("fill", "ring"))]
    out += [Primitive(f"largest_rect({s})", largest_rect, p, 2) for p, s in enumerate(("keep", "crop", "empty"))]
    out += [Primitive(f"zero_squares({k})", zero_squares, k, 2) for k in (2, 3)]
    out += [Primitive("denoise_colour", denoise_colour, 0, 2),
            Primitive("edge_extend", edge_extend, 0, 2),
            Primitive("inset", inset, 0, 2)]
    return out
