"""Mirror repair: fill the cells hidden under a mask colour from the mirror lines that the rest of
the grid shows, lines that may sit off the centre (as when a pattern has a margin)."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, crop_to_mask, na
from solvers.dsl.primitive import Primitive

MIRROR_SLACK = 4  # how far a mirror line may sit from the grid's own centre line, in half-cells
N_LINES = 4 * (2 * MIRROR_SLACK + 1)  # the candidate lines: 4 kinds, each at 2 * slack + 1 offsets


@njit(cache=True)
def _mirror(r, c, kind, s):
    """The image of (r, c) in the mirror line `s`: kind 0 the row r' = s - r, 1 the column c' = s - c,
    2 the diagonal r - c = s, 3 the anti-diagonal r + c = s."""
    if kind == 0:
        return s - r, c
    if kind == 1:
        return r, s - c
    if kind == 2:
        return c + s, r - s
    return s - c, s - r


@njit(cache=True)
def _line(i, h, w):
    """Candidate line i of N_LINES: (kind, s), the kinds in order and s rising about the centre."""
    kind = i // (2 * MIRROR_SLACK + 1)
    centre = (h - 1, w - 1, 0, h - 1 if h < w else w - 1)[kind]
    return kind, centre - MIRROR_SLACK + i % (2 * MIRROR_SLACK + 1)


@njit(cache=True)
def _span(kind, s, h, w):
    """The rows [r0, r1) and columns [c0, c1) whose image in line (kind, s) lies inside the grid,
    so the scan needs no bounds test per cell."""
    if kind == 0:
        return max(0, s - h + 1), min(h, s + 1), 0, w
    if kind == 1:
        return 0, h, max(0, s - w + 1), min(w, s + 1)
    if kind == 2:
        return max(0, s), min(h, s + w), max(0, -s), min(w, h - s)
    return max(0, s - w + 1), min(h, s + 1), max(0, s - h + 1), min(w, s + 1)


@njit(cache=True)
def _mirror_lines(g, cnt):
    """Which candidate lines hold for which mask colour, in one scan per line for all colours.
    Line i holds for colour m (valid[m, i]) when every cell pair (cell, its image) that shows
    no m agrees, and at least half of the cells not of m see such an image. A disagreeing pair
    of colours a != b breaks the line for every mask but a and b, hence the colour bitmask."""
    h, w = g.shape
    present = 0
    for m in range(10):
        if 0 < cnt[m] < g.size:
            present |= 1 << m
    valid = np.zeros((10, N_LINES), dtype=np.bool_)
    touch = np.zeros(10, dtype=np.int64)  # cells with an image where colour m is at either end
    for i in range(N_LINES):
        kind, s = _line(i, h, w)
        r0, r1, c0, c1 = _span(kind, s, h, w)
        alive = present
        touch[:] = 0
        for r in range(r0, r1):
            for c in range(c0, c1):
                rr, cc = _mirror(r, c, kind, s)
                a = g[r, c]
                b = g[rr, cc]
                touch[a] += 1
                if a != b:
                    touch[b] += 1
                    alive &= (1 << a) | (1 << b)
                    if alive == 0:
                        break
            if alive == 0:
                break
        if alive == 0:
            continue
        pairs = max(0, r1 - r0) * max(0, c1 - c0)
        for m in range(10):
            if (alive >> m) & 1 and 2 * (pairs - touch[m]) >= g.size - cnt[m]:
                valid[m, i] = True
    return valid


@njit(cache=True)
def _mirror_fill(g, m, valid):
    """Fill the cells of colour m from their images in the lines valid for m (see _mirror_lines);
    cells whose image falls outside the grid are free. (filled grid, True), or (partly filled grid,
    False) when some hidden cell has no known image."""
    h, w = g.shape
    kinds = np.empty(N_LINES, dtype=np.int64)  # m's lines, once, not per hidden cell and pass
    lines = np.empty(N_LINES, dtype=np.int64)
    n = 0
    for i in range(N_LINES):
        if valid[m, i]:
            kinds[n], lines[n] = _line(i, h, w)
            n += 1
    known = g != m
    out = g.copy()
    for _ in range(4):  # a hidden cell may see a known one only through another hidden cell's image
        for r in range(h):
            for c in range(w):
                for i in range(n):
                    if known[r, c]:
                        break
                    rr, cc = _mirror(r, c, kinds[i], lines[i])
                    if rr >= 0 and cc >= 0 and rr < h and cc < w and known[rr, cc]:
                        out[r, c] = out[rr, cc]
                        known[r, c] = True
    return out, known.all()


@njit(cache=True)
def mirror_repair(g, p):
    """Repair a pattern hidden under a mask colour from its mirror lines, which may sit off the
    centre (_mirror_lines); p = 0 the whole grid, 1 only the mask's bounding box. The mask is the
    present colour that the most mirror lines agree with once hidden (a real colour of a mirrored
    pattern breaks none of them, the mask breaks them all), ties to fewer cells, then the lower
    colour; a colour whose lines leave a hidden cell unseen counts no lines."""
    cnt = colour_counts(g)
    valid = _mirror_lines(g, cnt)
    best = -1
    best_lines = 0
    best_out = g
    for m in range(10):
        lines = valid[m].sum()
        # the fill is the costly part: skip it for a colour that cannot win even when it works
        if lines == 0 or lines < best_lines or (lines == best_lines and cnt[m] >= cnt[best]):
            continue
        out, ok = _mirror_fill(g, m, valid)
        if ok:
            best, best_lines, best_out = m, lines, out
    if best < 0:
        return na()
    return crop_to_mask(best_out, g, best) if p == 1 else best_out


def entries() -> list[Primitive]:
    return [Primitive("mirror_repair(full)", mirror_repair, 0, 2),
            Primitive("mirror_repair(region)", mirror_repair, 1, 2)]
