"""Repair primitives: fill a region hidden under a mask colour from the periodic tiling, the diagonal
stripes or the symmetries of the rest of the grid (mirror lines off the centre: prims_mirror)."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, crop_to_mask, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _class_of(r, c, kind, a, b):
    """The residue class of cell (r, c): kind 0, the 2-D period a x b; 1, r + c mod a; 2, r - c mod a."""
    if kind == 0:
        return (r % a) * b + c % b
    if kind == 1:
        return (r + c) % a
    return (r - c) % a


@njit(cache=True)
def _class_colours(g, m, kind, a, b):
    """(classes,) int64: the one colour of each residue class (see _class_of) over the cells not of
    colour m; empty when two cells of a class disagree or a class has no such cell."""
    h, w = g.shape
    tab = np.full(a * b if kind == 0 else a, -1, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == m:
                continue
            i = _class_of(r, c, kind, a, b)
            if tab[i] < 0:
                tab[i] = v
            elif tab[i] != v:
                return np.zeros(0, dtype=np.int64)
    if (tab < 0).any():
        return np.zeros(0, dtype=np.int64)
    return tab


@njit(cache=True)
def _fill_classes(g, m, kind, a, b, tab):
    """`g` with its cells of colour m painted their class's colour."""
    h, w = g.shape
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] == m:
                out[r, c] = tab[_class_of(r, c, kind, a, b)]
    return out


@njit(cache=True)
def _masks_for_period(g, cnt, py, px, seen):
    """Bits of the present colours m for which the 2-D period (py, px) fits the grid with the cells
    of colour m hidden: every residue class then shows exactly one other colour. One pass for all
    m at once, stopping as soon as no m can work (a class with 3 colours, or two classes whose
    two-colour pairs share none). `seen` is scratch of py * px slots."""
    h, w = g.shape
    seen[:py * px] = 0
    pairs = 0  # AND of the two-colour classes' colour bits: m must hide one of each such pair
    for m in range(10):
        if cnt[m] > 0:
            pairs |= 1 << m
    for r in range(h):
        base = (r % py) * px
        for c in range(w):
            i = base + c % px
            b = 1 << g[r, c]
            s = seen[i]
            if s & b:
                continue
            if s == 0:
                seen[i] = b
                continue
            if s & (s - 1):  # already two colours: a third
                return 0
            seen[i] = s | b
            pairs &= s | b
            if pairs == 0:
                return 0
    for i in range(py * px):
        s = seen[i]
        if s & (s - 1) == 0:  # one colour: hiding it would leave the class unknown
            pairs &= ~s
    return pairs


@njit(cache=True)
def _periods(g, cnt):
    """Per mask colour m, the smallest-area 2-D period (py, px) < (h, w) on which every cell not of
    colour m agrees and every residue class shows a cell not of colour m (the first in row-major
    order of (py, px) among equal areas): two (10,) int64 arrays, 0 where m has none."""
    h, w = g.shape
    bpy = np.zeros(10, dtype=np.int64)
    bpx = np.zeros(10, dtype=np.int64)
    area = np.full(10, h * w + 1, dtype=np.int64)
    seen = np.zeros(h * w, dtype=np.int64)
    for py in range(1, h + 1):
        for px in range(1, w + 1):
            if py == h and px == w:
                continue
            a = py * px
            room = False  # can this area still beat some colour's best?
            for m in range(10):
                if cnt[m] > 0 and a < area[m]:
                    room = True
            if not room:
                continue
            bits = _masks_for_period(g, cnt, py, px, seen)
            for m in range(10):
                if (bits >> m) & 1 and a < area[m]:
                    area[m] = a
                    bpy[m] = py
                    bpx[m] = px
    return bpy, bpx


@njit(cache=True)
def _best_period(g):
    """The mask colour for a periodic repair and its period: the smallest tile area plus hidden
    cells (MDL), ties to the colour with fewer cells. (m, py, px); m = -1 when no colour works."""
    cnt = colour_counts(g)
    bpy, bpx = _periods(g, cnt)
    best = -1
    best_score = 0
    for m in range(10):
        if bpy[m] == 0:
            continue
        sc = -(bpy[m] * bpx[m] + cnt[m])
        if best < 0 or sc > best_score or (sc == best_score and cnt[m] < cnt[best]):
            best = m
            best_score = sc
    if best < 0:
        return -1, 0, 0
    return best, bpy[best], bpx[best]


@njit(cache=True)
def _img(r, c, h, w, t):
    if t == 0:
        return r, c
    if t == 1:
        return r, w - 1 - c
    if t == 2:
        return h - 1 - r, c
    if t == 3:
        return h - 1 - r, w - 1 - c
    if t == 4:
        return c, r
    if t == 5:
        return w - 1 - c, h - 1 - r
    if t == 6:
        return c, w - 1 - r  # rotations need h == w
    return w - 1 - c, r


