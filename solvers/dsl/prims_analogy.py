"""Analogy primitives: a whole line is the pattern that the other lines repeat in their own colours,
and two lone pixels start a run of stripes.

Designed from 82819916 (a full row is the template; each row that holds only its start continues it,
with the template's colours renamed the way its start renames them) and 0a938d79 (two pixels become
whole lines across the grid, and the pair repeats at its own spacing to the far edge) and bd4472b8
(a header row spells the colours that the empty rows below its separator take, one by one).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import full_rows, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def _analogy_rows(g, out):
    """The rows of g with zero cells continue the first row without zero cells (the template) under
    the colour renaming that their coloured cells show; written into out. Whether any row changed.
    A row is left alone when its cells rename one template colour two ways, or when a zero cell sits
    under a template colour that its coloured cells do not rename."""
    h, w = g.shape
    t = -1
    full = full_rows(g)
    for r in range(h):
        if full[r]:
            t = r
            break
    if t < 0:
        return False
    changed = False
    lut = np.empty(10, dtype=np.int64)
    for r in range(h):
        lut[:] = -1
        ok = True
        coloured = False
        for c in range(w):
            v = g[r, c]
            if v == 0:
                continue
            coloured = True
            k = g[t, c]
            if lut[k] >= 0 and lut[k] != v:
                ok = False
                break
            lut[k] = v
        if not ok or not coloured:
            continue
        for c in range(w):
            if g[r, c] == 0 and lut[g[t, c]] < 0:
                ok = False
                break
        if not ok:
            continue
        for c in range(w):
            if g[r, c] == 0:
                out[r, c] = lut[g[t, c]]
                changed = True
    return changed


@njit(cache=True)
def line_analogy(g, p):
    """Rows (p = 0) or columns (p = 1) with gaps continue the first gapless one under their own
    colour renaming (see _analogy_rows). n/a when no line changes."""
    out = g.copy()
    changed = _analogy_rows(g, out) if p == 0 else _analogy_rows(g.T, out.T)
    if not changed:
        return na()
    return out


@njit(cache=True)
def _stripes_rows(g, out):
    """g holds exactly two coloured cells, in different rows: each becomes a whole row of its colour,
    and the pair repeats at the spacing of their rows (twice the gap per period) from the first
    towards the far edge; written into out. Whether it applied."""
    h, w = g.shape
    n = 0
    ra = rb = ca = cb = 0
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                if n == 0:
                    ra, ca = r, c
                elif n == 1:
                    rb, cb = r, c
                n += 1
    if n != 2 or ra == rb:
        return False
    d = rb - ra
    for r in range(ra, h):
        k = r - ra
        if k % d != 0:
            continue
        colour = g[ra, ca] if (k // d) % 2 == 0 else g[rb, cb]
        for c in range(w):
            out[r, c] = colour
    return True


@njit(cache=True)
def pair_stripes(g, p):
    """Two lone pixels become whole rows (p = 0), columns (p = 1) or lines across the longer side
    (p = 2: columns when the grid is wider than tall, rows when taller, n/a when square), repeated
    at their spacing to the far edge (see _stripes_rows). n/a unless the grid holds exactly two
    coloured cells on different lines."""
    h, w = g.shape
    cols = p == 1 or (p == 2 and w > h)
    if p == 2 and w == h:
        return na()
    out = g.copy()
    ok = _stripes_rows(g.T, out.T) if cols else _stripes_rows(g, out)
    if not ok:
        return na()
    return out


@njit(cache=True)
def _header_rows(g, out):
    """g's first row has no zero cell, its second is one non-zero colour, and every row after is
    empty: the k-th empty row is painted whole in the first row's colour k (cycling); written into
    out. Whether it applied."""
    h, w = g.shape
    if h < 3:
        return False
    for c in range(w):
        if g[0, c] == 0 or g[1, c] != g[1, 0] or g[1, c] == 0:
            return False
    for r in range(2, h):
        for c in range(w):
            if g[r, c] != 0:
                return False
    for r in range(2, h):
        v = g[0, (r - 2) % w]
        for c in range(w):
            out[r, c] = v
    return True


@njit(cache=True)
def header_rows(g, p):
    """The colours of a header line, above (p = 0) or left of (p = 1) a separator line, paint the
    empty lines after it whole, one colour each, cycling (see _header_rows). n/a otherwise."""
    out = g.copy()
    ok = _header_rows(g, out) if p == 0 else _header_rows(g.T, out.T)
    if not ok:
        return na()
    return out


def entries() -> list[Primitive]:
    out = [Primitive(f"line_analogy({s})", line_analogy, p, 2) for p, s in enumerate(("rows", "cols"))]
    out += [Primitive(f"pair_stripes({s})", pair_stripes, p, 2) for p, s in enumerate(("rows", "cols", "long"))]
    out += [Primitive(f"header_rows({s})", header_rows, p, 2) for p, s in enumerate(("rows", "cols"))]
    return out
