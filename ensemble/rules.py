"""Scoring rules: small pure functions from the candidates for one test input to a ranking.

Every rule sees the same evidence (each distinct grid with the candidates that proposed it) and gives
each grid a value; the ranking sorts by value, then by how many candidates agree, then by the grid's
bytes, so it is reproducible. They are kept in one registry so `arcforge eval` can compare them side
by side on the same candidates, without re-running any solver.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from solvers.candidate import Candidate
from solvers.grid import Grid

SHIPPED_CALIBRATION = Path(__file__).with_name("calibration.json")
_COST = re.compile(r"program cost (\d+)")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One distinct grid and what speaks for it."""

    grid: Grid
    candidates: tuple[Candidate, ...]
    ranks: tuple[int, ...]  # each candidate's rank (1 = best) among its own solver's for this test

    @property
    def solvers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.solver for c in self.candidates))


def gather(candidates: Iterable[Candidate]) -> list[Evidence]:
    """Group candidates by grid (first-seen order) and note each one's rank inside its solver."""
    cands = list(candidates)
    by_solver: dict[str, list[int]] = {}
    for k, c in enumerate(cands):
        by_solver.setdefault(c.solver, []).append(k)
    rank_of = [0] * len(cands)
    for ks in by_solver.values():
        for r, k in enumerate(sorted(ks, key=lambda k: -cands[k].score), 1):
            rank_of[k] = r
    groups: dict[Grid, list[int]] = {}
    for k, c in enumerate(cands):
        groups.setdefault(c.grid, []).append(k)
    return [Evidence(g, tuple(cands[k] for k in ks), tuple(rank_of[k] for k in ks)) for g, ks in groups.items()]


# A rule: evidence for every grid of one test input -> one value per grid (higher is better).
Rule = Callable[[Sequence[Evidence]], list[float]]


def vote(ev: Sequence[Evidence]) -> list[float]:
    """How many candidates proposed the grid (ties go to count, then bytes)."""
    return [float(len(e.candidates)) for e in ev]


def weighted(ev: Sequence[Evidence], weights: Mapping[str, float] | None = None) -> list[float]:
    """Sum over candidates of solver weight x score: agreement and confidence both count."""
    w = weights or {}
    return [sum(w.get(c.solver, 1.0) * c.score for c in e.candidates) for e in ev]


def max_score(ev: Sequence[Evidence]) -> list[float]:
    """The single most confident candidate decides; agreement only breaks ties."""
    return [max(c.score for c in e.candidates) for e in ev]


def logsumexp(ev: Sequence[Evidence], temperature: float = 0.25) -> list[float]:
    """T * log sum exp(log(score) / T), the log of the scores' p-norm with p = 1/T: between the log of
    their sum (T=1) and of their max (T->0), so many weak votes (a neural net's augmentations) add
    up, but do not outweigh one confident verified program."""
    out = []
    for e in ev:
        logs = [math.log(max(c.score, 1e-12)) / temperature for c in e.candidates]
        m = max(logs)
        out.append(temperature * (m + math.log(sum(math.exp(x - m) for x in logs))))
    return out


@dataclass(frozen=True, slots=True)
class Calibration:
    """A logistic model P(grid is right | features), fitted by `arcforge calibrate`."""

    solvers: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    record: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    @staticmethod
    def feature_names(solvers: Sequence[str]) -> list[str]:
        return [f"score_{s}" for s in solvers] + ["train_fit", "n_solvers", "log_count", "inv_rank", "short_program"]

    def to_json(self) -> dict:
        return {"solvers": list(self.solvers), "features": self.feature_names(self.solvers),
                "weights": list(self.weights), "bias": self.bias, **dict(self.record)}

    @classmethod
    def from_json(cls, d: Mapping) -> Calibration:
        solvers = tuple(d["solvers"])
        rec = {k: v for k, v in d.items() if k not in ("solvers", "features", "weights", "bias")}
        return cls(solvers, tuple(float(x) for x in d["weights"]), float(d["bias"]), MappingProxyType(rec))


def features(e: Evidence, solvers: Sequence[str]) -> list[float]:
    """What the calibration looks at: each solver's best score for the grid, the best train fit,
    how many solvers agree, how many candidates, how high it ranked inside its solver, and how short
    the shortest program behind it is (MDL: exp(-cost / 4), 0 when no program)."""
    best = {s: 0.0 for s in solvers}
    for c in e.candidates:
        if c.solver in best:
            best[c.solver] = max(best[c.solver], c.score)
    costs = [int(m.group(1)) for c in e.candidates if (m := _COST.search(c.provenance))]
    return [best[s] for s in solvers] + [
        max(c.train_fit for c in e.candidates),
        float(len(e.solvers)),
        math.log1p(len(e.candidates)),
        1.0 / min(e.ranks),
        math.exp(-min(costs) / 4) if costs else 0.0,
    ]


def calibrated(ev: Sequence[Evidence], calibration: Calibration) -> list[float]:
    """P(right) from the fitted logistic model."""
    out = []
    for e in ev:
        z = calibration.bias + sum(w * x for w, x in zip(calibration.weights, features(e, calibration.solvers)))
        out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
    return out


def load_calibration(path: str | Path | None = SHIPPED_CALIBRATION) -> Calibration | None:
    if path is None or not Path(path).is_file():
        return None
    return Calibration.from_json(json.loads(Path(path).read_text()))


def registry(calibration: Calibration | None = None,
             weights: Mapping[str, float] | None = None) -> MappingProxyType[str, Rule]:
    """Every rule by name; `calibrated` only when a calibration is given (or shipped)."""
    rules: dict[str, Rule] = {
        "vote": vote,
        "weighted": lambda ev: weighted(ev, weights),
        "max_score": max_score,
        "logsumexp": logsumexp,
    }
    if calibration is not None:
        rules["calibrated"] = lambda ev: calibrated(ev, calibration)
    return MappingProxyType(rules)


def ranking(candidates: Iterable[Candidate], rule: Rule) -> list[Grid]:
    """Distinct grids, best first under `rule`."""
    ev = gather(candidates)
    values = rule(ev)
    order = sorted(range(len(ev)), key=lambda k: (-values[k], -len(ev[k].candidates), ev[k].grid.key))
    return [ev[k].grid for k in order]


def top_two(candidates: Iterable[Candidate], rule: Rule, fallback: Grid) -> tuple[Grid, Grid]:
    """A rule's two attempts; the fallback (the test input) fills what is missing."""
    grids = ranking(candidates, rule)
    return (grids[0] if grids else fallback), (grids[1] if len(grids) > 1 else fallback)


def attempts_for(candidates: Iterable[Candidate], fallbacks: Sequence[Grid], rule: Rule) -> list[tuple[Grid, Grid]]:
    """Two attempts for each test input of one task under `rule`; `fallbacks[i]` fills what is missing.
    Candidates for a test index the task does not have are ignored."""
    by_test: list[list[Candidate]] = [[] for _ in fallbacks]
    for c in candidates:
        if 0 <= c.test_index < len(by_test):
            by_test[c.test_index].append(c)
    return [top_two(cs, rule, fb) for cs, fb in zip(by_test, fallbacks)]