@njit(cache=True)
def _sym_fill(g, m):
    """Fill cells of colour m from their images under every symmetry of the grid (about its centre)
    on which all other cells agree. (filled grid, number of valid symmetries; 0 = failed)."""
    h, w = g.shape
    nt = 8 if h == w else 4
    valid = np.zeros(8, dtype=np.bool_)
    nvalid = 0
    for t in range(1, nt):
        ok = True
        for r in range(h):
            for c in range(w):
                if g[r, c] == m:
                    continue
                rr, cc = _img(r, c, h, w, t)
                v = g[rr, cc]
                if v != m and v != g[r, c]:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            valid[t] = True
            nvalid += 1
    out = g.copy()
    if nvalid == 0:
        return out, 0
    for r in range(h):
        for c in range(w):
            if g[r, c] != m:
                continue
            found = False
            for t in range(1, nt):
                if not valid[t]:
                    continue
                rr, cc = _img(r, c, h, w, t)
                if g[rr, cc] != m:
                    out[r, c] = g[rr, cc]
                    found = True
                    break
            if not found:
                return out, 0
    return out, nvalid


@njit(cache=True)
def repair(g, p):
    """Repair a pattern hidden under a mask colour: p % 2 = 0 periodic tiling, 1 symmetry about the
    centre; p // 2 = 0 return the whole repaired grid, 1 only the repaired mask's bounding box.
    The mask colour is the present colour that makes the repair work (periodic: the smallest period
    area plus mask cells; symmetric: the most consistent symmetries), ties to the colour with fewer cells."""
    if p % 2 == 0:
        m, py, px = _best_period(g)
        if m < 0:
            return na()
        out = _fill_classes(g, m, 0, py, px, _class_colours(g, m, 0, py, px))
        return crop_to_mask(out, g, m) if p // 2 == 1 else out
    cnt = colour_counts(g)
    best = -1
    best_score = 0
    best_out = g.copy()
    for m in range(10):
        if cnt[m] == 0:
            continue
        out, nv = _sym_fill(g, m)
        if nv == 0:
            continue
        if best < 0 or nv > best_score or (nv == best_score and cnt[m] < cnt[best]):
            best = m
            best_score = nv
            best_out = out
    if best < 0:
        return na()
    if p // 2 == 1:
        return crop_to_mask(best_out, g, best)
    return best_out


@njit(cache=True)
def periodic_shift(g, p):
    """The periodic tiling, repaired as repair(periodic,full) does, moved one cell in direction p
    (0 up, 1 down, 2 left, 3 right): each cell shows the tile's cell one step the other way, read on
    past the edge, so the pattern runs on by one step (arc1-training caa06a1f: a covered tiling,
    shown again one column on). n/a where no mask colour gives a period."""
    m, py, px = _best_period(g)
    if m < 0:
        return na()
    tab = _class_colours(g, m, 0, py, px)
    h, w = g.shape
    dr = 1 if p == 0 else (-1 if p == 1 else 0)
    dc = 1 if p == 2 else (-1 if p == 3 else 0)
    res = np.empty((h, w), dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            res[r, c] = tab[((r + dr + py) % py) * px + (c + dc + px) % px]
    return res


@njit(cache=True)
def _diagonal_period(g, m, anti):
    """The smallest k >= 2 for which the cells not of colour m agree along the diagonals r + c
    (r - c with anti) taken mod k, every class showing some cell; 0 if none. (k, the classes' colours).
    Each class spans at least two of the h + w - 1 diagonals: a longer "period" never repeats."""
    h, w = g.shape
    for k in range(2, (h + w - 1) // 2 + 1):
        tab = _class_colours(g, m, 2 if anti else 1, k, 1)
        if tab.size > 0:
            return k, tab
    return 0, np.zeros(0, dtype=np.int64)


@njit(cache=True)
def diagonal_fill(g, p):
    """Fill the cells of a mask colour from diagonal stripes: the grid is periodic along r + c (p = 0)
    or r - c (p = 1) with the smallest period k on which every other cell agrees. The mask is the
    present colour that allows the smallest k plus mask cells (ties to fewer cells); n/a when none
    does or the grid has no mask cells to fill."""
    cnt = colour_counts(g)
    best_m = -1
    best_score = 0
    best_tab = np.zeros(0, dtype=np.int64)
    for m in range(10):
        if cnt[m] == 0:
            continue
        k, tab = _diagonal_period(g, m, p == 1)
        if k == 0:
            continue
        score = k + cnt[m]
        if best_m < 0 or score < best_score:
            best_m = m
            best_score = score
            best_tab = tab
    if best_m < 0:
        return na()
    return _fill_classes(g, best_m, 2 if p == 1 else 1, best_tab.size, 1, best_tab)


SIDES = ("up", "down", "left", "right")  # periodic_shift's p


def entries() -> list[Primitive]:
    # p % 2: periodic (0) or symmetric (1); p // 2: the whole grid (0) or the hidden region only (1)
    return [Primitive(f"repair({how},{part})", repair, 2 * j + i, 2)
            for j, part in enumerate(("full", "region")) for i, how in enumerate(("periodic", "symmetric"))] + [
        Primitive("diagonal_fill(down)", diagonal_fill, 0, 2), Primitive("diagonal_fill(up)", diagonal_fill, 1, 2),
        *(Primitive(f"periodic_shift({d})", periodic_shift, p, 3) for p, d in enumerate(SIDES))]
