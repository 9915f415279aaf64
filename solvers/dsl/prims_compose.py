"""Compose primitives: mirror-extend, tile, repeat, symmetry completion, combining two halves,
filling empty panels with turned copies of the drawn one."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import enlarge, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_extract import _split


@njit(cache=True)
def image(r, c, h, w, t):
    """Where cell (r, c) of an (h, w) grid goes under symmetry t (the dihedral numbering of
    prims_geometry: 1..3 rotations by 90t degrees counter-clockwise, 4 flip lr, 5 flip ud,
    6 transpose, 7 anti-transpose; 0 identity). Rotations by 90/270 and (anti)transpose need h == w."""
    if t == 0:
        return r, c
    if t == 1:
        return w - 1 - c, r
    if t == 2:
        return h - 1 - r, w - 1 - c
    if t == 3:
        return c, h - 1 - r
    if t == 4:
        return r, w - 1 - c
    if t == 5:
        return h - 1 - r, c
    if t == 6:
        return c, r
    return w - 1 - c, h - 1 - r


@njit(cache=True)
def paste(out, g, r0, c0, t):
    """Write symmetry t of g into out with its top-left corner at (r0, c0)."""
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            rr, cc = image(r, c, h, w, t)
            out[r0 + rr, c0 + cc] = g[r, c]


@njit(cache=True)
def mirror_extend(g, p):
    """Concatenate g with its mirror: p = 0 flip to the right, 1 to the left, 2 below, 3 above,
    4 four-way mirror [[g, lr], [ud, rot180]], 5 pinwheel [[g, cw], [ccw, rot180]] (square only)."""
    h, w = g.shape
    two_w = p == 0 or p == 1 or p == 4 or p == 5
    two_h = p == 2 or p == 3 or p == 4 or p == 5
    oh = 2 * h if two_h else h
    ow = 2 * w if two_w else w
    if oh > 30 or ow > 30 or (p == 5 and h != w):
        return na()
    out = np.empty((oh, ow), dtype=np.uint8)
    if p == 0:
        paste(out, g, 0, 0, 0)
        paste(out, g, 0, w, 4)
    elif p == 1:
        paste(out, g, 0, 0, 4)
        paste(out, g, 0, w, 0)
    elif p == 2:
        paste(out, g, 0, 0, 0)
        paste(out, g, h, 0, 5)
    elif p == 3:
        paste(out, g, 0, 0, 5)
        paste(out, g, h, 0, 0)
    elif p == 4:
        paste(out, g, 0, 0, 0)
        paste(out, g, 0, w, 4)
        paste(out, g, h, 0, 5)
        paste(out, g, h, w, 2)
    else:
        paste(out, g, 0, 0, 0)
        paste(out, g, 0, w, 3)
        paste(out, g, h, w, 2)
        paste(out, g, h, 0, 1)
    return out


@njit(cache=True)
def mirror_shared(g, p):
    """g and its mirror sharing the edge line, as in a reflection about g's last (or first) row or
    column: p = 0 to the right, 1 to the left, 2 below, 3 above, 4 both ways; h rows become 2h - 1.
    Twice over it makes the zigzag of a pattern folded back and forth (eb281b96). n/a for a line of
    one cell on the mirrored side, or past 30."""
    h, w = g.shape
    wide = p == 0 or p == 1 or p == 4
    tall = p == 2 or p == 3 or p == 4
    if (wide and w < 2) or (tall and h < 2):
        return na()
    oh = 2 * h - 1 if tall else h
    ow = 2 * w - 1 if wide else w
    if oh > 30 or ow > 30:
        return na()
    out = np.empty((oh, ow), dtype=np.uint8)
    for r in range(oh):
        # the source row: g's rows, then back again (or back first, for "above")
        sr = r if not tall else (abs(r - (h - 1)) if p == 3 else (h - 1) - abs(r - (h - 1)))
        for c in range(ow):
            sc = c if not wide else (abs(c - (w - 1)) if p == 1 else (w - 1) - abs(c - (w - 1)))
            out[r, c] = g[sr, sc]
    return out


@njit(cache=True)
def tile(g, p):
    """Tile g ny x nx times, p = ny * 10 + nx; n/a past 30 per side."""
    return enlarge(g, p // 10, p % 10, True)


@njit(cache=True)
def repeat_by_count(g, p):
    """Tile g n times side by side, n = the number of distinct non-zero colours (p = 0) or of
    non-zero cells (p = 1); or (p = 2) scale each cell to an n x n block, n the colours. n/a when n
    is 0 or the result passes 30 a side."""
    h, w = g.shape
    seen = np.zeros(10, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            seen[g[r, c]] += 1
    n = 0
    for k in range(1, 10):
        if p == 1:
            n += seen[k]
        else:
            n += 1 if seen[k] > 0 else 0
    if p < 2:
        return enlarge(g, 1, n, True)
    return enlarge(g, n, n, False)


@njit(cache=True)
def symmetrize(g, p):
    """Complete a symmetry: each zero cell takes the first non-zero value among its images under
    the symmetry group. p = 0 left-right, 1 up-down, 2 both (with rot180), 3 rot180,
    4 rot90 (all 4 rotations), 5 transpose, 6 all 8 dihedral symmetries; 4-6 n/a unless square."""
    h, w = g.shape
    if p >= 4 and h != w:
        return na()
    ts = np.zeros(7, dtype=np.int64)
    n = 0
    if p == 0:
        ts[0] = 4
        n = 1
    elif p == 1:
        ts[0] = 5
        n = 1
    elif p == 2:
        ts[0] = 4
        ts[1] = 5
        ts[2] = 2
        n = 3
    elif p == 3:
        ts[0] = 2
        n = 1
    elif p == 4:
        ts[0] = 1
        ts[1] = 2
        ts[2] = 3
        n = 3
    elif p == 5:
        ts[0] = 6
        n = 1
    else:
        for i in range(7):
            ts[i] = i + 1
        n = 7
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                continue
            for i in range(n):
                rr, cc = image(r, c, h, w, ts[i])
                if g[rr, cc] != 0:
                    out[r, c] = g[rr, cc]
                    break
    return out


@njit(cache=True)
def split_two(g):
    """Split g into two equal parts a, b: at a full middle column (else row) of one non-zero
    colour (a line of 2+ cells), else into halves along the longer side (which must be even).
    Returns (ar, ac, br, bc, ph, pw): the parts' top-left corners and shared size; ph = 0 if none."""
    h, w = g.shape
    if h >= 2 and w >= 3 and w % 2 == 1:
        m = w // 2
        ok = g[0, m] != 0
        for r in range(h):
            if g[r, m] != g[0, m]:
                ok = False
                break
        if ok:
            return 0, 0, 0, m + 1, h, m
    if w >= 2 and h >= 3 and h % 2 == 1:
        m = h // 2
        ok = g[m, 0] != 0
        for c in range(w):
            if g[m, c] != g[m, 0]:
                ok = False
                break
        if ok:
            return 0, 0, m + 1, 0, m, w
    if w > h and w % 2 == 0:
        return 0, 0, 0, w // 2, h, w // 2
    if h > w and h % 2 == 0:
        return 0, 0, h // 2, 0, h // 2, w
    return 0, 0, 0, 0, 0, 0


