"""The boundary between a worker process and the budget manager.

A worker sends what its solver yielded as plain data, without judging it; the manager validates every
field here, so a buggy or hostile solver can cost only its own candidates, never the submission.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers.candidate import Candidate
from solvers.grid import Grid, GridError

# Candidates kept per solver and test input: enough for any ensemble rule, bounded so one generous
# solver cannot flood the manager, the journal or the run directory.
MAX_CANDIDATES_PER_TEST = 64
MAX_PROVENANCE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class JobResult:
    """What came back from one solver on one task, already checked."""

    task_id: str
    solver: str
    candidates: tuple[Candidate, ...]
    seconds: float
    errors: tuple[str, ...] = ()
    peak_rss_mb: float = 0.0
    stats: tuple[tuple[str, float], ...] = ()  # numeric fields of the solver's `last_stats`


def to_wire(item: Any) -> dict[str, Any]:
    """Whatever a solver yielded, as picklable plain data; nothing is checked or dropped here."""
    grid = getattr(item, "grid", None)
    if isinstance(grid, Grid):
        grid = grid.tolist()
    elif isinstance(grid, np.ndarray):
        grid = grid.tolist()
    out = {k: getattr(item, k, None) for k in ("task_id", "test_index", "score", "solver", "provenance", "train_fit")}
    out["grid"] = grid
    return {k: (v if isinstance(v, (str, int, float, list, type(None))) else repr(v)) for k, v in out.items()}


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} {value!r} is not a finite number")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{what} {value} outside [0, 1]")
    return float(value)


def from_wire(data: Any, task_id: str, n_test: int, solver: str) -> Candidate:
    """A checked Candidate for `task_id`, renamed to the solver name it was run under; ValueError
    (with the reason) for anything that would not be a valid answer."""
    if not isinstance(data, dict):
        raise ValueError(f"not a candidate: {type(data).__name__}")
    if data.get("task_id") != task_id:
        raise ValueError(f"candidate for task {data.get('task_id')!r}, not this task")
    index = data.get("test_index")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n_test:
        raise ValueError(f"test index {index!r} is not one of this task's {n_test}")
    try:
        grid = Grid.from_rows(data.get("grid"))
    except GridError as e:
        raise ValueError(f"grid: {e}") from None
    fit = data.get("train_fit")
    provenance = data.get("provenance")
    return Candidate(task_id, index, grid, _number(data.get("score"), "score"), solver,
                     str(provenance or "")[:MAX_PROVENANCE_CHARS],
                     0.0 if fit is None else _number(fit, "train_fit"))


def check_candidates(raw: list[Any], task_id: str, n_test: int, solver: str) -> tuple[list[Candidate], list[str]]:
    """The valid candidates (at most MAX_CANDIDATES_PER_TEST per test input, in the order yielded)
    and one message per rejected one."""
    kept: list[Candidate] = []
    per_test: dict[int, int] = {}
    problems: list[str] = []
    for k, data in enumerate(raw):
        try:
            c = from_wire(data, task_id, n_test, solver)
        except ValueError as e:
            problems.append(f"{solver}: candidate {k} rejected: {e}")
            continue
        if per_test.get(c.test_index, 0) < MAX_CANDIDATES_PER_TEST:
            per_test[c.test_index] = per_test.get(c.test_index, 0) + 1
            kept.append(c)
    return kept, problems


@dataclass(frozen=True, slots=True)
class TaskResult:
    """Everything one task has so far: candidates from every solver, seconds, failures, numbers."""

    task_id: str
    candidates: tuple[Candidate, ...]
    solver_seconds: dict[str, float] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    peak_rss_mb: float = 0.0  # the largest worker peak memory seen while this task ran
    solver_stats: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, job: JobResult) -> TaskResult:
        """This result with one more job's output: seconds and stats add up over a task's passes."""
        secs = dict(self.solver_seconds)
        secs[job.solver] = secs.get(job.solver, 0.0) + job.seconds
        stats = {k: dict(v) for k, v in self.solver_stats.items()}
        if job.stats:
            mine = stats.setdefault(job.solver, {})
            for k, v in job.stats:
                # counts add up over passes; a depth reached does not
                mine[k] = max(mine.get(k, 0.0), v) if "depth" in k else mine.get(k, 0.0) + v
        return TaskResult(self.task_id, self.candidates + job.candidates, secs, self.errors + job.errors,
                          max(self.peak_rss_mb, job.peak_rss_mb), stats)

    def fully_fitted(self, n_test: int) -> bool:
        """Whether every test input has a candidate whose method reproduces every train pair."""
        return all(any(c.test_index == i and c.train_fit >= 1.0 for c in self.candidates) for i in range(n_test))

    def best_fit(self) -> float:
        return max((c.train_fit for c in self.candidates), default=0.0)
