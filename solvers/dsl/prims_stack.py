"""Stack primitives: parts of a grid cut out and drawn on one centre, or moved into holes.

Designed from c8cbb738 (four-cell shapes, one per colour, scattered over a background: the output is
all of them drawn on one centre) and 228f6490 (loose pieces move into the enclosed holes of the
same shape in larger objects; pieces that fit no hole stay).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import colour_counts, label, label_boxes, na
from solvers.dsl.primitive import Primitive


@njit(cache=True)
def stack_parts(g, p):
    """Parts drawn on one centre: each colour other than the most common one (p = 0) or each
    object, 8-connected and of any colours (p = 1), is cut out to its box, and all are laid on a
    canvas of the largest height and width, each centred, over the most common colour. n/a with
    under two parts, when a part cannot be centred exactly (odd difference), or when two parts
    cover one cell."""
    cnt = colour_counts(g)
    bg = 0
    for v in range(10):
        if cnt[v] > cnt[bg]:
            bg = v
    h, w = g.shape
    # part of each cell (-1 for the background) and the parts' boxes
    if p == 0:
        part = np.full((h, w), -1, dtype=np.int32)
        for r in range(h):
            for c in range(w):
                if g[r, c] != bg:
                    part[r, c] = g[r, c]
        n = 10
    else:
        part, n = label(g, 1, 1)
        if bg != 0:
            return na()  # objects are read against 0
    box = label_boxes(part, n)
    hh, ww, k = 0, 0, 0
    for i in range(n):
        if box[i, 1] >= 0:
            k += 1
            hh = max(hh, box[i, 1] - box[i, 0] + 1)
            ww = max(ww, box[i, 3] - box[i, 2] + 1)
    if k < 2:
        return na()
    out = np.full((hh, ww), bg, dtype=np.uint8)
    taken = np.zeros((hh, ww), dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            i = part[r, c]
            if i < 0:
                continue
            dh = hh - (box[i, 1] - box[i, 0] + 1)
            dw = ww - (box[i, 3] - box[i, 2] + 1)
            if dh % 2 or dw % 2:
                return na()
            rr, cc = r - box[i, 0] + dh // 2, c - box[i, 2] + dw // 2
            if taken[rr, cc]:
                return na()
            taken[rr, cc] = True
            out[rr, cc] = g[r, c]
    return out


@njit(cache=True)
def _same_shape(lab, i, r0, c0, j, s0, t0, bh, bw):
    """Whether label i's cells in the (bh, bw) box at (r0, c0) are label j's in the box at (s0, t0)."""
    for r in range(bh):
        for c in range(bw):
            if (lab[r0 + r, c0 + c] == i) != (lab[s0 + r, t0 + c] == j):
                return False
    return True


@njit(cache=True)
def _walled(hl, i, pl, r0, r1, c0, c1):
    """Whether every cell next to hole i (4-neighbours, in its box grown by one) is of one object
    of `pl`: a hole in an object, not a gap between several."""
    h, w = hl.shape
    wall = -1
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if hl[r, c] != i:
                continue
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if hl[rr, cc] == i:
                    continue
                if pl[rr, cc] < 0 or (wall >= 0 and pl[rr, cc] != wall):
                    return False
                wall = pl[rr, cc]
    return True


@njit(cache=True)
def pieces_to_holes(g, p):
    """Each hole (a 4-connected region of 0 that does not reach the border, walled by one object)
    takes the piece (a one-colour object, 8-connected) of exactly its shape, unturned; where several fit, the nearest
    (distance between the boxes' corners), none on a tie. The piece leaves its place, the hole takes
    its colour. Holes are taken in reading order, each piece once. n/a when no hole is filled."""
    h, w = g.shape
    hl, nh = label((g == 0).astype(np.uint8), 0, 0)
    hb = label_boxes(hl, nh)
    pl, npc = label(g, 1, 0)
    pb = label_boxes(pl, npc)
    # the holes and pieces in one label array (pieces after holes) so shapes compare in one way
    both = np.where(hl >= 0, hl, np.where(pl >= 0, pl + nh, -1)).astype(np.int32)
    used = np.zeros(npc, dtype=np.bool_)
    out = g.copy()
    filled = False
    for i in range(nh):
        r0, r1, c0, c1 = hb[i, 0], hb[i, 1], hb[i, 2], hb[i, 3]
        if r0 == 0 or c0 == 0 or r1 == h - 1 or c1 == w - 1:
            continue  # open to the border: not a hole
        if not _walled(hl, i, pl, r0, r1, c0, c1):
            continue
        bh, bw = r1 - r0 + 1, c1 - c0 + 1
        best, best_d, tie = -1, 1 << 30, False
        for j in range(npc):
            if used[j] or pb[j, 1] - pb[j, 0] + 1 != bh or pb[j, 3] - pb[j, 2] + 1 != bw:
                continue
            if not _same_shape(both, i, r0, c0, j + nh, pb[j, 0], pb[j, 2], bh, bw):
                continue
            d = abs(pb[j, 0] - r0) + abs(pb[j, 2] - c0)
            if d < best_d:
                best, best_d, tie = j, d, False
            elif d == best_d:
                tie = True
        if best < 0 or tie:
            continue
        used[best] = True
        v = 0
        for r in range(pb[best, 0], pb[best, 1] + 1):
            for c in range(pb[best, 2], pb[best, 3] + 1):
                if pl[r, c] == best:
                    v = g[r, c]
                    out[r, c] = 0
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if hl[r, c] == i:
                    out[r, c] = v
        filled = True
    if not filled:
        return na()
    return out


def entries() -> list[Primitive]:
    return ([Primitive(f"stack_parts({s})", stack_parts, p, 3) for p, s in enumerate(("colours", "objects"))]
            + [Primitive("pieces_to_holes", pieces_to_holes, 0, 3)])