@njit(cache=True)
def overlay_halves(g, p):
    """Split g in two (see split_two) and overlay: p = 0 first part on top (its non-zero cells
    win), p = 1 second part on top."""
    ar, ac, br, bc, ph, pw = split_two(g)
    if ph == 0:
        return na()
    out = np.empty((ph, pw), dtype=np.uint8)
    for r in range(ph):
        for c in range(pw):
            a = g[ar + r, ac + c]
            b = g[br + r, bc + c]
            if p == 1:
                a, b = b, a
            out[r, c] = a if a != 0 else b
    return out


@njit(cache=True)
def boolean_halves(g, p):
    """Split g in two (see split_two) and combine the parts' non-zero masks cell by cell,
    p = op * 10 + colour: op 0 and, 1 or, 2 xor, 3 nor, 4 first-and-not-second,
    5 second-and-not-first; true cells get the colour, false cells 0."""
    ar, ac, br, bc, ph, pw = split_two(g)
    if ph == 0:
        return na()
    op = p // 10
    col = np.uint8(p % 10)
    out = np.zeros((ph, pw), dtype=np.uint8)
    for r in range(ph):
        for c in range(pw):
            a = g[ar + r, ac + c] != 0
            b = g[br + r, bc + c] != 0
            if op == 0:
                v = a and b
            elif op == 1:
                v = a or b
            elif op == 2:
                v = a != b
            elif op == 3:
                v = not (a or b)
            elif op == 4:
                v = a and not b
            else:
                v = b and not a
            if v:
                out[r, c] = col
    return out


