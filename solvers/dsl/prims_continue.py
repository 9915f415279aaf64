"""Continuation primitives: carry a partial pattern on past the cells that show it, either as a
repeat (the content box is one part of a periodic pattern) or as a symmetry (the content is one part
of a shape that is symmetric about a centre found in the grid).

Designed from arc1-training: d8c310e9 (a row pattern continued to the right), 8eb1be9a (a band
repeated up and down), 11852cab and e40b9e2f (a shape completed to its mirror or rotation symmetry
about its own centre, which is not the grid's), 4938f0c2 and 4c5c2cf0 (a shape mirrored both ways
about a small pivot shape that is symmetric by itself)."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import mask_box, na
from solvers.dsl.primitive import Primitive

# extend_pattern's p: axis + 3 * mode. Axis 0 repeats along rows (a horizontal period), 1 along
# columns, 2 both ways; mode 0 takes the smallest period the content box allows, mode 1 the box itself.
AXES = ("rows", "cols", "both")
MODES = ("smallest", "box")

# complete_symmetry's p: which group. Each element is a map of the offset (dy, dx) from the centre:
# 1 lr, 2 ud, 3 rot180, 4 rot90, 5 rot270, 6 transpose, 7 antitranspose.
GROUPS = ("lr", "ud", "lr_ud", "rot180", "rot90", "dihedral")
MAX_CELLS = 200  # content cells above this: the centre search would cost too much per state


@njit(cache=True)
def _box_classes(g, r0, c0, r1, c1, py, px):
    """(py * px,) int64: the one colour of each class (r % py, c % px) over the content box, cells of
    colour 0 included (-1 for a class with no cell there); empty when a class shows two colours."""
    tab = np.full(py * px, -1, dtype=np.int64)
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            i = (r % py) * px + c % px
            v = g[r, c]
            if tab[i] < 0:
                tab[i] = v
            elif tab[i] != v:
                return np.zeros(0, dtype=np.int64)
    return tab


@njit(cache=True)
def extend_pattern(g, p):
    """Repeat the content box (the box of the cells not 0) over the grid with the period it shows:
    along rows, columns or both, with the smallest period on which every cell of the box agrees or
    with the box itself as the period. Cells outside the box whose class the box never shows stay
    as they are. n/a for an empty grid."""
    h, w = g.shape
    axis = p % 3
    mode = p // 3
    r0, r1, c0, c1 = mask_box(g != 0)
    if r1 < 0:
        return na()
    bh = r1 - r0 + 1
    bw = c1 - c0 + 1
    # the period along an axis that does not repeat is the grid's side: its classes outside the box
    # are never shown, so those cells stay as they are
    y_lo, y_hi = (h, h) if axis == 0 else (1 if mode == 0 else bh, bh)
    x_lo, x_hi = (w, w) if axis == 1 else (1 if mode == 0 else bw, bw)
    best_py = 0
    best_px = 0
    best_tab = np.zeros(0, dtype=np.int64)
    for py in range(y_lo, y_hi + 1):
        for px in range(x_lo, x_hi + 1):
            if best_py > 0 and py * px >= best_py * best_px:
                continue
            tab = _box_classes(g, r0, c0, r1, c1, py, px)
            if tab.size > 0:
                best_py, best_px, best_tab = py, px, tab
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if r0 <= r <= r1 and c0 <= c <= c1:
                continue
            v = best_tab[(r % best_py) * best_px + c % best_px]
            if v > 0:
                out[r, c] = v
    return out


@njit(cache=True)
def _image(t, dy, dx):
    """The offset (dy, dx) from a centre under group element t (see GROUPS)."""
    if t == 1:
        return dy, -dx
    if t == 2:
        return -dy, dx
    if t == 3:
        return -dy, -dx
    if t == 4:
        return dx, -dy
    if t == 5:
        return -dx, dy
    if t == 6:
        return dx, dy
    return -dx, -dy


@njit(cache=True)
def _elements(p):
    """The group elements (see _image) other than the identity of group p of GROUPS."""
    if p == 0:
        return np.array([1], dtype=np.int64)
    if p == 1:
        return np.array([2], dtype=np.int64)
    if p == 2:
        return np.array([1, 2, 3], dtype=np.int64)
    if p == 3:
        return np.array([3], dtype=np.int64)
    if p == 4:
        return np.array([3, 4, 5], dtype=np.int64)
    return np.array([1, 2, 3, 4, 5, 6, 7], dtype=np.int64)


@njit(cache=True)
def _box_fits(h, w, r0, c0, r1, c1, a, b, ts):
    """Whether every image of the box (r0, c0)-(r1, c1) about the doubled centre (a, b) lies in the
    grid: the maps are affine, so checking the box's corners is enough."""
    for t in ts:
        for r in (r0, r1):
            for c in (c0, c1):
                ey, ex = _image(t, 2 * r - a, 2 * c - b)
                if a + ey < 0 or b + ex < 0 or a + ey > 2 * (h - 1) or b + ex > 2 * (w - 1):
                    return False
    return True


