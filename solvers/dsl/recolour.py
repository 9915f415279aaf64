"""A learned colour map as a free last step: the chain made the right shapes, and one colour lookup
turns every train grid into its output. Many tasks are 'move things, then recolour them'."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


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
        codes = np.unique(s.ravel().astype(np.int64) * 10 + t.ravel())
        src, dst = codes // 10, (codes % 10).astype(np.uint8)
        if np.unique(src).size != src.size:
            return None  # one colour goes to two colours in this pair
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
