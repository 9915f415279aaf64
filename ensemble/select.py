"""Ensemble v1: group identical grids per test input, rank by the sum of solver-weighted scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ensemble.rules import attempts_for, weighted
from solvers.candidate import Candidate
from solvers.grid import Grid


@dataclass(frozen=True, slots=True)
class Ranked:
    """One distinct grid proposed for a test input, with the evidence behind it."""

    grid: Grid
    weight: float  # sum over its candidates of solver weight x score
    count: int  # how many candidates proposed it
    solvers: tuple[str, ...]  # distinct solvers that proposed it, in first-seen order
    provenance: str  # the provenance of its best single candidate


def rank(candidates: Iterable[Candidate], weights: Mapping[str, float] | None = None) -> list[Ranked]:
    """Distinct grids, best first. Ties break on count, then on the grid bytes, so order is reproducible."""
    weights = weights or {}
    total: dict[Grid, float] = {}
    count: dict[Grid, int] = {}
    solvers: dict[Grid, dict[str, None]] = {}
    best: dict[Grid, tuple[float, str]] = {}
    for c in candidates:
        w = weights.get(c.solver, 1.0) * c.score
        total[c.grid] = total.get(c.grid, 0.0) + w
        count[c.grid] = count.get(c.grid, 0) + 1
        solvers.setdefault(c.grid, {})[c.solver] = None
        if c.grid not in best or w > best[c.grid][0]:
            best[c.grid] = (w, f"{c.solver}: {c.provenance}")
    order = sorted(total, key=lambda g: (-total[g], -count[g], g.key))
    return [Ranked(g, total[g], count[g], tuple(solvers[g]), best[g][1]) for g in order]


def two_attempts(ranked: Sequence[Ranked], fallback: Grid) -> tuple[Grid, Grid]:
    """The top two distinct grids. Missing ones are filled with the fallback, which is the stated
    default (the test input): an empty ranking gives (fallback, fallback)."""
    if not ranked:
        return fallback, fallback
    first = ranked[0].grid
    if len(ranked) > 1:
        return first, ranked[1].grid
    return first, fallback


def select(candidates: Iterable[Candidate], fallbacks: Sequence[Grid],
           weights: Mapping[str, float] | None = None) -> list[tuple[Grid, Grid]]:
    """Two attempts for each test input of one task; `fallbacks[i]` stands in where nothing was proposed."""
    # the `weighted` rule orders grids exactly as `rank` does: one grouping path for every rule
    return attempts_for(candidates, fallbacks, lambda ev: weighted(ev, weights))
