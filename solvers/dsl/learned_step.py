"""What a learned last step gives the search: its text, its cost and its answers for the test grids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Learned:
    name: str  # the step as program text, e.g. "cell_rule(rays4)"
    cost: int
    tests: tuple[np.ndarray, ...]


def answers_key(tests: Sequence[np.ndarray]) -> bytes:
    """One key for a set of test answers, shapes included, to tell distinct answers apart."""
    return b"".join(bytes(t.shape) + t.tobytes() for t in tests)


def commonest_colour(grids: Sequence[np.ndarray]) -> int:
    """The colour with the most cells over all of `grids` (ties to the lower colour)."""
    return int(np.bincount(np.concatenate([g.ravel() for g in grids]), minlength=10).argmax())


def label_colours(lab: np.ndarray, n: int, o: np.ndarray) -> np.ndarray | None:
    """(n,) int64: the one colour that `o` has on the cells of each label 0..n-1 of `lab` (-1 off
    the labels); None when a label's cells show two colours."""
    idx = lab.ravel()
    colours = o.ravel().astype(np.int64)[idx >= 0]
    idx = idx[idx >= 0]
    lo = np.full(n, 99, dtype=np.int64)
    hi = np.full(n, -1, dtype=np.int64)
    np.minimum.at(lo, idx, colours)
    np.maximum.at(hi, idx, colours)
    return None if (lo != hi).any() else lo
