"""Size primitives: up/down-scaling, padding, cropping, halves and thirds, compression.

`crop_speckled` is designed from arc1-training 8731374e: a rectangle of one colour, speckled with
stray cells, hides in a grid of noise; it is cut out, and its stray cells then draw lines.
`square_up` from arc1-training 8e1813be: the stripes' colours, listed in order (a row or a column),
become a square whose side is the count, each colour repeated across its row (or down its column)."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import enlarge, full_rows, label, label_boxes, mask_box, na, object_sizes
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def sub(g, r0, r1, c0, c1):
    """A new C-contiguous copy of g[r0:r1, c0:c1]."""
    out = np.empty((r1 - r0, c1 - c0), dtype=np.uint8)
    for r in range(r0, r1):
        for c in range(c0, c1):
            out[r - r0, c - c0] = g[r, c]
    return out


@njit(cache=True)
def upscale(g, p):
    """Each cell becomes a ky x kx block, p = ky * 10 + kx; n/a past 30 per side."""
    return enlarge(g, p // 10, p % 10, False)


@njit(cache=True)
def downscale(g, p):
    """Each k x k block becomes one cell, p = k * 10 + mode: mode 0 the block's top-left cell,
    mode 1 its most common colour (ties to the lower colour). n/a unless k divides both sides."""
    k = p // 10
    mode = p % 10
    h, w = g.shape
    if h % k != 0 or w % k != 0:
        return na()
    oh = h // k
    ow = w // k
    out = np.empty((oh, ow), dtype=np.uint8)
    cnt = np.zeros(10, dtype=np.int64)
    for r in range(oh):
        for c in range(ow):
            if mode == 0:
                out[r, c] = g[r * k, c * k]
                continue
            cnt[:] = 0
            for i in range(k):
                for j in range(k):
                    cnt[g[r * k + i, c * k + j]] += 1
            best = 0
            for v in range(1, 10):
                if cnt[v] > cnt[best]:
                    best = v
            out[r, c] = best
    return out


@njit(cache=True)
def downscale_auto(g, p):
    """Undo an upscale: the largest (ky, kx) such that g is made of uniform ky x kx blocks,
    each block becoming one cell; n/a when there is none beyond 1 x 1."""
    h, w = g.shape
    for ky in range(h, 0, -1):
        if h % ky != 0:
            continue
        ok = True
        for r in range(h):
            if r % ky != 0:
                for c in range(w):
                    if g[r, c] != g[r - 1, c]:
                        ok = False
                        break
            if not ok:
                break
        if ok:
            break
    for kx in range(w, 0, -1):
        if w % kx != 0:
            continue
        ok = True
        for c in range(w):
            if c % kx != 0:
                for r in range(h):
                    if g[r, c] != g[r, c - 1]:
                        ok = False
                        break
            if not ok:
                break
        if ok:
            break
    if ky == 1 and kx == 1:
        return na()
    out = np.empty((h // ky, w // kx), dtype=np.uint8)
    for r in range(h // ky):
        for c in range(w // kx):
            out[r, c] = g[r * ky, c * kx]
    return out


@njit(cache=True)
def pad(g, p):
    """Surround with a one-cell border of colour p; n/a past 30 per side."""
    h, w = g.shape
    if h + 2 > 30 or w + 2 > 30:
        return na()
    out = np.full((h + 2, w + 2), p, dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            out[r + 1, c + 1] = g[r, c]
    return out


@njit(cache=True)
def crop_colour(g, p):
    """Crop to the bounding box of the cells of colour p (p = 10: of all non-zero cells); n/a if none."""
    r0, r1, c0, c1 = mask_box(g != 0 if p == 10 else g == p)
    if r1 < 0:
        return na()
    return sub(g, r0, r1 + 1, c0, c1 + 1)


@njit(cache=True)
def _share(g, v, r0, r1, c0, c1):
    """Twice the number of cells of colour v in g[r0:r1 + 1, c0:c1 + 1], less the number of cells:
    negative when under half of them are v."""
    k = 0
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            k += 2 * (g[r, c] == v) - 1
    return k


@njit(cache=True)
def crop_speckled(g, p):
    """Crop to a rectangle of one colour speckled with stray cells: the box of the largest region of
    one colour (4-connected, 0 included), each edge moved in while under half its cells are that
    colour. n/a on a tie for the largest, or when the box is the whole grid or thinner than 2."""
    h, w = g.shape
    lab, n = label(g + np.uint8(1), 0, 0)  # + 1: regions of 0 are labelled too
    size = object_sizes(lab, n)
    best, tie = 0, False
    for i in range(1, n):
        if size[i] > size[best]:
            best, tie = i, False
        elif size[i] == size[best]:
            tie = True
    if tie:
        return na()
    box = label_boxes(lab, n)
    r0, r1, c0, c1 = box[best, 0], box[best, 1], box[best, 2], box[best, 3]
    v = -1
    for r in range(h):
        for c in range(w):
            if lab[r, c] == best:
                v = g[r, c]
    moved = True
    while moved and r1 > r0 and c1 > c0:
        moved = False
        if _share(g, v, r0, r0, c0, c1) < 0:
            r0, moved = r0 + 1, True
        if _share(g, v, r1, r1, c0, c1) < 0:
            r1, moved = r1 - 1, True
        if _share(g, v, r0, r1, c0, c0) < 0:
            c0, moved = c0 + 1, True
        if _share(g, v, r0, r1, c1, c1) < 0:
            c1, moved = c1 - 1, True
    if r1 - r0 < 1 or c1 - c0 < 1 or (r1 - r0 + 1 == h and c1 - c0 + 1 == w):
        return na()
    return sub(g, r0, r1 + 1, c0, c1 + 1)


@njit(cache=True)
def strip_border(g, p):
    """Crop to the bounding box of the cells that differ from the top-left corner's colour (removes
    a uniform frame or background of any colour); n/a if the grid is one colour."""
    r0, r1, c0, c1 = mask_box(g != g[0, 0])
    if r1 < 0:
        return na()
    return sub(g, r0, r1 + 1, c0, c1 + 1)


@njit(cache=True)
def half(g, p):
    """p = 0 left, 1 right, 2 top, 3 bottom half; with an odd side the middle line is dropped.
    n/a on a side of 1."""
    h, w = g.shape
    if p < 2:
        if w < 2:
            return na()
        n = w // 2
        return sub(g, 0, h, 0, n) if p == 0 else sub(g, 0, h, w - n, w)
    if h < 2:
        return na()
    n = h // 2
    return sub(g, 0, n, 0, w) if p == 2 else sub(g, h - n, h, 0, w)


@njit(cache=True)
def third(g, p):
    """Part p % 3 of three equal parts, across columns (p < 3) or rows (p >= 3). The side must be
    3n, or 3n + 2 with the two separating lines dropped; n/a otherwise."""
    h, w = g.shape
    side = w if p < 3 else h
    if side % 3 == 0:
        n = side // 3
        gap = 0
    elif side % 3 == 2 and side >= 5:
        n = (side - 2) // 3
        gap = 1
    else:
        return na()
    i = p % 3
    a = i * (n + gap)
    if p < 3:
        return sub(g, 0, h, a, a + n)
    return sub(g, a, a + n, 0, w)


@njit(cache=True)
def compress(g, p):
    """Drop every row equal to the row above and every column equal to the column to its left."""
    h, w = g.shape
    keep_r = np.ones(h, dtype=np.bool_)
    keep_c = np.ones(w, dtype=np.bool_)
    for r in range(1, h):
        same = True
        for c in range(w):
            if g[r, c] != g[r - 1, c]:
                same = False
                break
        keep_r[r] = not same
    for c in range(1, w):
        same = True
        for r in range(h):
            if g[r, c] != g[r, c - 1]:
                same = False
                break
        keep_c[c] = not same
    out = np.empty((keep_r.sum(), keep_c.sum()), dtype=np.uint8)
    i = 0
    for r in range(h):
        if not keep_r[r]:
            continue
        j = 0
        for c in range(w):
            if keep_c[c]:
                out[i, j] = g[r, c]
                j += 1
        i += 1
    return out


@njit(cache=True)
def square_up(g, p):
    """A column of h cells becomes h x h, each cell repeated along its row; a row of w cells becomes
    w x w, repeated down its column. n/a for any other shape (a single cell included)."""
    h, w = g.shape
    if (w == 1) == (h == 1):
        return na()
    n = max(h, w)
    out = np.empty((n, n), dtype=np.uint8)
    for r in range(n):
        for c in range(n):
            out[r, c] = g[r, 0] if w == 1 else g[0, c]
    return out


@njit(cache=True)
def crop_lines(g, p):
    """The box spanned by the outermost full lines (rows and columns with no 0), lines included:
    the first to the last full row, the first to the last full column. n/a with under two full
    rows or two full columns, or when the box is the whole grid."""
    h, w = g.shape
    r0, r1, c0, c1 = -1, -1, -1, -1
    rows, cols = full_rows(g), full_rows(g.T)
    for r in range(h):
        if rows[r]:
            r0 = r if r0 < 0 else r0
            r1 = r
    for c in range(w):
        if cols[c]:
            c0 = c if c0 < 0 else c0
            c1 = c
    if r0 < 0 or c0 < 0 or r1 == r0 or c1 == c0 or (r1 - r0 + 1 == h and c1 - c0 + 1 == w):
        return na()
    return g[r0:r1 + 1, c0:c1 + 1].copy()


def entries() -> list[Primitive]:
    out = [
        Primitive("upscale(2)", upscale, 22, 1),
        Primitive("upscale(3)", upscale, 33, 2),
        Primitive("upscale(4)", upscale, 44, 2),
        Primitive("upscale(1x2)", upscale, 12, 2),
        Primitive("upscale(2x1)", upscale, 21, 2),
        Primitive("downscale(2)", downscale, 20, 2),
        Primitive("downscale(3)", downscale, 30, 2),
        Primitive("downscale_majority(2)", downscale, 21, 3),
        Primitive("downscale_majority(3)", downscale, 31, 3),
        Primitive("downscale_auto", downscale_auto, 0, 2),
        Primitive("pad(0)", pad, 0, 2),
        Primitive("trim", crop_colour, 10, 1),
        Primitive("strip_border", strip_border, 0, 2),
        Primitive("crop_speckled", crop_speckled, 0, 2),
        Primitive("compress", compress, 0, 2),
        Primitive("crop_lines", crop_lines, 0, 2),
        Primitive("square_up", square_up, 0, 2),
    ]
    out += [Primitive(f"crop_colour({c})", crop_colour, c, 2) for c in range(1, 10)]
    out += [Primitive(f"half({s})", half, p, 1) for p, s in enumerate(("left", "right", "top", "bottom"))]
    names = ("left", "mid_col", "right", "top", "mid_row", "bottom")
    out += [Primitive(f"third({s})", third, p, 2) for p, s in enumerate(names)]
    return out
