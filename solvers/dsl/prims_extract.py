"""Extraction primitives: crop to content, pick a cell of a grid split by separator lines, cut
out the inside of the largest one-colour rectangular frame."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import mask_box
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def crop_content(g, p):
    """Crop to the bounding box of the non-zero cells (not applicable on an empty grid)."""
    r0, r1, c0, c1 = mask_box(g != 0)
    if r1 < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    return g[r0:r1 + 1, c0:c1 + 1].copy()


@njit(cache=True)
def _split(g):
    """Cells of g split by separator lines: full rows / columns of one colour (the non-zero colour
    with the most such lines, else 0; lines across a side of 1 do not count). Returns (cells int64
    (k, 4) of r0, r1, c0, c1 half-open, k); k = 0 when there is no separator or fewer than two cells."""
    h, w = g.shape
    nlines = np.zeros(10, dtype=np.int64)
    for r in range(h):
        v = g[r, 0]
        full = w >= 2
        for c in range(w):
            if g[r, c] != v:
                full = False
                break
        if full:
            nlines[v] += 1
    for c in range(w):
        v = g[0, c]
        full = h >= 2
        for r in range(h):
            if g[r, c] != v:
                full = False
                break
        if full:
            nlines[v] += 1
    # a non-zero colour if any makes lines; else colour 0 (a grid whose background is not colour 0,
    # say, after the task's colours were renumbered, or objects set apart by blank lines)
    sep = -1
    for v in range(1, 10):
        if nlines[v] > 0 and (sep < 0 or nlines[v] > nlines[sep]):
            sep = v
    if sep < 0 and nlines[0] > 0:
        sep = 0
    cells = np.zeros((h * w, 4), dtype=np.int64)
    if sep < 0:
        return cells, 0
    rowsep = np.zeros(h, dtype=np.bool_)
    colsep = np.zeros(w, dtype=np.bool_)
    for r in range(h):
        full = w >= 2
        for c in range(w):
            if g[r, c] != sep:
                full = False
                break
        rowsep[r] = full
    for c in range(w):
        full = h >= 2
        for r in range(h):
            if g[r, c] != sep:
                full = False
                break
        colsep[c] = full
    # runs of non-separator rows / columns
    rs = np.zeros((h, 2), dtype=np.int64)
    nr = 0
    r = 0
    while r < h:
        if rowsep[r]:
            r += 1
            continue
        s = r
        while r < h and not rowsep[r]:
            r += 1
        rs[nr, 0] = s
        rs[nr, 1] = r
        nr += 1
    cs = np.zeros((w, 2), dtype=np.int64)
    nc = 0
    c = 0
    while c < w:
        if colsep[c]:
            c += 1
            continue
        s = c
        while c < w and not colsep[c]:
            c += 1
        cs[nc, 0] = s
        cs[nc, 1] = c
        nc += 1
    k = 0
    for i in range(nr):
        for j in range(nc):
            cells[k, 0] = rs[i, 0]
            cells[k, 1] = rs[i, 1]
            cells[k, 2] = cs[j, 0]
            cells[k, 3] = cs[j, 1]
            k += 1
    if k < 2:
        return cells, 0
    return cells, k


@njit(cache=True)
def _cut(g, cells, i):
    return g[cells[i, 0]:cells[i, 1], cells[i, 2]:cells[i, 3]].copy()


@njit(cache=True)
def split_cell(g, p):
    """Cell p (reading order) of the grid split by separator lines; not applicable without one."""
    cells, k = _split(g)
    if p >= k:
        return np.zeros((0, 0), dtype=np.uint8)
    return _cut(g, cells, p)


@njit(cache=True)
def _same_cell(g, cells, i, j):
    hi = cells[i, 1] - cells[i, 0]
    wi = cells[i, 3] - cells[i, 2]
    if hi != cells[j, 1] - cells[j, 0] or wi != cells[j, 3] - cells[j, 2]:
        return False
    for r in range(hi):
        for c in range(wi):
            if g[cells[i, 0] + r, cells[i, 2] + c] != g[cells[j, 0] + r, cells[j, 2] + c]:
                return False
    return True


@njit(cache=True)
def split_pick(g, p):
    """Pick one cell of the split grid: p = 0 the one with the most non-zero cells, 1 the fewest,
    2 the only cell whose content appears once (needs at least 3 cells), 3 the smallest by area,
    4 the largest by area. Not applicable on ties."""
    cells, k = _split(g)
    if k == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    if p == 2:
        if k < 3:
            return np.zeros((0, 0), dtype=np.uint8)
        found = -1
        for i in range(k):
            once = True
            for j in range(k):
                if j != i and _same_cell(g, cells, i, j):
                    once = False
                    break
            if once:
                if found >= 0:
                    return np.zeros((0, 0), dtype=np.uint8)
                found = i
        if found < 0:
            return np.zeros((0, 0), dtype=np.uint8)
        return _cut(g, cells, found)
    best = -1
    bestn = 0
    tie = False
    for i in range(k):
        m = 0
        if p >= 3:
            m = (cells[i, 1] - cells[i, 0]) * (cells[i, 3] - cells[i, 2])
        else:
            for r in range(cells[i, 0], cells[i, 1]):
                for c in range(cells[i, 2], cells[i, 3]):
                    if g[r, c] != 0:
                        m += 1
        if best < 0 or (m > bestn if p % 2 == 0 else m < bestn):
            best = i
            bestn = m
            tie = False
        elif m == bestn:
            tie = True
    if tie:
        return np.zeros((0, 0), dtype=np.uint8)
    return _cut(g, cells, best)


@njit(cache=True)
def _largest_frame(g):
    """(row, column, height, width) of the largest (by area) rectangle whose border is one non-zero
    colour, at least 3x3; height 0 when there is none or the largest is tied."""
    h, w = g.shape
    # right[r, c]: length of the run of g[r, c]'s colour starting at (r, c) going right; down likewise
    right = np.zeros((h, w), dtype=np.int64)
    down = np.zeros((h, w), dtype=np.int64)
    for r in range(h - 1, -1, -1):
        for c in range(w - 1, -1, -1):
            right[r, c] = 1 + (right[r, c + 1] if c + 1 < w and g[r, c + 1] == g[r, c] else 0)
            down[r, c] = 1 + (down[r + 1, c] if r + 1 < h and g[r + 1, c] == g[r, c] else 0)
    best = 0
    tie = False
    br, bc, bh, bw = 0, 0, 0, 0
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            for fw in range(3, right[r, c] + 1):
                c2 = c + fw - 1
                for fh in range(3, down[r, c] + 1):
                    r2 = r + fh - 1
                    if g[r2, c2] != v or down[r, c2] < fh or right[r2, c] < fw:
                        continue
                    a = fh * fw
                    if a > best:
                        best = a
                        tie = False
                        br, bc, bh, bw = r, c, fh, fw
                    elif a == best:
                        tie = True
    if best == 0 or tie:
        return 0, 0, 0, 0
    return br, bc, bh, bw


@njit(cache=True)
def frame_interior(g, p):
    """The cells strictly inside the largest (by area) rectangle whose border is one non-zero
    colour, at least 3x3; not applicable when there is none or the largest is tied."""
    br, bc, bh, bw = _largest_frame(g)
    if bh == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    return g[br + 1:br + bh - 1, bc + 1:bc + bw - 1].copy()


@njit(cache=True)
def frame_fit(g, p):
    """The largest one-colour frame (see frame_interior), empty inside, cut out with everything
    outside it scaled up by the one whole factor that makes its box fill the frame's inside
    (6b9890af). n/a without such a frame, when nothing lies outside it, or when no factor fits."""
    br, bc, bh, bw = _largest_frame(g)
    if bh == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    if (g[br + 1:br + bh - 1, bc + 1:bc + bw - 1] != 0).any():
        return np.zeros((0, 0), dtype=np.uint8)  # the frame is not empty
    outside = g != 0
    outside[br:br + bh, bc:bc + bw] = False
    r0, r1, c0, c1 = mask_box(outside)
    if r1 < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    sh, sw = r1 - r0 + 1, c1 - c0 + 1
    ih, iw = bh - 2, bw - 2
    if ih % sh != 0 or iw % sw != 0 or ih // sh != iw // sw:
        return np.zeros((0, 0), dtype=np.uint8)
    k = ih // sh
    out = g[br:br + bh, bc:bc + bw].copy()
    for r in range(ih):
        for c in range(iw):
            out[1 + r, 1 + c] = g[r0 + r // k, c0 + c // k]
    return out


@njit(cache=True)
def _symmetric(a):
    """True if a equals its left-right or up-down mirror, or (square) its transpose or anti-transpose."""
    h, w = a.shape
    lr, ud, tr, an = True, True, h == w, h == w
    for r in range(h):
        for c in range(w):
            v = a[r, c]
            lr = lr and v == a[r, w - 1 - c]
            ud = ud and v == a[h - 1 - r, c]
            if h == w:
                tr = tr and v == a[c, r]
                an = an and v == a[w - 1 - c, h - 1 - r]
    return lr or ud or tr or an


@njit(cache=True)
def _part_score(a, p):
    """What part criterion p ranks by (higher wins): 2 non-zero cells, 3 fewer of them, 4 colours, 5 fewer."""
    cnt = np.zeros(10, dtype=np.int64)
    h, w = a.shape
    for r in range(h):
        for c in range(w):
            cnt[a[r, c]] += 1
    if p == 2 or p == 3:
        n = h * w - cnt[0]
    else:
        n = 0
        for v in range(1, 10):
            n += cnt[v] > 0
    return n if p == 2 or p == 4 else -n


@njit(cache=True)
def square_parts_pick(g, p):
    """Cut g along its long side into k >= 2 square parts (n/a unless a side is k times the other)
    and pick one: p = 0 the only part whose content appears once, 1 the only part with none of the
    mirror symmetries, 2 the most non-zero cells, 3 the fewest, 4 the most colours, 5 the fewest.
    n/a on a tie."""
    h, w = g.shape
    if h > w and h % w == 0:
        k, s, down = h // w, w, True
    elif w > h and w % h == 0:
        k, s, down = w // h, h, False
    else:
        return np.zeros((0, 0), dtype=np.uint8)
    parts = np.empty((k, s, s), dtype=np.uint8)
    for i in range(k):
        parts[i] = g[i * s:(i + 1) * s, :] if down else g[:, i * s:(i + 1) * s]
    found = -1
    best = -(1 << 30)
    tie = False
    for i in range(k):
        if p == 0 or p == 1:
            hit = True
            if p == 1:
                hit = not _symmetric(parts[i])
            else:
                for j in range(k):
                    if j != i and (parts[i] == parts[j]).all():
                        hit = False
                        break
            if hit:
                if found >= 0:
                    return np.zeros((0, 0), dtype=np.uint8)
                found = i
        else:
            v = _part_score(parts[i], p)
            if v > best:
                best, found, tie = v, i, False
            elif v == best:
                tie = True
    if found < 0 or tie or (p == 0 and k < 3):
        return np.zeros((0, 0), dtype=np.uint8)
    return parts[found].copy()


PART_PICKS = ("unique", "asymmetric", "most", "least", "most_colours", "fewest_colours")


def entries() -> list[Primitive]:
    out = [Primitive("crop_content", crop_content, 0, 1)]
    out += [Primitive(f"split_cell({k})", split_cell, k, 2 if k < 2 else 3) for k in range(5)]
    picks = ("most", "least", "unique", "smallest", "largest")
    out += [Primitive(f"split_pick({n})", split_pick, p, 2) for p, n in enumerate(picks)]
    out.append(Primitive("frame_interior", frame_interior, 0, 2))
    out.append(Primitive("frame_fit", frame_fit, 0, 2))
    out += [Primitive(f"square_parts_pick({n})", square_parts_pick, p, 2) for p, n in enumerate(PART_PICKS)]
    return out
