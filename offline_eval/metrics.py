"""Scoring: pure functions from a task's truth, candidates and attempts to result rows and a summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ensemble.select import rank
from solvers.grid import Grid
from solvers.task import Task
from submission.wire import TaskResult


@dataclass(frozen=True, slots=True)
class OutputResult:
    """One row of results.parquet: one test output of one task."""

    task_id: str
    test_index: int
    correct: bool  # the truth is attempt_1 or attempt_2 (the Kaggle metric)
    rank: int | None  # 1-based rank of the truth among the merged candidates; None if never proposed
    oracle: bool  # some candidate of some solver was the truth
    solvers_correct: list[str]  # solvers that proposed the truth
    n_candidates: int  # distinct grids proposed
    attempt_1: str  # provenance of each attempt ("fallback" when no candidate made it)
    attempt_2: str
    seconds: float  # the task's solver time, all solvers
    solver_seconds: dict[str, float]
    peak_rss_mb: float  # the worker's peak memory after this task
    solver_stats: dict[str, dict[str, float]]  # per solver, the numbers it reports (search states...)

    def row(self) -> dict[str, Any]:
        d = asdict(self)
        secs = d.pop("solver_seconds")
        d.update({f"seconds_{k}": v for k, v in secs.items()})
        for solver, numbers in d.pop("solver_stats").items():
            d.update({f"{solver}_{k}": v for k, v in numbers.items()})
        return d


def score_task(task: Task, result: TaskResult, attempts: Sequence[tuple[Grid, Grid]],
               weights: Mapping[str, float] | None = None) -> list[OutputResult]:
    """Score every test output of one task; the task must carry its test outputs."""
    assert task.test_outputs is not None, f"task {task.id} has no test outputs to score against"
    rows = []
    for i, truth in enumerate(task.test_outputs):
        ranked = rank((c for c in result.candidates if c.test_index == i), weights)
        position = next((k + 1 for k, r in enumerate(ranked) if r.grid == truth), None)
        proven = {r.grid: r.provenance for r in ranked}
        a1, a2 = attempts[i]
        rows.append(OutputResult(
            task_id=task.id,
            test_index=i,
            correct=truth in (a1, a2),
            rank=position,
            oracle=position is not None,
            solvers_correct=sorted({c.solver for c in result.candidates if c.test_index == i and c.grid == truth}),
            n_candidates=len(ranked),
            attempt_1=proven.get(a1, "fallback"),
            attempt_2=proven.get(a2, "fallback"),
            seconds=sum(result.solver_seconds.values()),
            solver_seconds=dict(result.solver_seconds),
            peak_rss_mb=result.peak_rss_mb,
            solver_stats={k: dict(v) for k, v in result.solver_stats.items()},
        ))
    return rows


def _median(values: list[float]) -> float:
    v = sorted(values)
    if not v:
        return 0.0
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def summarise(rows: Sequence[OutputResult], solvers: Sequence[str]) -> dict[str, Any]:
    """Kaggle score (correct outputs / outputs), the harness's per-task mean, the oracle, per solver."""
    by_task: dict[str, list[OutputResult]] = {}
    for r in rows:
        by_task.setdefault(r.task_id, []).append(r)
    n = len(rows)
    n_correct = sum(r.correct for r in rows)
    n_oracle = sum(r.oracle for r in rows)
    task_shares = [sum(r.correct for r in rs) / len(rs) for rs in by_task.values()]
    per_task_secs = {t: rs[0].solver_seconds for t, rs in by_task.items()}
    per_task_stats = {t: rs[0].solver_stats for t, rs in by_task.items()}
    return {
        "score": n_correct / n if n else 0.0,
        "task_score": sum(task_shares) / len(task_shares) if task_shares else 0.0,
        "n_outputs": n,
        "n_correct": n_correct,
        "oracle_score": n_oracle / n if n else 0.0,
        "n_oracle": n_oracle,
        "n_tasks": len(by_task),
        "n_tasks_solved": sum(s == 1.0 for s in task_shares),
        "task_seconds_median": _median([rs[0].seconds for rs in by_task.values()]),
        "task_seconds_max": max((rs[0].seconds for rs in by_task.values()), default=0.0),
        "peak_rss_mb_max": max((r.peak_rss_mb for r in rows), default=0.0),
        "per_solver": {s: _solver_summary(s, rows, per_task_secs, per_task_stats) for s in solvers},
    }


def _solver_summary(name: str, rows: Sequence[OutputResult], secs: dict[str, dict[str, float]],
                    stats: dict[str, dict[str, dict[str, float]]]) -> dict[str, Any]:
    seconds = sum(s.get(name, 0.0) for s in secs.values())
    out: dict[str, Any] = {
        "proposed_correct": sum(name in r.solvers_correct for r in rows),
        "seconds": round(seconds, 3),
    }
    states = sum(s.get(name, {}).get("states", 0.0) for s in stats.values())
    if states:  # a searching solver: its throughput, per core (each task runs on one core)
        out["states"] = int(states)
        out["states_per_second"] = round(states / seconds, 1) if seconds else 0.0
    return out


def score_submission(obj: Any, tasks: Sequence[Task]) -> dict[str, float]:
    """The Kaggle metric of a parsed submission against tasks that carry their test outputs: an
    output counts if either attempt equals the truth. Entries that are missing or malformed score 0."""
    n_outputs = n_correct = n_tasks_solved = 0
    for task in tasks:
        assert task.test_outputs is not None, f"task {task.id} has no test outputs to score against"
        entries = obj.get(task.id) if isinstance(obj, dict) else None
        solved = 0
        for i, truth in enumerate(task.test_outputs):
            entry = entries[i] if isinstance(entries, list) and i < len(entries) else {}
            attempts = [entry.get(k) for k in ("attempt_1", "attempt_2")] if isinstance(entry, dict) else []
            solved += any(a == truth.tolist() for a in attempts)
        n_outputs += task.n_test
        n_correct += solved
        n_tasks_solved += solved == task.n_test
    return {"score": n_correct / max(1, n_outputs), "n_correct": n_correct, "n_outputs": n_outputs,
            "n_tasks_solved": n_tasks_solved, "n_tasks": len(tasks)}
