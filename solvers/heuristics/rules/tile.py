"""Tile: the output is a k x m arrangement of blocks, each a fixed dihedral transform of the input."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.geom import DIHEDRAL, Transform, integer_ratio
from solvers.heuristics.rule import Fit, Pair, Rule


def _factors(pairs: Sequence[Pair]) -> tuple[int, int] | None:
    """The block counts (k rows, m columns), the same in every pair, or None."""
    found = set()
    for i, o in pairs:
        k, m = integer_ratio(o.shape[0], i.shape[0]), integer_ratio(o.shape[1], i.shape[1])
        if k is None or m is None:
            return None
        found.add((k, m))
    return found.pop() if len(found) == 1 else None


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    km = _factors(pairs)
    if km is None or km == (1, 1):
        return  # a single block is the dihedral rule's job
    k, m = km
    layout: list[list[tuple[str, Transform]]] = []
    for a in range(k):
        row = []
        for b in range(m):
            # the first (simplest) transform that explains this block in every pair
            for name, t in DIHEDRAL:
                if all(_block_is(t(i), i, o, a, b) for i, o in pairs):
                    row.append((name, t))
                    break
            else:
                return
        layout.append(row)

    def apply(grid: np.ndarray) -> np.ndarray | None:
        h, w = grid.shape
        blocks = [[t(grid) for _, t in row] for row in layout]
        if any(x.shape != (h, w) for row in blocks for x in row):
            return None  # a transpose of a non-square test input does not fit the layout
        return np.block(blocks).astype(np.uint8)

    text = " / ".join(" ".join(name for name, _ in row) for row in layout)
    yield Fit(apply, f"{k}x{m} blocks: {text}")


def _block_is(block: np.ndarray, inp: np.ndarray, out: np.ndarray, a: int, b: int) -> bool:
    if block.shape != inp.shape:
        return False  # a transpose of a non-square input cannot be one of the blocks
    h, w = block.shape
    return bool(np.array_equal(out[a * h:(a + 1) * h, b * w:(b + 1) * w], block))


RULE = Rule("tile", fit, prior=0.9)
