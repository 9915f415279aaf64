"""Pieces: when no single chain fits, overlay two (or a few) partial results that together do.

icecuber's insight: many outputs are one program's result on some cells and another's elsewhere.
We keep every state whose train grids already have the output shapes (a 'piece'), then look for a
top piece that is right wherever it is non-zero, and a bottom piece that is right wherever the top
is zero. Overlaying the top on the bottom then reproduces every train output exactly. `layers` stacks
three or four pieces the same way, for outputs that no pair makes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from solvers.deadline import Deadline

PIECE_OVERHEAD = 300  # Python and numpy overhead of a Piece and its program tuple, beyond the arrays
GRID_OVERHEAD = 112  # the same per stored grid, here and in the search's memory meter
MASK_ROWS = 2048  # pieces compared with the target at a time: bounds the unpacked temporaries


@dataclass(frozen=True, slots=True)
class Piece:
    cost: int
    program: tuple[str, ...]
    train: np.ndarray  # (L,) uint8: the train grids flattened and concatenated
    tests: tuple[np.ndarray, ...]


@dataclass
class PiecePool:
    """States whose train grids have the output shapes, cheapest first (they arrive in cost order).

    Bounded by count and by bytes, whichever is reached first: a long search offers hundreds of
    thousands of pieces, and the ones past the cap are dropped (the cheap ones are the likelier)."""

    cap: int = 40000
    cap_bytes: int = 512 * 1024**2
    pieces: list[Piece] = field(default_factory=list)
    bytes: int = 0

    def offer(self, cost: int, program: tuple[str, ...], grids: Sequence[np.ndarray], n_train: int) -> None:
        if len(self.pieces) < self.cap and self.bytes < self.cap_bytes:
            train = np.concatenate([g.ravel() for g in grids[:n_train]])
            self.pieces.append(Piece(cost, program, train, tuple(grids[n_train:])))
            self.bytes += PIECE_OVERHEAD + train.nbytes + sum(g.nbytes + GRID_OVERHEAD for g in grids[n_train:])


@dataclass(frozen=True, slots=True)
class Overlay:
    cost: int
    program: tuple[str, ...]
    tests: tuple[np.ndarray, ...]


@dataclass(frozen=True, slots=True)
class PieceMasks:
    """The pool's cells against the target as bit-packed masks, (N, ceil(L / 8)) uint8 each: one
    step of a search over them reads N * L / 8 bytes, not N * L (a pool of 40,000 pieces of ten 30x30
    train grids is 360 MB a mask unpacked)."""

    shows: np.ndarray  # the piece is non-zero
    wrong: np.ndarray  # the piece is non-zero and not the target's colour
    miss: np.ndarray  # the piece has not the target's colour (zero included)
    valid: np.ndarray  # (B,) the L real cells; packing pads the last byte with zeros
    target: np.ndarray  # (B,) the target is non-zero

    @classmethod
    def of(cls, pieces: Sequence[Piece], target: np.ndarray) -> PieceMasks:
        """The masks of `pieces` against `target`, unpacked MASK_ROWS pieces at a time: all at once,
        a pool of 40,000 pieces of ten 30x30 train grids would take 360 MB a temporary."""
        shows, wrong, miss = [], [], []
        for i in range(0, len(pieces), MASK_ROWS):
            cells = np.stack([p.train for p in pieces[i:i + MASK_ROWS]])  # (n, L) uint8
            nonzero = cells != 0
            same = cells == target[None, :]
            shows.append(np.packbits(nonzero, axis=1))
            wrong.append(np.packbits(nonzero & ~same, axis=1))
            miss.append(np.packbits(~same, axis=1))
        return cls(np.concatenate(shows), np.concatenate(wrong), np.concatenate(miss),
                   np.packbits(np.ones(target.size, dtype=bool)), np.packbits(target != 0))


def _none_on(masks: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """(N,) bool: which rows of packed `masks` have no bit set among the packed `cells`."""
    return ~(masks & cells[None, :]).any(axis=1)


def _count_on(masks: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """(N,) int: how many bits of each row of packed `masks` are set among the packed `cells`."""
    return np.bitwise_count(masks & cells[None, :]).sum(axis=1, dtype=np.int64)  # numpy >= 2.0


def combinations(pool: PiecePool, target: np.ndarray, deadline: Deadline) -> Iterator[Overlay]:
    """Every combination of pieces that reproduces `target` (the flattened train outputs): overlays
    of two, choices by mask, then stacks of three or four. The masks are computed once for all."""
    if len(pool.pieces) < 2:
        return
    m = PieceMasks.of(pool.pieces, target)
    yield from overlays(pool, m, deadline)
    yield from masked(pool, m, deadline)
    yield from layers(pool, m, deadline)


def overlays(pool: PiecePool, m: PieceMasks, deadline: Deadline, max_tops: int = 64) -> Iterator[Overlay]:
    """Overlays `top where top != 0, else bottom` that reproduce the target, cheapest total cost
    first within each top; tops are tried cheapest first."""
    costs = np.array([p.cost for p in pool.pieces])
    # a top must be right on all its non-zero cells, cover something, and not be the answer alone
    tops = np.flatnonzero(~m.wrong.any(axis=1) & m.shows.any(axis=1) & ~_none_on(m.miss, m.valid))
    for t in tops[:max_tops]:
        if deadline.expired():
            return
        holes = ~m.shows[t] & m.valid
        fits = np.flatnonzero(_none_on(m.miss, holes))  # right wherever the top shows nothing
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


def masked(pool: PiecePool, m: PieceMasks, deadline: Deadline, max_masks: int = 128) -> Iterator[Overlay]:
    """Choices by mask, `colours where mask != 0, else 0` (or where mask == 0): one piece says which
    cells are coloured, another which colour they take, as icecuber's pieces also do. A shape kept
    and painted from elsewhere (a pattern coloured by an upscaled key, say) is neither piece alone,
    and no overlay either: the mask's own colours are wrong wherever it shows."""
    costs = np.array([p.cost for p in pool.pieces])
    # a colour piece is right on every cell the target colours (a mask keeps them all), is not the
    # answer alone (the chains have it) and colours something: few pieces are, so each mask's
    # search below reads only their rows
    paints = np.flatnonzero(_none_on(m.miss, m.target) & ~_none_on(m.miss, m.valid) & m.shows.any(axis=1))
    if paints.size == 0:
        return
    miss = m.miss[paints]
    shown = m.shows & m.valid[None, :]  # (N, B): each piece's non-zero cells
    blank = ~m.shows & m.valid[None, :]  # and its zero cells
    for invert, chosen, dropped in ((False, shown, blank), (True, blank, shown)):  # the cells a mask keeps, drops
        # a mask keeps every cell the target colours and drops some; the cheapest first (pool order)
        for k in np.flatnonzero(_none_on(dropped, m.target) & dropped.any(axis=1))[:max_masks]:
            if deadline.expired():
                return
            # the colours must be right on every kept cell, the target's zeros there included
            fits = paints[_none_on(miss, chosen[k])]
            fits = fits[fits != k]
            mask = pool.pieces[int(k)]
            for c in fits[np.argsort(costs[fits], kind="stable")][:4]:
                paint = pool.pieces[int(c)]
                if all(x.shape == y.shape for x, y in zip(mask.tests, paint.tests)):
                    break
            else:
                continue
            tests = tuple(np.ascontiguousarray(np.where((x == 0) if invert else (x != 0), y, 0))
                          for x, y in zip(mask.tests, paint.tests))
            program = (f"mask_{'zero' if invert else 'nonzero'}(mask, colours)", *(f"mask: {n}" for n in mask.program),
                       *(f"colours: {n}" for n in paint.program))
            yield Overlay(mask.cost + paint.cost + 1, program, tests)


