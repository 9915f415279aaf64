"""Object primitives: connected components (background 0), select one and crop or keep it,
denoise, recolour by size rank.

Object parameter bits (shared by every kernel here): p = sel * 4 + diag * 2 + multi, where
diag = 1 means 8-connectivity (4 otherwise) and multi = 1 means any non-zero neighbour joins the
object (multicolour objects; otherwise only the same colour joins).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import enclosed_cells, label, mask_box, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_compose import image

# selectors (the `sel` of p = sel * 4 + diag * 2 + multi)
LARGEST, SMALLEST, UNIQUE_COLOUR, UNIQUE_SHAPE, MOST_COLOURS = 0, 1, 2, 3, 4
BORDER, INNER, TOP, BOTTOM, LEFT, RIGHT, HOLED = 5, 6, 7, 8, 9, 10, 11
MOST_OF = 12  # MOST_OF + k - 1: the most cells of colour k, k = 1..3 (colours are renumbered by frequency)
SELECTOR_NAMES = (
    "largest", "smallest", "unique_colour", "unique_shape", "most_colours",
    "border", "inner", "top", "bottom", "left", "right", "holed", "most_of_1", "most_of_2", "most_of_3",
)


@njit(cache=True)
def _stats(g, lab, n):
    """Per object: size, bbox (r0, r1, c0, c1 inclusive), dominant colour, colour count, border flag.
    Returned as one int64 (n, 9) table with those columns in that order."""
    h, w = g.shape
    st = np.zeros((n, 9), dtype=np.int64)
    cnt = np.zeros((n, 10), dtype=np.int64)
    for i in range(n):
        st[i, 1] = h
        st[i, 3] = w
        st[i, 2] = -1
        st[i, 4] = -1
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i < 0:
                continue
            st[i, 0] += 1
            st[i, 1] = min(st[i, 1], r)
            st[i, 2] = max(st[i, 2], r)
            st[i, 3] = min(st[i, 3], c)
            st[i, 4] = max(st[i, 4], c)
            cnt[i, g[r, c]] += 1
            if r == 0 or c == 0 or r == h - 1 or c == w - 1:
                st[i, 8] = 1
    for i in range(n):
        best = 0
        k = 0
        for v in range(1, 10):
            if cnt[i, v] > 0:
                k += 1
            if cnt[i, v] > best:
                best = cnt[i, v]
                st[i, 5] = v
        st[i, 6] = k
    return st


@njit(cache=True)
def _unique_extreme(vals, want_max):
    """Index of the unique max (or min) of vals; -1 on a tie or when empty."""
    n = vals.shape[0]
    best = -1
    tie = False
    for i in range(n):
        if best < 0:
            best = i
            tie = False
        elif (vals[i] > vals[best]) if want_max else (vals[i] < vals[best]):
            best = i
            tie = False
        elif vals[i] == vals[best]:
            tie = True
    return -1 if tie else best


@njit(cache=True)
def _same_shape(lab, st, i, j):
    if st[i, 2] - st[i, 1] != st[j, 2] - st[j, 1] or st[i, 4] - st[i, 3] != st[j, 4] - st[j, 3]:
        return False
    if st[i, 0] != st[j, 0]:
        return False
    for dr in range(st[i, 2] - st[i, 1] + 1):
        for dc in range(st[i, 4] - st[i, 3] + 1):
            a = lab[st[i, 1] + dr, st[i, 3] + dc] == i
            b = lab[st[j, 1] + dr, st[j, 3] + dc] == j
            if a != b:
                return False
    return True


@njit(cache=True)
def _has_hole(lab, st, i):
    """True if object i encloses some cell of its box (see kernels_common.enclosed_cells)."""
    r0, c0 = st[i, 1], st[i, 3]
    return enclosed_cells(lab, i, r0, c0, st[i, 2] - r0 + 1, st[i, 4] - c0 + 1).any()


@njit(cache=True)
def _select(g, p):
    """(labels, chosen object index or -1) for selector p // 4 with the connectivity bits of p."""
    sel = p // 4
    lab, n = label(g, (p >> 1) & 1, p & 1)
    if n == 0:
        return lab, -1
    st = _stats(g, lab, n)
    if sel == LARGEST:
        return lab, _unique_extreme(st[:, 0], True)
    if sel == SMALLEST:
        return lab, _unique_extreme(st[:, 0], False)
    if sel == MOST_COLOURS:
        return lab, _unique_extreme(st[:, 6], True)
    if sel == TOP:
        return lab, _unique_extreme(st[:, 1], False)
    if sel == BOTTOM:
        return lab, _unique_extreme(st[:, 2], True)
    if sel == LEFT:
        return lab, _unique_extreme(st[:, 3], False)
    if sel == RIGHT:
        return lab, _unique_extreme(st[:, 4], True)
    if sel >= MOST_OF:
        k = sel - MOST_OF + 1
        cnt = np.zeros(n, dtype=np.int64)
        h, w = g.shape
        for r in range(h):
            for c in range(w):
                if lab[r, c] >= 0 and g[r, c] == k:
                    cnt[lab[r, c]] += 1
        return lab, _unique_extreme(cnt, True)
    # the only object with some property
    found = -1
    for i in range(n):
        hit = False
        if sel == BORDER:
            hit = st[i, 8] == 1
        elif sel == INNER:
            hit = st[i, 8] == 0
        elif sel == HOLED:
            hit = _has_hole(lab, st, i)
        elif sel == UNIQUE_COLOUR:
            hit = True
            for j in range(n):
                if j != i and st[j, 5] == st[i, 5]:
                    hit = False
                    break
        elif sel == UNIQUE_SHAPE:
            hit = n >= 3
            for j in range(n):
                if j != i and _same_shape(lab, st, i, j):
                    hit = False
                    break
        if hit:
            if found >= 0:
                return lab, -1
            found = i
    return lab, found


