"""Small helpers shared by the newer kernel families (numba, typed, no Python objects)."""

from __future__ import annotations

import numpy as np
from numba import njit

# A colour the input rarely has once colours are renumbered by frequency (9 is the rarest): kernels
# that paint a new colour paint this one, and the search's free learned colour map renames it.
FRESH = 9


@njit(cache=True)
def na():
    return np.zeros((0, 0), dtype=np.uint8)


@njit(cache=True)
def enlarge(g, ny, nx, tile):
    """g made ny x nx times larger: tiled whole (tile) or each cell grown to an ny x nx block; n/a
    past 30 per side or for a factor under 1."""
    h, w = g.shape
    if ny < 1 or nx < 1 or h * ny > 30 or w * nx > 30:
        return na()
    out = np.empty((h * ny, w * nx), dtype=np.uint8)
    for r in range(h * ny):
        for c in range(w * nx):
            out[r, c] = g[r % h, c % w] if tile else g[r // ny, c // nx]
    return out


@njit(cache=True)
def colour_counts(g):
    """Cells per colour 0..9."""
    cnt = np.zeros(10, dtype=np.int64)
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            cnt[g[r, c]] += 1
    return cnt


@njit(cache=True)
def full_rows(g):
    """(h,) bool: the rows of g with no 0 cell (the columns: full_rows(g.T))."""
    h, w = g.shape
    out = np.ones(h, dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0:
                out[r] = False
                break
    return out


@njit(cache=True)
def mask_box(mask):
    """(r0, r1, c0, c1) of the True cells of a 2-D bool mask, r1 and c1 inclusive; r1 = -1 if none."""
    h, w = mask.shape
    r0, r1, c0, c1 = h, -1, w, -1
    for r in range(h):
        for c in range(w):
            if mask[r, c]:
                r0 = min(r0, r)
                r1 = max(r1, r)
                c0 = min(c0, c)
                c1 = max(c1, c)
    return r0, r1, c0, c1


@njit(cache=True)
def crop_to_mask(out, g, m):
    """out cut to the bounding box of the cells of colour m in g (the region a repair filled)."""
    r0, r1, c0, c1 = mask_box(g == m)
    res = np.empty((r1 - r0 + 1, c1 - c0 + 1), dtype=np.uint8)
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            res[r - r0, c - c0] = out[r, c]
    return res


@njit(cache=True)
def label(g, diag, multi):
    """Connected components of non-zero cells, 4-connected (8 with diag), one colour each (any
    non-zero colours with multi): (labels int32 (h, w), -1 on zero cells, else 0..n-1 in scan order; n)."""
    h, w = g.shape
    lab = np.full((h, w), -1, dtype=np.int32)
    stack = np.empty(h * w, dtype=np.int32)
    n = 0
    for r0 in range(h):
        for c0 in range(w):
            if g[r0, c0] == 0 or lab[r0, c0] >= 0:
                continue
            lab[r0, c0] = n
            top = 0
            stack[top] = r0 * w + c0
            top += 1
            while top > 0:
                top -= 1
                r = stack[top] // w
                c = stack[top] % w
                col = g[r, c]
                for dr in range(-1, 2):
                    for dc in range(-1, 2):
                        if dr == 0 and dc == 0:
                            continue
                        if diag == 0 and dr != 0 and dc != 0:
                            continue
                        rr = r + dr
                        cc = c + dc
                        if rr < 0 or rr >= h or cc < 0 or cc >= w:
                            continue
                        v = g[rr, cc]
                        if v == 0 or lab[rr, cc] >= 0:
                            continue
                        if multi == 0 and v != col:
                            continue
                        lab[rr, cc] = n
                        stack[top] = rr * w + cc
                        top += 1
            n += 1
    return lab, n


@njit(cache=True)
def object_sizes(lab, n):
    """Cells per label 0..n-1 of a `label` array."""
    sizes = np.zeros(max(n, 1), dtype=np.int64)
    h, w = lab.shape
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                sizes[lab[r, c]] += 1
    return sizes


@njit(cache=True)
def label_boxes(lab, n):
    """(n, 4) int64: r0, r1, c0, c1 (inclusive) of each label 0..n-1 of a `label` array; r1 = -1
    for a label with no cell."""
    h, w = lab.shape
    box = np.empty((n, 4), dtype=np.int64)
    box[:, 0] = h
    box[:, 1] = -1
    box[:, 2] = w
    box[:, 3] = -1
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                box[i, 0] = min(box[i, 0], r)
                box[i, 1] = max(box[i, 1], r)
                box[i, 2] = min(box[i, 2], c)
                box[i, 3] = max(box[i, 3], c)
    return box


@njit(cache=True)
def enclosed_cells(lab, i, r0, c0, bh, bw):
    """(bh, bw) bool over object i's box (top-left r0, c0): the cells that are not the object's and
    that the box edge cannot reach without crossing it (4-connected), i.e. the object's holes."""
    reach = np.zeros((bh, bw), dtype=np.bool_)
    stack = np.empty(bh * bw, dtype=np.int64)
    top = 0
    for r in range(bh):
        for c in range(bw):
            if (r == 0 or c == 0 or r == bh - 1 or c == bw - 1) and lab[r0 + r, c0 + c] != i:
                reach[r, c] = True
                stack[top] = r * bw + c
                top += 1
    while top > 0:
        top -= 1
        r, c = stack[top] // bw, stack[top] % bw
        for d in range(4):
            rr = r + (1 if d == 1 else -1 if d == 0 else 0)
            cc = c + (1 if d == 3 else -1 if d == 2 else 0)
            if 0 <= rr < bh and 0 <= cc < bw and not reach[rr, cc] and lab[r0 + rr, c0 + cc] != i:
                reach[rr, cc] = True
                stack[top] = rr * bw + cc
                top += 1
    out = np.zeros((bh, bw), dtype=np.bool_)
    for r in range(bh):
        for c in range(bw):
            out[r, c] = not reach[r, c] and lab[r0 + r, c0 + c] != i
    return out


@njit(cache=True)
def outside_background(g):
    """(h, w) bool: the zero cells that a 4-connected path of zero cells joins to the grid's edge."""
    h, w = g.shape
    seen = np.zeros((h, w), dtype=np.bool_)
    stack = np.empty(h * w, dtype=np.int64)
    top = 0
    for r in range(h):
        for c in range(w):
            if (r == 0 or c == 0 or r == h - 1 or c == w - 1) and g[r, c] == 0:
                seen[r, c] = True
                stack[top] = r * w + c
                top += 1
    while top > 0:
        top -= 1
        r = stack[top] // w
        c = stack[top] % w
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0 and not seen[rr, cc]:
                seen[rr, cc] = True
                stack[top] = rr * w + cc
                top += 1
    return seen
