"""Line primitives: per-row/column majority and marking, empty-line fills, bridges between
same-coloured cells, rays that must reach a target, header recolouring, separator-grid reductions."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import FRESH, label, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_extract import _split


@njit(cache=True)
def line_majority(g, p):
    """Each row (p = 0) or column (p = 1) becomes its commonest colour (ties to the lower)."""
    h, w = g.shape
    out = np.empty((h, w), dtype=np.uint8)
    n1 = h if p == 0 else w
    n2 = w if p == 0 else h
    for i in range(n1):
        cnt = np.zeros(10, dtype=np.int64)
        for j in range(n2):
            cnt[g[i, j] if p == 0 else g[j, i]] += 1
        best = 0
        for v in range(10):
            if cnt[v] > cnt[best]:
                best = v
        for j in range(n2):
            if p == 0:
                out[i, j] = best
            else:
                out[j, i] = best
    return out


@njit(cache=True)
def mark_uniform_lines(g, p):
    """Rows (p = 0) or columns (p = 1) made of one colour become FRESH, every other cell 0."""
    h, w = g.shape
    out = np.zeros((h, w), dtype=np.uint8)
    n1 = h if p == 0 else w
    n2 = w if p == 0 else h
    for i in range(n1):
        first = g[i, 0] if p == 0 else g[0, i]
        same = True
        for j in range(n2):
            if (g[i, j] if p == 0 else g[j, i]) != first:
                same = False
                break
        if same:
            for j in range(n2):
                if p == 0:
                    out[i, j] = FRESH
                else:
                    out[j, i] = FRESH
    return out


@njit(cache=True)
def _open_span(line, walls):
    """(first, last) of the zero cells of a 1-D line when they are all of its cells, or, with walls,
    all of its cells between a leading and a trailing run of coloured cells; (0, -1) otherwise."""
    n = line.shape[0]
    a, b = 0, n - 1
    if walls:
        while a < n and line[a] != 0:
            a += 1
        while b >= 0 and line[b] != 0:
            b -= 1
    if a > b:
        return 0, -1
    for i in range(a, b + 1):
        if line[i] != 0:
            return 0, -1
    return a, b


@njit(cache=True)
def fill_empty_lines(g, p):
    """All-zero rows (p % 3 = 0), columns (1) or both (2) are painted FRESH. With p // 3 = 1 a line
    may also have walls, coloured runs at its two ends, and its zeros between them are painted if no
    line in that direction has a longer such span (the empty rows of a ragged frame, not the short
    gaps of its edge). n/a if no line is painted."""
    h, w = g.shape
    out = g.copy()
    walls = p // 3 == 1
    any_line = False
    for axis in range(2):
        if (axis == 0 and p % 3 == 1) or (axis == 1 and p % 3 == 0):
            continue
        n = h if axis == 0 else w
        spans = np.zeros((n, 2), dtype=np.int64)
        longest = 0
        for i in range(n):
            a, b = _open_span(g[i, :] if axis == 0 else g[:, i], walls)
            spans[i, 0], spans[i, 1] = a, b
            longest = max(longest, b - a + 1)
        for i in range(n):
            if longest == 0 or spans[i, 1] - spans[i, 0] + 1 != longest:
                continue
            any_line = True
            for j in range(spans[i, 0], spans[i, 1] + 1):
                if axis == 0:
                    out[i, j] = FRESH
                else:
                    out[j, i] = FRESH
    if not any_line:
        return na()
    return out


@njit(cache=True)
def split_reduce(g, p):
    """A grid split by separator lines becomes one cell per part: p = 0 the part's commonest
    non-zero colour (0 if empty), 1 its number of non-zero cells (capped at 9). n/a without a split."""
    cells, k = _split(g)
    return reduce_parts(g, p, cells, k)


@njit(cache=True)
def reduce_parts(g, p, cells, k):
    """`split_reduce` given the split (`_split`'s cells and count), for callers that need both."""
    if k < 2:
        return na()
    ny = 0
    for i in range(k):
        if cells[i, 0] == cells[0, 0]:
            ny += 1
    nx = ny
    ny = k // nx
    if ny * nx != k:
        return na()
    out = np.zeros((ny, nx), dtype=np.uint8)
    for i in range(k):
        cnt = np.zeros(10, dtype=np.int64)
        for r in range(cells[i, 0], cells[i, 1]):
            for c in range(cells[i, 2], cells[i, 3]):
                cnt[g[r, c]] += 1
        if p == 0:
            best = 0
            for v in range(1, 10):
                if cnt[v] > 0 and (best == 0 or cnt[v] > cnt[best]):
                    best = v
            out[i // nx, i % nx] = best
        else:
            n = 0
            for v in range(1, 10):
                n += cnt[v]
            out[i // nx, i % nx] = min(n, 9)
    return out


@njit(cache=True)
def bridge(g, p):
    """Zero cells between two same-coloured cells of a line (only zeros between) become FRESH:
    p = 0 rows, 1 columns, 2 both, 3 both diagonals. n/a when nothing is bridged."""
    h, w = g.shape
    out = g.copy()
    any_cell = False
    for d in range(4):
        if p == 0 and d != 0:
            continue
        if p == 1 and d != 1:
            continue
        if p == 2 and d > 1:
            continue
        if p == 3 and d < 2:
            continue
        dr = 0 if d == 0 else 1
        dc = 1 if d == 0 or d == 2 else (0 if d == 1 else -1)
        for r in range(h):
            for c in range(w):
                v = g[r, c]
                if v == 0:
                    continue
                rr = r + dr
                cc = c + dc
                while 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0:
                    rr += dr
                    cc += dc
                if not (0 <= rr < h and 0 <= cc < w) or g[rr, cc] != v:
                    continue
                rr = r + dr
                cc = c + dc
                while g[rr, cc] == 0:
                    out[rr, cc] = FRESH
                    any_cell = True
                    rr += dr
                    cc += dc
    if not any_cell:
        return na()
    return out


@njit(cache=True)
def rays_to_target(g, p):
    """From every non-zero cell not of the target colour, in each of the 4 directions, draw a line
    of its colour over zeros if that line ends on a target cell. Target: p = 0 the colour of the
    largest object (4-connected, one colour; unique), p = 1 any non-zero colour. n/a if nothing drawn."""
    h, w = g.shape
    tgt = -1
    if p == 0:
        lab, n = label(g, 0, 0)
        if n == 0:
            return na()
        sizes = np.zeros(n, dtype=np.int64)
        for r in range(h):
            for c in range(w):
                if lab[r, c] >= 0:
                    sizes[lab[r, c]] += 1
        bi = 0
        for i in range(n):
            if sizes[i] > sizes[bi]:
                bi = i
        for i in range(n):
            if i != bi and sizes[i] == sizes[bi]:
                return na()
        for r in range(h):
            for c in range(w):
                if lab[r, c] == bi:
                    tgt = g[r, c]
    out = g.copy()
    drawn = False
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0 or v == tgt:
                continue
            for d in range(4):
                dr = -1 if d == 0 else (1 if d == 1 else 0)
                dc = -1 if d == 2 else (1 if d == 3 else 0)
                rr = r + dr
                cc = c + dc
                while 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0:
                    rr += dr
                    cc += dc
                if not (0 <= rr < h and 0 <= cc < w):
                    continue
                hit = g[rr, cc]
                if (p == 0 and hit != tgt) or (p == 1 and hit == v):
                    continue
                if rr == r + dr and cc == c + dc:
                    continue
                rr = r + dr
                cc = c + dc
                while g[rr, cc] == 0:
                    if out[rr, cc] == 0:  # where rays cross, the first painted stays
                        out[rr, cc] = v
                        drawn = True
                    rr += dr
                    cc += dc
    if not drawn:
        return na()
    return out


@njit(cache=True)
def header_recolour(g, p):
    """Non-zero cells off the header line take the header cell of their line, where that is
    non-zero: p = 0 header is the left column (per row), 1 the top row (per column)."""
    h, w = g.shape
    out = g.copy()
    changed = False
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0 or (p == 0 and c == 0) or (p == 1 and r == 0):
                continue
            hd = g[r, 0] if p == 0 else g[0, c]
            if hd != 0 and hd != g[r, c]:
                out[r, c] = hd
                changed = True
    if not changed:
        return na()
    return out


@njit(cache=True)
def extend_tails(g, p):
    """Continue every tail: a non-zero cell with exactly one non-zero neighbour (of its 8) goes on
    away from that neighbour, in its colour, over zero cells up to the edge or a non-zero cell.
    p = 0 diagonal tails only, 1 orthogonal only, 2 both; n/a when nothing is drawn."""
    h, w = g.shape
    out = g.copy()
    drawn = False
    for r in range(h):
        for c in range(w):
            if g[r, c] == 0:
                continue
            n = 0
            nr, nc = 0, 0
            for dr in range(-1, 2):
                for dc in range(-1, 2):
                    rr, cc = r + dr, c + dc
                    if (dr != 0 or dc != 0) and 0 <= rr < h and 0 <= cc < w and g[rr, cc] != 0:
                        n += 1
                        nr, nc = dr, dc
            if n != 1:
                continue
            diagonal = nr != 0 and nc != 0
            if (p == 0 and not diagonal) or (p == 1 and diagonal):
                continue
            rr, cc = r - nr, c - nc
            while 0 <= rr < h and 0 <= cc < w and g[rr, cc] == 0:
                out[rr, cc] = g[r, c]
                drawn = True
                rr -= nr
                cc -= nc
    if not drawn:
        return na()
    return out


@njit(cache=True)
def span_rect(g, p):
    """For each colour with exactly two cells, draw the rectangle those two cells are opposite
    corners of, in that colour, over zero cells: p = 0 filled, 1 its outline only. n/a if none."""
    h, w = g.shape
    cnt = np.zeros(10, dtype=np.int64)
    first = np.zeros((10, 2), dtype=np.int64)
    last = np.zeros((10, 2), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            if cnt[v] == 0:
                first[v, 0], first[v, 1] = r, c
            last[v, 0], last[v, 1] = r, c
            cnt[v] += 1
    out = g.copy()
    drawn = False
    for v in range(1, 10):
        if cnt[v] != 2:
            continue
        r0, r1 = min(first[v, 0], last[v, 0]), max(first[v, 0], last[v, 0])
        c0, c1 = min(first[v, 1], last[v, 1]), max(first[v, 1], last[v, 1])
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                edge = r == r0 or r == r1 or c == c0 or c == c1
                if out[r, c] == 0 and (p == 0 or edge):
                    out[r, c] = v
                    drawn = True
    if not drawn:
        return na()
    return out


@njit(cache=True)
def line_complement(g, p):
    """Each row (p = 0) or column (p = 1) is turned inside out in its commonest non-zero colour
    (ties to the lower): its cells of that colour become 0 and all its other cells that colour. A
    line with no colour stays empty. n/a when the grid has no colour."""
    h, w = g.shape
    t = g if p == 0 else g.T
    out = np.zeros(t.shape, dtype=np.uint8)
    found = False
    for r in range(t.shape[0]):
        cnt = np.zeros(10, dtype=np.int64)
        for c in range(t.shape[1]):
            cnt[t[r, c]] += 1
        v = 0
        for k in range(1, 10):
            if cnt[k] > cnt[v] or (v == 0 and cnt[k] > 0):
                v = k
        if v == 0:
            continue
        found = True
        for c in range(t.shape[1]):
            out[r, c] = 0 if t[r, c] == v else v
    if not found:
        return na()
    return np.ascontiguousarray(out if p == 0 else out.T)


def entries() -> list[Primitive]:
    out: list[Primitive] = []
    out += [Primitive(f"line_complement({s})", line_complement, p, 2) for p, s in enumerate(("rows", "cols"))]
    out += [Primitive(f"line_majority({s})", line_majority, p, 2) for p, s in enumerate(("rows", "cols"))]
    out += [Primitive(f"mark_uniform_lines({s})", mark_uniform_lines, p, 3) for p, s in enumerate(("rows", "cols"))]
    out += [Primitive(f"fill_empty_lines({s})", fill_empty_lines, p, 2) for p, s in enumerate(("rows", "cols", "both"))]
    out += [Primitive(f"fill_empty_lines({s},walls)", fill_empty_lines, 3 + p, 3)
            for p, s in enumerate(("rows", "cols", "both"))]
    out += [Primitive(f"split_reduce({s})", split_reduce, p, 2) for p, s in enumerate(("colour", "count"))]
    out += [Primitive(f"bridge({s})", bridge, p, 2) for p, s in enumerate(("rows", "cols", "both", "diagonals"))]
    out += [Primitive(f"rays_to_target({s})", rays_to_target, p, 3) for p, s in enumerate(("largest", "any"))]
    out += [Primitive(f"header_recolour({s})", header_recolour, p, 3) for p, s in enumerate(("left", "top"))]
    tails = ("diagonal", "orthogonal", "both")
    out += [Primitive(f"extend_tails({s})", extend_tails, p, 2) for p, s in enumerate(tails)]
    out += [Primitive(f"span_rect({s})", span_rect, p, 2) for p, s in enumerate(("filled", "outline"))]
    return out
