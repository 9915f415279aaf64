"""Augmentations as data with an exact inverse: dihedral transforms, colour permutations, and
example-order shuffles. A model trained on augmented pairs sees the same rule in many guises; its
predictions under several augmentations are inverted and voted on."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

T = TypeVar("T")
IDENTITY_COLOURS = tuple(range(10))


def dihedral(a: np.ndarray, k: int) -> np.ndarray:
    """The k-th of the 8 symmetries of the square: k % 4 quarter turns, then a transpose if k >= 4."""
    out = np.rot90(a, k % 4)
    return np.ascontiguousarray(out.T if k >= 4 else out)


def dihedral_inverse(k: int) -> int:
    """The index j with dihedral(dihedral(a, k), j) == a."""
    return (4 - k) % 4 if k < 4 else k  # a transpose after a turn is a reflection: its own inverse


@dataclass(frozen=True, slots=True)
class Augment:
    """A dihedral transform then a colour permutation (`colours[c]` replaces colour c)."""

    k: int = 0
    colours: tuple[int, ...] = IDENTITY_COLOURS

    def apply(self, a: np.ndarray) -> np.ndarray:
        lut = np.asarray(self.colours, dtype=np.uint8)
        return lut[dihedral(a, self.k)]

    def invert(self, a: np.ndarray) -> np.ndarray:
        back = np.argsort(np.asarray(self.colours)).astype(np.uint8)
        return dihedral(back[a], dihedral_inverse(self.k))

    def shape(self, shape: tuple[int, int]) -> tuple[int, int]:
        """The shape a grid of `shape` has after this augmentation."""
        h, w = shape
        return (w, h) if self.k in (1, 3, 4, 6) else (h, w)

    def is_identity(self) -> bool:
        return self.k == 0 and self.colours == IDENTITY_COLOURS


def random_colours(rng: random.Random, keep_background: bool = True) -> tuple[int, ...]:
    """A random permutation of the 10 colours; colour 0 stays 0 when `keep_background`, since black
    is the background in most tasks and its role is not symmetric with the others."""
    rest = list(range(1, 10) if keep_background else range(10))
    rng.shuffle(rest)
    return tuple([0] + rest) if keep_background else tuple(rest)


def random_augment(rng: random.Random, keep_background: bool = True) -> Augment:
    return Augment(rng.randrange(8), random_colours(rng, keep_background))


def voting_augments(n: int, rng: random.Random, keep_background: bool = True) -> list[Augment]:
    """n augmentations for prediction: the identity first, then every dihedral transform once
    (with random colours after the first pass through the 8), so small n still covers geometry."""
    out = [Augment()]
    while len(out) < n:
        k = len(out) % 8
        out.append(Augment(k, random_colours(rng, keep_background) if len(out) >= 8 else IDENTITY_COLOURS))
    return out[:n]


def shuffle(items: Sequence[T], rng: random.Random) -> tuple[list[T], list[int]]:
    """Items in a random order, and the order used: `unshuffle(shuffled, order)` restores them."""
    order = list(range(len(items)))
    rng.shuffle(order)
    return [items[i] for i in order], order


def unshuffle(items: Sequence[T], order: Sequence[int]) -> list[T]:
    out: list[T | None] = [None] * len(items)
    for pos, i in enumerate(order):
        out[i] = items[pos]
    return out  # type: ignore[return-value]
