"""Colour map: every output cell is a fixed function of the input cell's colour (same shape)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.rule import Fit, Pair, Rule


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    table = np.arange(10, dtype=np.uint8)
    known = np.zeros(10, dtype=bool)
    for i, o in pairs:
        if i.shape != o.shape:
            return
        for c in np.unique(i):
            outs = np.unique(o[i == c])
            if outs.size != 1 or (known[c] and table[c] != outs[0]):
                return  # a colour that goes to two colours is not a map
            table[c], known[c] = outs[0], True
    if all(np.array_equal(i, o) for i, o in pairs):
        return  # identity: nothing learned, leave it to the fallback
    # colours never seen in training keep their colour: the least surprising guess
    changed = {int(c): int(table[c]) for c in range(10) if known[c] and table[c] != c}
    yield Fit(lambda g: table[g], f"map {changed}")


RULE = Rule("colour_map", fit, prior=0.9)