BOOL_OPS = ("and", "or", "xor", "nor", "a_not_b", "b_not_a")


@njit(cache=True)
def fill_panels(g, p):
    """A grid split by separator lines into equal panels, one drawn and the rest empty: each empty
    panel, i panels after the drawn one (reading order), gets a copy of it (p = 0), turned i quarter
    turns clockwise (p = 1) or anticlockwise (p = 2), or (p = 3, panels in one row or column)
    mirrored across the separators when i is odd. n/a otherwise, and for turns of non-square panels."""
    cells, k = _split(g)
    if k < 2:
        return na()
    ph, pw = cells[0, 1] - cells[0, 0], cells[0, 3] - cells[0, 2]
    src = -1
    one_row = True
    one_col = True
    for i in range(k):
        r0, r1, c0, c1 = cells[i, 0], cells[i, 1], cells[i, 2], cells[i, 3]
        if r1 - r0 != ph or c1 - c0 != pw:
            return na()
        one_row &= r0 == cells[0, 0]
        one_col &= c0 == cells[0, 2]
        drawn = False
        for r in range(r0, r1):
            for c in range(c0, c1):
                drawn |= g[r, c] != 0
        if drawn:
            if src >= 0:
                return na()
            src = i
    if src < 0 or src == k - 1 or ((p == 1 or p == 2) and ph != pw) or (p == 3 and not (one_row or one_col)):
        return na()
    panel = g[cells[src, 0]:cells[src, 1], cells[src, 2]:cells[src, 3]]
    out = g.copy()
    for i in range(src + 1, k):
        d = i - src
        # symmetries as numbered by image(): 1..3 are anticlockwise quarter turns, 4 and 5 flips
        t = 0
        if p == 1:
            t = (4 - d % 4) % 4
        elif p == 2:
            t = d % 4
        elif p == 3 and d % 2 == 1:
            t = 4 if one_row else 5
        paste(out, panel, cells[i, 0], cells[i, 2], t)
    return out


def entries() -> list[Primitive]:
    names = ("right", "left", "down", "up", "four_way", "pinwheel")
    out = [Primitive(f"mirror_extend({s})", mirror_extend, p, 1 if p < 4 else 2) for p, s in enumerate(names)]
    out += [Primitive(f"mirror_shared({s})", mirror_shared, p, 2) for p, s in enumerate(names[:5])]
    out += [Primitive(f"tile({ny}x{nx})", tile, ny * 10 + nx, 1 if ny * nx <= 4 else 2)
            for ny, nx in ((1, 2), (2, 1), (2, 2), (3, 3), (1, 3), (3, 1))]
    out += [
        Primitive("repeat_by_count(colours)", repeat_by_count, 0, 3),
        Primitive("repeat_by_count(cells)", repeat_by_count, 1, 3),
        Primitive("upscale_by_count(colours)", repeat_by_count, 2, 3),
    ]
    names = ("lr", "ud", "lr_ud", "rot180", "rot90", "transpose", "dihedral")
    out += [Primitive(f"symmetrize({s})", symmetrize, p, 2) for p, s in enumerate(names)]
    out += [
        Primitive("overlay_halves(first_on_top)", overlay_halves, 0, 2),
        Primitive("overlay_halves(second_on_top)", overlay_halves, 1, 2),
    ]
    out += [Primitive(f"fill_panels({s})", fill_panels, p, 2) for p, s in enumerate(("copy", "cw", "ccw", "mirror"))]
    # Painted in colour 1: the output colour is one recolour_nonzero(c) step away, which costs the
    # same as a cost-3 row per colour without multiplying the table by 9.
    out += [Primitive(f"boolean_halves({s})", boolean_halves, op * 10 + 1, 2) for op, s in enumerate(BOOL_OPS)]
    return out
