"""Pieces: when no single chain fits, overlay two partial results that together do.

icecuber's insight: many outputs are one program's result on some cells and another's elsewhere.
We keep every state whose train grids already have the output shapes (a 'piece'), then look for a
top piece that is right wherever it is non-zero, and a bottom piece that is right wherever the top
is zero. Overlaying the top on the bottom then reproduces every train output exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from solvers.deadline import Deadline


@dataclass(frozen=True, slots=True)
class Piece:
    cost: int
    program: tuple[str, ...]
    train: np.ndarray  # (L,) uint8: the train grids flattened and concatenated
    tests: tuple[np.ndarray, ...]


@dataclass
class PiecePool:
    """States whose train grids have the output shapes, cheapest first (they arrive in cost order)."""

    cap: int = 4000
    pieces: list[Piece] = field(default_factory=list)

    def offer(self, cost: int, program: tuple[str, ...], grids: Sequence[np.ndarray], n_train: int) -> None:
        if len(self.pieces) < self.cap:
            train = np.concatenate([g.ravel() for g in grids[:n_train]])
            self.pieces.append(Piece(cost, program, train, tuple(grids[n_train:])))


@dataclass(frozen=True, slots=True)
class Overlay:
    cost: int
    program: tuple[str, ...]
    tests: tuple[np.ndarray, ...]


def overlays(pool: PiecePool, target: np.ndarray, deadline: Deadline, max_tops: int = 64) -> Iterator[Overlay]:
    """Overlays `top where top != 0, else bottom` that reproduce `target` (the flattened train
    outputs), cheapest total cost first within each top; tops are tried cheapest first."""
    if len(pool.pieces) < 2:
        return
    cells = np.stack([p.train for p in pool.pieces])  # (N, L)
    nonzero = cells != 0
    correct = cells == target[None, :]
    costs = np.array([p.cost for p in pool.pieces])
    # a top must be right on all its non-zero cells, cover something, and not be the answer alone
    tops = np.flatnonzero((correct | ~nonzero).all(axis=1) & nonzero.any(axis=1) & ~correct.all(axis=1))
    for t in tops[:max_tops]:
        if deadline.expired():
            return
        holes = ~nonzero[t]
        fits = np.flatnonzero((correct | ~holes[None, :]).all(axis=1))
        fits = fits[fits != t]
        if fits.size == 0:
            continue
        b = int(fits[np.argmin(costs[fits])])
        top, bottom = pool.pieces[t], pool.pieces[b]
        if any(x.shape != y.shape for x, y in zip(top.tests, bottom.tests)):
            continue
        tests = tuple(np.ascontiguousarray(np.where(x != 0, x, y)) for x, y in zip(top.tests, bottom.tests))
        program = ("overlay_nonzero(top, bottom)", *(f"top: {n}" for n in top.program),
                   *(f"bottom: {n}" for n in bottom.program))
        yield Overlay(top.cost + bottom.cost + 1, program, tests)
