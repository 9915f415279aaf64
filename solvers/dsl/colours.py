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


def per_grid_maps(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray],
                  tests: Sequence[np.ndarray]) -> list[ColourMap] | None:
    """One map per input grid (train inputs, then test inputs), each by that grid's own frequencies;
    a train output takes its input's map. Colours that no input has but some output does ("new"
    colours, such as a fixed marking colour) take the top numbers, 9 down, the same in every map.
    None where every map is the same (the task's map says it all) or some output has a colour that
    its own input lacks and is not new (it would be numbered differently from pair to pair).

    Why: in many tasks each pair has its own palette (the background is blue in one, grey in the
    next), so no one numbering makes the pairs alike; numbering each grid by its own frequencies does.
    """
    seen = np.unique(np.concatenate([g.ravel() for g in (*inputs, *tests)]))
    new = np.setdiff1d(np.unique(np.concatenate([o.ravel() for o in outputs])), seen)
    if any(np.setdiff1d(np.setdiff1d(o, i), new).size for i, o in zip(inputs, outputs)):
        return None
    maps = [_own_order(g, new) for g in (*inputs, *tests)]
    if all((m.forward == maps[0].forward).all() for m in maps):
        return None
    return maps


def _own_order(g: np.ndarray, new: np.ndarray) -> ColourMap:
    """g's colours by falling frequency (ties to the lower colour), then the colours it lacks, with
    the `new` ones last in reverse (the lowest new colour becomes 9).

    Ties look at the input alone, not at the train output as normalising_map does: a test input has
    no output, so an output tie-break would number train and test grids by different rules."""
    counts = np.bincount(g.ravel(), minlength=10)
    rest = [c for c in range(10) if counts[c] == 0 and c not in new]
    order = sorted(np.flatnonzero(counts).tolist(), key=lambda c: (-counts[c], c)) + rest
    return ColourMap.from_order(order + [int(c) for c in new[::-1]])
