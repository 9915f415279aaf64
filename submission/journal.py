"""The run journal: one JSON line per finished task visit, appended beside the submission, so a
killed run can be resumed without redoing what it finished."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from solvers.candidate import Candidate
from solvers.grid import Grid
from submission.wire import TaskResult

log = logging.getLogger(__name__)


class JournalError(ValueError):
    """A journal that does not belong to this run; the message says what differs."""


def journal_path(submission: str | Path) -> Path:
    p = Path(submission)
    return p.with_name(p.name + ".journal.jsonl")


def result_json(r: TaskResult) -> dict[str, Any]:
    return {
        "candidates": [[c.test_index, c.grid.tolist(), c.score, c.solver, c.provenance, c.train_fit]
                       for c in r.candidates],
        "solver_seconds": r.solver_seconds,
        "errors": list(r.errors),
        "peak_rss_mb": r.peak_rss_mb,
        "solver_stats": r.solver_stats,
    }


def result_from_json(task_id: str, d: dict[str, Any]) -> TaskResult:
    cands = tuple(Candidate(task_id, i, Grid.from_rows(g), s, solver, prov, fit)
                  for i, g, s, solver, prov, fit in d["candidates"])
    return TaskResult(task_id, cands, dict(d["solver_seconds"]), tuple(d["errors"]), float(d["peak_rss_mb"]),
                      {k: dict(v) for k, v in d["solver_stats"].items()})


@dataclass(frozen=True, slots=True)
class Resumed:
    """What a journal holds: each task's latest result and its pass, and the run seconds spent."""

    results: dict[str, tuple[TaskResult, int]]
    spent: float
    redo: frozenset[str]  # tasks cut short by a signal: recorded, but to be visited again


class Journal:
    """Appends lines with flush and fsync: after a kill, at most the line being written is lost,
    and `read` skips a torn last line."""

    def __init__(self, path: str | Path, header: dict[str, Any], resume: bool):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not resume:
            self.path.unlink(missing_ok=True)
        new = not self.path.exists()
        self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - held for the whole run
        if new:
            self._append({"kind": "start", **header})

    def _append(self, obj: dict[str, Any]) -> None:
        self.file.write(json.dumps(obj, separators=(",", ":")) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def record(self, result: TaskResult, pass_no: int, elapsed: float) -> None:
        self._append({"kind": "task", "task_id": result.task_id, "pass": pass_no, "elapsed": round(elapsed, 3),
                      "result": result_json(result)})

    def close(self) -> None:
        self.file.close()


def read_journal(path: str | Path, header: dict[str, Any]) -> Resumed:
    """The journal's results; JournalError if it was written by a run with different settings."""
    results: dict[str, tuple[TaskResult, int]] = {}
    redo: set[str] = set()
    spent = 0.0
    p = Path(path)
    if not p.exists():
        return Resumed({}, 0.0, frozenset())
    lines = p.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            log.warning("%s: line %d is torn (the run was killed while writing it); skipped", p, n)
            continue
        if obj.get("kind") == "start":
            differs = [k for k in header if obj.get(k) != header[k]]
            if differs:
                raise JournalError(f"{p}: written by a run with different {', '.join(differs)}; "
                                   "run without --resume to start afresh")
            continue
        task_id, pass_no = obj["task_id"], int(obj["pass"])
        spent = max(spent, float(obj["elapsed"]))
        result = result_from_json(task_id, obj["result"])
        if pass_no == 0:  # a visit cut short: its finds count, but a task never fully visited is redone
            done = results.get(task_id, (None, 0))[1]
            if not done:
                redo.add(task_id)
            results[task_id] = (result, done)
            continue
        redo.discard(task_id)
        results[task_id] = (result, pass_no)
    return Resumed(results, spent, frozenset(redo))
