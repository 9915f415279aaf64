"""Centre primitives: lines through the middle of each object's box, and the cell halfway between
two cells of one colour.

Designed from arc1-training tasks where every hollow square sends a line across the grid through
its middle row and column, drawn only on the background (the square itself stays as it is), and
e9614598 (a cross is drawn halfway between two cells of one colour, in a row or in a column) and
cbded52d (the only two marks of a colour in a row or column of a split grid put a third halfway)
and 54d82841 (each cup gets a mark on the bottom row, under its middle), and 36fdfd69 (the cells
that the rarest colour's clusters enclose in their boxes take a new colour).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, colour_counts, label, label_boxes, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_colour import most_common_nonzero


@njit(cache=True)
def centre_lines(g, p):
    """Through each object (8-connected, any colours) a FRESH line over the zero cells of the whole
    grid: along its box's middle row (p = 0), middle column (p = 1) or both (p = 2). A box of even
    height has no middle row (the same for columns). n/a when nothing is painted."""
    lab, n = label(g, 1, 1)
    if n == 0:
        return na()
    box = label_boxes(lab, n)
    h, w = g.shape
    out = g.copy()
    painted = False
    for i in range(n):
        if p != 1 and (box[i, 1] - box[i, 0]) % 2 == 0:
            r = (box[i, 0] + box[i, 1]) // 2
            for c in range(w):
                if g[r, c] == 0:
                    out[r, c] = FRESH
                    painted = True
        if p != 0 and (box[i, 3] - box[i, 2]) % 2 == 0:
            c = (box[i, 2] + box[i, 3]) // 2
            for r in range(h):
                if g[r, c] == 0:
                    out[r, c] = FRESH
                    painted = True
    if not painted:
        return na()
    return out


# centre_marks' p: the edge of the grid that the marks go on
EDGES = ("bottom", "top", "right", "left")


@njit(cache=True)
def centre_marks(g, p):
    """Each object (8-connected, one colour) puts a FRESH mark on one edge of the grid, level with
    the middle of its box: under its middle column on the bottom (p = 0) or top (1) row, beside its
    middle row on the right (2) or left (3) column. n/a when a box has no middle (an even extent)
    or a mark would land on a non-zero cell."""
    lab, n = label(g, 1, 0)
    if n == 0:
        return na()
    box = label_boxes(lab, n)
    h, w = g.shape
    out = g.copy()
    for i in range(n):
        if p < 2:
            if (box[i, 3] - box[i, 2]) % 2 == 1:
                return na()
            r, c = (h - 1 if p == 0 else 0), (box[i, 2] + box[i, 3]) // 2
        else:
            if (box[i, 1] - box[i, 0]) % 2 == 1:
                return na()
            r, c = (box[i, 0] + box[i, 1]) // 2, (w - 1 if p == 2 else 0)
        if g[r, c] != 0:
            return na()
        out[r, c] = FRESH
    return out


@njit(cache=True)
def _pair_midpoint(line, out_line):
    """For each colour with exactly two cells in `line`, an odd number of cells between them, paint the
    zero cell halfway between them in `out_line` with that colour. Returns whether one was painted."""
    n = line.shape[0]
    painted = False
    for v in range(1, 10):
        a, b, k = -1, -1, 0
        for i in range(n):
            if line[i] == v:
                k += 1
                if a < 0:
                    a = i
                b = i
        if k == 2 and b - a > 1 and (b - a) % 2 == 0 and line[(a + b) // 2] == 0:
            out_line[(a + b) // 2] = v
            painted = True
    return painted


@njit(cache=True)
def midpoints(g, p):
    """p = 0: FRESH on the cell halfway between two cells of one colour that face each other across
    zero cells, in a row or a column, when an odd number of cells lies between them. p = 1: the
    only two cells of a colour in a row or column, whatever lies between, put that colour on the
    zero cell halfway. n/a when there is no such pair."""
    h, w = g.shape
    out = g.copy()
    painted = False
    if p == 1:
        for r in range(h):
            painted = _pair_midpoint(g[r], out[r]) or painted
        for c in range(w):
            painted = _pair_midpoint(g[:, c], out[:, c]) or painted
        if not painted:
            return na()
        return out
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            cc = c + 1  # the next coloured cell to the east, then to the south
            while cc < w and g[r, cc] == 0:
                cc += 1
            if cc < w and g[r, cc] == v and cc - c > 1 and (cc - c) % 2 == 0:
                out[r, (c + cc) // 2] = FRESH
                painted = True
            rr = r + 1
            while rr < h and g[rr, c] == 0:
                rr += 1
            if rr < h and g[rr, c] == v and rr - r > 1 and (rr - r) % 2 == 0:
                out[(r + rr) // 2, c] = FRESH
                painted = True
    if not painted:
        return na()
    return out


@njit(cache=True)
def _clusters(mask, reach):
    """Clusters of mask cells: two cells are in one cluster when a chain of cells joins them, each
    within `reach` rows and columns of the next (reach 1: 8-connected). (labels, n) as `label`."""
    h, w = mask.shape
    lab = np.full((h, w), -1, dtype=np.int32)
    stack = np.empty(h * w, dtype=np.int64)
    n = 0
    for r0 in range(h):
        for c0 in range(w):
            if not mask[r0, c0] or lab[r0, c0] >= 0:
                continue
            lab[r0, c0] = n
            stack[0] = r0 * w + c0
            top = 1
            while top > 0:
                top -= 1
                r, c = stack[top] // w, stack[top] % w
                for rr in range(max(0, r - reach), min(h, r + reach + 1)):
                    for cc in range(max(0, c - reach), min(w, c + reach + 1)):
                        if mask[rr, cc] and lab[rr, cc] < 0:
                            lab[rr, cc] = n
                            stack[top] = rr * w + cc
                            top += 1
            n += 1
    return lab, n


@njit(cache=True)
def rare_boxes(g, p):
    """Each cluster of the least common non-zero colour paints FRESH over the cells of its box that
    are not its colour, 0 included. A cluster's cells touch (p = 1: 8-connected) or lie at most one
    cell apart (p = 2: a dotted pattern is one cluster). n/a with under two non-zero colours (the
    rare clusters sit in another colour's field), or when no box holds another cell."""
    if (colour_counts(g)[1:] > 0).sum() < 2:
        return na()
    rare = most_common_nonzero(g, True)
    lab, n = _clusters(g == rare, p)
    box = label_boxes(lab, n)
    out = g.copy()
    painted = False
    for i in range(n):
        for r in range(box[i, 0], box[i, 1] + 1):
            for c in range(box[i, 2], box[i, 3] + 1):
                if g[r, c] != rare:
                    out[r, c] = FRESH
                    painted = True
    if not painted:
        return na()
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"centre_lines({s})", centre_lines, p, 2) for p, s in enumerate(("rows", "cols", "both"))]
            + [Primitive(f"centre_marks({s})", centre_marks, p, 3) for p, s in enumerate(EDGES)]
            + [Primitive("midpoints", midpoints, 0, 2), Primitive("midpoints(only_pair)", midpoints, 1, 2)]
            + [Primitive(f"rare_boxes({s})", rare_boxes, p, 2) for p, s in ((1, "touching"), (2, "gap1"))])
