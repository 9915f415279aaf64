"""Small helpers shared by the newer kernel families (numba, typed, no Python objects)."""

from __future__ import annotations

import numpy as np
from numba import njit

# A colour the input rarely has once colours are renumbered by frequency (9 is the rarest): kernels
# that paint a new colour paint this one, and the search's free learned colour map renames it.
FRESH = 9


@njit(cache=True)
def na():
    return np.zeros((0, 0), dtype=np.uint8)


@njit(cache=True)
def colour_counts(g):
    cnt = np.zeros(10, dtype=np.int64)
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            cnt[g[r, c]] += 1
    return cnt