def layers(pool: PiecePool, m: PieceMasks, deadline: Deadline, max_layers: int = 4,
           max_starts: int = 8) -> Iterator[Overlay]:
    """Stacks of three or more pieces: each layer shows where it is non-zero and the cells no layer
    above it showed, and the stack reproduces the target. Built greedily: a layer may be wrong only on
    cells that a layer above it already decided, and each adds the most newly decided cells (the
    cheaper on ties); the stack ends when the undecided cells are all zero in the target, or when one
    piece equals the target on all of them, zeros included (the bottom). One stack per choice of top
    layer among the `max_starts` that decide the most cells. Two-piece stacks are `overlays`' job."""
    if len(pool.pieces) < 3 or max_layers < 3:
        return
    costs = np.array([p.cost for p in pool.pieces])
    shows = _count_on(m.shows, m.valid)
    n_cells = int(np.bitwise_count(m.valid).sum(dtype=np.int64))
    tops = np.flatnonzero(~m.wrong.any(axis=1) & (shows > 0) & (shows < n_cells))
    tops = tops[np.lexsort((costs[tops], -shows[tops]))][:max_starts]
    for t in tops:
        stack = [int(t)]
        open_ = ~m.shows[t] & m.valid  # (B,) packed: the cells no layer has decided yet
        while len(stack) < max_layers and (open_ & m.target).any() and not deadline.expired():
            # a piece right on every undecided cell (its zeros included) ends the stack as its bottom
            ends = _none_on(m.miss, open_)
            if ends.any():
                stack.append(int(np.flatnonzero(ends)[np.argmin(costs[ends])]))
                open_ = np.zeros_like(open_)
                break
            if len(stack) == max_layers - 1:
                break  # no room left for a layer that does not end the stack
            gain = np.where(_none_on(m.wrong, open_), _count_on(m.shows, open_), 0)
            if gain.max() == 0:
                break
            best = np.flatnonzero(gain == gain.max())
            k = int(best[np.argmin(costs[best])])
            stack.append(k)
            open_ &= ~m.shows[k]
        if len(stack) < 3 or (open_ & m.target).any():
            continue
        pieces = [pool.pieces[k] for k in stack]
        if any(x.shape != y.shape for p in pieces[1:] for x, y in zip(p.tests, pieces[0].tests)):
            continue
        tests = []
        for i in range(len(pieces[0].tests)):
            out = np.zeros_like(pieces[0].tests[i])
            for p in reversed(pieces):  # bottom first, each layer drawn over the ones below
                out = np.where(p.tests[i] != 0, p.tests[i], out)
            tests.append(np.ascontiguousarray(out))
        program = (f"layers({len(pieces)})",
                   *(f"layer {j + 1}: {n}" for j, p in enumerate(pieces) for n in p.program))
        yield Overlay(sum(p.cost for p in pieces) + len(pieces) - 1, program, tuple(tests))