@njit(cache=True)
def crop_object(g, p):
    """Crop the selected object's bounding box (cells of other objects set to 0)."""
    lab, k = _select(g, p)
    if k < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    r0, r1, c0, c1 = mask_box(lab == k)
    out = np.zeros((r1 - r0 + 1, c1 - c0 + 1), dtype=np.uint8)
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if lab[r, c] == k:
                out[r - r0, c - c0] = g[r, c]
    return out


@njit(cache=True)
def keep_object(g, p):
    """Keep the selected object in place, erasing everything else."""
    lab, k = _select(g, p)
    if k < 0:
        return np.zeros((0, 0), dtype=np.uint8)
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            if lab[r, c] == k:
                out[r, c] = g[r, c]
    return out


@njit(cache=True)
def denoise(g, p):
    """Erase objects with fewer than p // 4 cells (connectivity bits in p & 3)."""
    lab, n = label(g, (p >> 1) & 1, p & 1)
    if n == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    st = _stats(g, lab, n)
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0 and st[i, 0] >= p // 4:
                out[r, c] = g[r, c]
    return out


@njit(cache=True)
def recolour_by_size(g, p):
    """Recolour each object with 1 + the dense rank of its size (p // 4 = 0: largest is 1,
    1: smallest is 1; ranks past 9 stay 9). Connectivity bits in p & 3."""
    lab, n = label(g, (p >> 1) & 1, p & 1)
    if n == 0:
        return np.zeros((0, 0), dtype=np.uint8)
    st = _stats(g, lab, n)
    h, w = g.shape
    # dense rank via the set of sizes present (sizes are at most h * w)
    present = np.zeros(h * w + 2, dtype=np.int64)
    for i in range(n):
        present[st[i, 0]] = 1
    before = np.zeros(h * w + 2, dtype=np.int64)  # distinct sizes ranked before size s
    if p // 4 == 0:
        for s in range(h * w, -1, -1):
            before[s] = before[s + 1] + present[s + 1]
    else:
        for s in range(1, h * w + 1):
            before[s] = before[s - 1] + present[s - 1]
    rank = np.zeros(n, dtype=np.int64)
    for i in range(n):
        rank[i] = min(before[st[i, 0]] + 1, 9)
    out = np.zeros((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                out[r, c] = rank[i]
    return out


@njit(cache=True)
def per_object(g, p):
    """Apply dihedral symmetry t = p // 4 (prims_compose.image's numbering) to every object inside
    its own bounding box, in place; conn bits in p & 3. Rotations by 90 and transposes need square
    boxes (n/a otherwise). Objects are painted in scan order, so a later one wins an overlap."""
    t = p // 4
    lab, n = label(g, (p >> 1) & 1, p & 1)
    if n == 0:
        return na()
    st = _stats(g, lab, n)
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                out[r, c] = 0
    for i in range(n):
        r0, c0 = st[i, 1], st[i, 3]
        bh, bw = st[i, 2] - r0 + 1, st[i, 4] - c0 + 1
        if bh != bw and (t == 1 or t == 3 or t == 6 or t == 7):
            return na()
        for r in range(bh):
            for c in range(bw):
                if lab[r0 + r, c0 + c] == i:
                    rr, cc = image(r, c, bh, bw, t)
                    out[r0 + rr, c0 + cc] = g[r0 + r, c0 + c]
    return out


PER_OBJECT = ((4, "flip_lr"), (5, "flip_ud"), (2, "rot180"), (6, "transpose"))


def _conn(p: int) -> str:
    return f"conn{8 if p & 2 else 4},{'multi' if p & 1 else 'single'}"


MULTI8, SINGLE4, SINGLE8 = 3, 0, 2


def entries() -> list[Primitive]:
    out = []
    for sel, name in enumerate(SELECTOR_NAMES):
        cost = 1 if sel == LARGEST else 2
        out.append(Primitive(f"crop_object({name},{_conn(MULTI8)})", crop_object, sel * 4 + MULTI8, cost))
    for sel in (LARGEST, SMALLEST, UNIQUE_COLOUR, TOP, BOTTOM, HOLED):
        name = SELECTOR_NAMES[sel]
        out.append(Primitive(f"crop_object({name},{_conn(SINGLE4)})", crop_object, sel * 4 + SINGLE4, 3))
    for sel in (LARGEST, UNIQUE_COLOUR, UNIQUE_SHAPE, HOLED):
        name = SELECTOR_NAMES[sel]
        cost = 2 if sel == LARGEST else 3
        out.append(Primitive(f"keep_object({name},{_conn(MULTI8)})", keep_object, sel * 4 + MULTI8, cost))
    for k in (2, 3):
        for conn in (MULTI8, SINGLE4):
            out.append(Primitive(f"denoise({k},{_conn(conn)})", denoise, k * 4 + conn, 2))
    for order, conn in ((0, SINGLE8), (0, SINGLE4), (1, SINGLE8)):
        name = "desc" if order == 0 else "asc"
        out.append(Primitive(f"recolour_by_size({name},{_conn(conn)})", recolour_by_size, order * 4 + conn, 3))
    for t, name in PER_OBJECT:
        out.append(Primitive(f"per_object({name},{_conn(MULTI8)})", per_object, t * 4 + MULTI8, 3))
    for t, name in PER_OBJECT[:2]:
        out.append(Primitive(f"per_object({name},{_conn(SINGLE4)})", per_object, t * 4 + SINGLE4, 3))
    return out
