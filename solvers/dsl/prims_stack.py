"""Stack primitives: parts of a grid cut out and drawn on one centre.

Designed from c8cbb738 (four-cell shapes, one per colour, scattered over a background: the output is
all of them drawn on one centre).
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


def entries() -> list[Primitive]:
    return [Primitive(f"stack_parts({s})", stack_parts, p, 3) for p, s in enumerate(("colours", "objects"))]
