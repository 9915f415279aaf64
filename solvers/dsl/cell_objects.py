"""Per-cell facts about the objects and colours around a cell, for the learned feature rule.

The feature rule of solvers.dsl.learned_features keys cells on their neighbourhood; these columns
let it key on what the cell belongs to instead: the 8-connected multicolour object it is part of
(its size, its main and second colour, which half of its box the cell is in), the box of the object
it lies in, the nearest coloured cell, and the grid's commonest and rarest colours. They were chosen
from arc1-training tasks that recolour each object after its own colours, fill objects' boxes, grow
halos, repaint a grid in the colour that differs per grid (a rule that keys on a fixed colour cannot
say "the rarest colour"), or recolour the lower half of each bar (ce9e57f2).

Every value fits in 4 bits (the rule packs keys 4 bits per feature); NONE (10) means no such colour.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, label, label_boxes, object_sizes

NONE = 10
# the columns of object_facts: colour-valued first (an output cell may copy them), then counts and flags
COLOURS = ("object_major", "object_minor", "most_common", "least_common", "nearest", "box_colour")
PLAIN = ("object_size", "colour_rank", "distance", "component_rank", "in_box", "row_half", "col_half")
COLUMNS = COLOURS + PLAIN
N_COLUMNS = len(COLUMNS)


@njit(cache=True)
def object_colours(g, lab, n):
    """(n, 2) int64: each object's commonest colour and, for a two-colour object, its other colour
    (NONE on a tie for the commonest, or for the other colour of a one- or 3+-colour object)."""
    counts = np.zeros((max(n, 1), 10), dtype=np.int64)
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                counts[lab[r, c], g[r, c]] += 1
    out = np.full((max(n, 1), 2), NONE, dtype=np.int64)
    for j in range(n):
        best = np.max(counts[j])
        top = 0
        kinds = 0
        for k in range(1, 10):
            kinds += counts[j, k] > 0
            if counts[j, k] == best:
                top += 1
                out[j, 0] = k
        if top != 1:
            out[j, 0] = NONE
        elif kinds == 2:
            for k in range(1, 10):
                if counts[j, k] > 0 and k != out[j, 0]:
                    out[j, 1] = k
    return out


@njit(cache=True)
def chessboard_distance(g):
    """(h, w) int64: per cell, the king-move distance to the nearest non-zero cell, capped at 15
    (0 on coloured cells; 15 when the grid has none). Two raster passes are exact for this metric."""
    h, w = g.shape
    d = np.full((h, w), 15, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                d[r, c] = 0
            else:
                for dr, dc in ((-1, -1), (-1, 0), (-1, 1), (0, -1)):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < h and 0 <= cc < w:
                        d[r, c] = min(d[r, c], d[rr, cc] + 1)
    for r in range(h - 1, -1, -1):
        for c in range(w - 1, -1, -1):
            for dr, dc in ((1, 1), (1, 0), (1, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < h and 0 <= cc < w:
                    d[r, c] = min(d[r, c], d[rr, cc] + 1)
    return d


@njit(cache=True)
def nearest_colour(g, d, r, c):
    """The colour of the coloured cells at chessboard distance d[r, c] from (r, c) if they share
    one, else NONE."""
    h, w = g.shape
    k = d[r, c]
    col = -1
    for rr in range(r - k, r + k + 1):
        for cc in range(c - k, c + k + 1):
            on_ring = abs(rr - r) == k or abs(cc - c) == k
            if on_ring and 0 <= rr < h and 0 <= cc < w and g[rr, cc] != 0:
                if col == -1:
                    col = g[rr, cc]
                elif col != g[rr, cc]:
                    return NONE
    return NONE if col < 0 else col


@njit(cache=True)
def rank_of(v, hi, lo):
    """1 for the highest value, 2 for the lowest, 3 when it is both, 4 otherwise."""
    if v == hi and v == lo:
        return 3
    return 1 if v == hi else (2 if v == lo else 4)


@njit(cache=True)
def object_facts(g, sizes):
    """(h, w, len(COLUMNS)) int64, columns as COLUMNS. `sizes` is the per-cell size of the cell's
    4-connected one-colour component (learned_features._components), ranked in component_rank."""
    h, w = g.shape
    out = np.zeros((h, w, N_COLUMNS), dtype=np.int64)  # the column numbers below follow COLUMNS
    out[:, :, :6] = NONE
    lab, n = label(g, 1, 1)
    colours = object_colours(g, lab, n)
    boxes = label_boxes(lab, n)
    objsize = object_sizes(lab, n)
    counts = colour_counts(g)
    hi, lo, n_hi, n_lo = 0, h * w + 1, 0, 0
    big, small = 0, 16
    for k in range(1, 10):
        if counts[k] > 0:
            n_hi = 1 if counts[k] > hi else n_hi + (counts[k] == hi)
            hi = max(hi, counts[k])
            n_lo = 1 if counts[k] < lo else n_lo + (counts[k] == lo)
            lo = min(lo, counts[k])
    most, least = NONE, NONE
    for k in range(1, 10):
        if counts[k] == hi and n_hi == 1:
            most = k
        if counts[k] == lo and n_lo == 1:
            least = k
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                big = max(big, sizes[r, c])
                small = min(small, sizes[r, c])
    dist = chessboard_distance(g)
    for r in range(h):
        for c in range(w):
            v = g[r, c]
            out[r, c, 2] = most
            out[r, c, 3] = least
            if v != 0:
                j = lab[r, c]
                out[r, c, 0] = colours[j, 0]
                out[r, c, 1] = colours[j, 1]
                out[r, c, 4] = v
                out[r, c, 6] = min(objsize[j], 15)
                out[r, c, 7] = rank_of(counts[v], hi, lo)
                out[r, c, 9] = rank_of(sizes[r, c], big, small)
                # which half of its object's box the cell lies in: 1 the top (left), 2 the middle
                # row (column), 3 the bottom (right): the lower half of each bar turns another colour
                out[r, c, 11] = 2 + np.sign(2 * r - boxes[j, 0] - boxes[j, 1])
                out[r, c, 12] = 2 + np.sign(2 * c - boxes[j, 2] - boxes[j, 3])
                continue
            out[r, c, 8] = dist[r, c]
            out[r, c, 4] = nearest_colour(g, dist, r, c) if dist[r, c] < 15 else NONE
            inside = -1  # the one object whose box holds the cell; -2 for several
            for j in range(n):
                if boxes[j, 0] <= r <= boxes[j, 1] and boxes[j, 2] <= c <= boxes[j, 3]:
                    inside = j if inside == -1 else -2
            if inside != -1:
                out[r, c, 10] = 1
            if inside >= 0:
                out[r, c, 5] = colours[inside, 0]
    return out
