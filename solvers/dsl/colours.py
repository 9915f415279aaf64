"""Colour normalisation with an exact inverse: the search sees colours renumbered by frequency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class ColourMap:
    """A permutation of the 10 colours. `forward[c]` is c's new number; `inverse` undoes it."""

    forward: np.ndarray  # (10,) uint8, a permutation of 0..9
    inverse: np.ndarray  # (10,) uint8, forward[inverse[c]] == c

    @classmethod
    def from_order(cls, order: Sequence[int]) -> ColourMap:
        """`order[k]` is the colour that becomes k."""
        inverse = np.array(order, dtype=np.uint8)
        if sorted(inverse.tolist()) != list(range(10)):
            raise ValueError(f"not a permutation of 0..9: {list(order)}")
        forward = np.empty(10, dtype=np.uint8)
        forward[inverse] = np.arange(10, dtype=np.uint8)
        return cls(forward, inverse)

    @classmethod
    def identity(cls) -> ColourMap:
        return cls.from_order(range(10))

    def apply(self, g: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(self.forward[g])

    def invert(self, g: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(self.inverse[g])

    def is_identity(self) -> bool:
        return bool((self.forward == np.arange(10)).all())


def normalising_map(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray]) -> ColourMap:
    """Renumber colours so that 0 is the inputs' commonest colour (the usual background), then the
    other input colours by falling frequency, then colours seen only in outputs, then the rest.

    Why: colour-parameterised primitives then mean 'the second commonest colour' rather than 'red',
    so one parameter value serves tasks that differ only in palette. Ties keep the lower colour.
    """
    counts_in = np.zeros(10, dtype=np.int64)
    for g in inputs:
        counts_in += np.bincount(g.ravel(), minlength=10)
    counts_out = np.zeros(10, dtype=np.int64)
    for g in outputs:
        counts_out += np.bincount(g.ravel(), minlength=10)
    order = sorted(range(10), key=lambda c: (counts_in[c] == 0, -counts_in[c], -counts_out[c], c))
    return ColourMap.from_order(order)
