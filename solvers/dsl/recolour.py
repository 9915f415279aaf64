"""A learned colour map as a free last step: the chain made the right shapes, and one colour lookup
turns every train grid into its output. Many tasks are 'move things, then recolour them'."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numba import njit


@njit(cache=True)
def pair_map(s, t):
    """(10,) int64: the colour each colour of `s` becomes in `t` (same shape), -1 for colours absent
    from `s`; None-like (all -2) when one colour becomes two. One pass, no sort: this runs on every
    state with the output shapes."""
    lut = np.full(10, -1, dtype=np.int64)
    a = s.ravel()
    b = t.ravel()
    for i in range(a.size):
        if lut[a[i]] < 0:
            lut[a[i]] = b[i]
        elif lut[a[i]] != b[i]:
            lut[:] = -2
            return lut
    return lut


def learn_map(cells: Sequence[np.ndarray], targets: Sequence[np.ndarray]) -> np.ndarray | None:
    """A (10,) uint8 lookup with lut[a] == b for every cell of every pair, or None.

    None when a colour would go two ways, when nothing changes, or when a remapped colour is seen
    in fewer than two pairs (with two or more pairs): a map that every pair does not confirm fits
    small outputs by coincidence. Colours never seen keep their colour.
    """
    lut = np.arange(10, dtype=np.uint8)
    known = np.zeros(10, dtype=bool)
    support = np.zeros(10, dtype=np.int64)
    for s, t in zip(cells, targets):
        pair = pair_map(s, t)
        if pair[0] == -2:
            return None  # one colour goes to two colours in this pair
        src = np.flatnonzero(pair >= 0)
        dst = pair[src].astype(np.uint8)
        if (known[src] & (lut[src] != dst)).any():
            return None  # ... or to different colours in two pairs
        lut[src], known[src] = dst, True
        support[src] += 1
    changed = lut != np.arange(10)
    if not changed.any():
        return None
    if len(cells) >= 2 and (support[changed] < 2).any():
        return None
    return lut


def describe_map(lut: np.ndarray) -> str:
    return "recolour_map(" + ",".join(f"{a}>{int(b)}" for a, b in enumerate(lut) if a != b) + ")"
