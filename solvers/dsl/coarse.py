"""The coarse task: where every grid is a lattice of one-colour parts set apart by separator lines,
and each output keeps its input's lattice, the task is solved on the grids of part colours and the
answers are painted back onto the test inputs' lattices.

A rule about the parts (the part beside a red part turns green, the corner parts take the colours
of their neighbours) is then a rule about the cells of a small grid, which the table and the learned
steps already know. The reduction is exact: every part is one colour, so painting the coarse grid
back onto its lattice gives the grid again (`expand(reduce(g)) == g`), the way colour normalisation
comes with its inverse. The split is solvers.dsl.prims_extract's (separators: full lines of one
colour; the parts: what lies between them), and it must lay the parts out as rows times columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from solvers.dsl.prims_extract import _split

MIN_PARTS = 4  # fewer parts make a coarse grid that says little a rule could not say on the grid


@dataclass(frozen=True, slots=True)
class Lattice:
    """Parts of a grid: (k, 4) int64 rows of r0, r1, c0, c1 (half-open), row-major, ny x nx of them."""

    parts: np.ndarray
    ny: int
    nx: int


def lattice(g: np.ndarray) -> Lattice | None:
    """g's parts, or None when g does not split into at least MIN_PARTS parts in rows and columns,
    each of one colour."""
    cells, k = _split(np.ascontiguousarray(g, dtype=np.uint8))
    if k < MIN_PARTS:
        return None
    parts = cells[:k].copy()
    nx = int((parts[:, 0] == parts[0, 0]).sum())
    ny = k // nx
    if ny * nx != k:
        return None
    if not all(_uniform(g, p) for p in parts):
        return None
    return Lattice(parts, ny, nx)


def _uniform(g: np.ndarray, part: np.ndarray) -> bool:
    r0, r1, c0, c1 = part
    block = g[r0:r1, c0:c1]
    return block.size > 0 and bool((block == block.flat[0]).all())


def reduce(g: np.ndarray, lat: Lattice) -> np.ndarray:
    """(ny, nx) uint8: the colour of each part."""
    return np.array([g[r0, c0] for r0, _, c0, _ in lat.parts], dtype=np.uint8).reshape(lat.ny, lat.nx)


def expand(coarse: np.ndarray, g: np.ndarray, lat: Lattice) -> np.ndarray:
    """g with each part painted the colour of its cell of `coarse` (separators as in g)."""
    out = g.copy()
    for (r0, r1, c0, c1), v in zip(lat.parts, coarse.ravel()):
        out[r0:r1, c0:c1] = v
    return out


@dataclass(frozen=True, slots=True)
class CoarseTask:
    """The task's grids reduced to part colours, and the test inputs' lattices to paint answers back."""

    inputs: tuple[np.ndarray, ...]
    outputs: tuple[np.ndarray, ...]
    tests: tuple[np.ndarray, ...]
    test_lattices: tuple[Lattice, ...]


def coarse_task(ins: Sequence[np.ndarray], outs: Sequence[np.ndarray],
                tests: Sequence[np.ndarray]) -> CoarseTask | None:
    """The coarse task, or None unless every grid is a lattice and each output is its input with only
    the parts' colours changed (same shape, same separators, each part one colour) and some changed."""
    lats = [lattice(g) for g in (*ins, *tests)]
    if any(lat is None for lat in lats):
        return None
    coarse_outs = []
    for g, o, lat in zip(ins, outs, lats):
        if o.shape != g.shape or not all(_uniform(o, p) for p in lat.parts):
            return None
        coarse = reduce(o, lat)
        if not np.array_equal(expand(coarse, g, lat), o):  # a separator changed
            return None
        coarse_outs.append(coarse)
    coarse_ins = [reduce(g, lat) for g, lat in zip(ins, lats)]
    if all(np.array_equal(a, b) for a, b in zip(coarse_ins, coarse_outs)):
        return None
    n = len(ins)
    return CoarseTask(tuple(coarse_ins), tuple(coarse_outs),
                      tuple(reduce(g, lat) for g, lat in zip(tests, lats[n:])), tuple(lats[n:]))