@njit(cache=True)
def _agreement(g, rs, cs, a, b, ts):
    """How many (cell, element) images land on a cell of the same colour, for the centre (a / 2, b / 2)
    in doubled coordinates; -1 when an image leaves the grid or lands on another colour that is not 0."""
    h, w = g.shape
    agree = 0
    for k in range(rs.size):
        v = g[rs[k], cs[k]]
        dy = 2 * rs[k] - a
        dx = 2 * cs[k] - b
        for t in ts:
            ey, ex = _image(t, dy, dx)
            rr = a + ey
            cc = b + ex
            if rr < 0 or cc < 0 or rr % 2 != 0 or cc % 2 != 0 or rr // 2 >= h or cc // 2 >= w:
                return -1
            u = g[rr // 2, cc // 2]
            if u == v:
                agree += 1
            elif u != 0:
                return -1
    return agree


@njit(cache=True)
def _cells(g, r0, c0, r1, c1, colour):
    """(rows, cols) int64 of the cells of the box that are `colour` (colour -1: every cell not 0)."""
    n = 0
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            n += g[r, c] == colour if colour >= 0 else g[r, c] != 0
    rs = np.empty(n, dtype=np.int64)
    cs = np.empty(n, dtype=np.int64)
    k = 0
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (g[r, c] == colour) if colour >= 0 else (g[r, c] != 0):
                rs[k] = r
                cs[k] = c
                k += 1
    return rs, cs


@njit(cache=True)
def _pivot_centre(g, rs, cs, ts, r0, c0, r1, c1):
    """The doubled centre (a, b) of the box of the colour whose own cells are symmetric about that
    centre and on which the content agrees most (none disagreeing); (-1, -1) without one."""
    best, best_a, best_b = -1, -1, -1
    for colour in range(1, 10):
        prs, pcs = _cells(g, r0, c0, r1, c1, colour)
        if prs.size == 0:
            continue
        a = prs.min() + prs.max()
        b = pcs.min() + pcs.max()
        own = _agreement(g, prs, pcs, a, b, ts)
        if own != prs.size * ts.size:  # some image of the pivot is not the pivot's colour
            continue
        score = _agreement(g, rs, cs, a, b, ts)
        if score > best:
            best, best_a, best_b = score, a, b
    return best_a, best_b


@njit(cache=True)
def complete_symmetry(g, p):
    """Complete the content (the cells not 0) to a shape with the symmetry group p % 6 (see GROUPS)
    about a centre where no cell disagrees with its images: for p < 6 the centre in the content's
    box on which the most cells already agree with their images, for p >= 6 the centre of a pivot, a
    colour whose own cells have that symmetry. n/a without such a centre."""
    r0, r1, c0, c1 = mask_box(g != 0)
    if r1 < 0:
        return na()
    rs, cs = _cells(g, r0, c0, r1, c1, -1)
    if rs.size > MAX_CELLS:
        return na()
    ts = _elements(p % 6)
    best_a, best_b = -1, -1
    if p >= 6:
        best_a, best_b = _pivot_centre(g, rs, cs, ts, r0, c0, r1, c1)
    else:
        best = 0
        for a in range(2 * r0, 2 * r1 + 1):
            for b in range(2 * c0, 2 * c1 + 1):
                if not _box_fits(g.shape[0], g.shape[1], r0, c0, r1, c1, a, b, ts):
                    continue
                score = _agreement(g, rs, cs, a, b, ts)
                if score > best:
                    best, best_a, best_b = score, a, b
    if best_a < 0:
        return na()
    out = g.copy()
    for k in range(rs.size):
        v = g[rs[k], cs[k]]
        for t in ts:
            ey, ex = _image(t, 2 * rs[k] - best_a, 2 * cs[k] - best_b)
            rr = (best_a + ey) // 2
            cc = (best_b + ex) // 2
            out[rr, cc] = v
    return out


def entries() -> list[Primitive]:
    return [Primitive(f"extend_pattern({axis},{mode})", extend_pattern, i + 3 * j, 2)
            for j, mode in enumerate(MODES) for i, axis in enumerate(AXES)] + [
        Primitive(f"complete_symmetry({group}{',pivot' if j else ''})", complete_symmetry, i + 6 * j, 2 + j)
        for j in range(2) for i, group in enumerate(GROUPS)]
