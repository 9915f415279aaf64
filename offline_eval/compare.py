"""Every scoring rule on the same stored candidates: pass@2 and the gap to the oracle, side by side."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ensemble.rules import Rule, top_two
from solvers.candidate import Candidate
from solvers.grid import Grid
from solvers.task import Task
from submission.sources import SourceError, load_tasks


@dataclass(frozen=True, slots=True)
class RuleScore:
    rule: str
    n_correct: int  # outputs whose truth is among the rule's two attempts
    n_oracle: int  # outputs whose truth any solver proposed
    n_outputs: int

    @property
    def score(self) -> float:
        return self.n_correct / self.n_outputs if self.n_outputs else 0.0

    @property
    def share_of_oracle(self) -> float:
        return self.n_correct / self.n_oracle if self.n_oracle else 1.0


def compare_rules(tasks: Sequence[Task], candidates: Mapping[str, Sequence[Candidate]],
                  rules: Mapping[str, Rule]) -> list[RuleScore]:
    """Score each rule on every test output of `tasks` (which carry their outputs)."""
    tally = {name: 0 for name in rules}
    oracle = outputs = 0
    for task in tasks:
        assert task.test_outputs is not None, f"task {task.id} has no test outputs"
        cands = candidates.get(task.id, ())
        for i, truth in enumerate(task.test_outputs):
            mine = [c for c in cands if c.test_index == i]
            outputs += 1
            oracle += any(c.grid == truth for c in mine)
            for name, rule in rules.items():
                tally[name] += truth in top_two(mine, rule, task.test_inputs[i])
    return [RuleScore(name, tally[name], oracle, outputs) for name in rules]


def load_candidates(run_dir: str | Path) -> dict[str, list[Candidate]]:
    """The candidates an eval run stored (candidates.parquet), by task."""
    df = pl.read_parquet(Path(run_dir) / "candidates.parquet")
    out: dict[str, list[Candidate]] = {}
    fits = df["train_fit"].to_list() if "train_fit" in df.columns else [0.0] * df.height
    for row, fit in zip(df.iter_rows(named=True), fits):
        c = Candidate(row["task_id"], row["test_index"], Grid.from_rows(json.loads(row["grid"])), row["score"],
                      row["solver"], row["provenance"], fit)
        out.setdefault(c.task_id, []).append(c)
    return out


def run_tasks(run_dir: str | Path) -> tuple[dict, list[Task]]:
    """An eval run's summary and the tasks it scored, with their outputs: its source reloaded (with
    the solutions file it was given) and cut to the tasks in its results, so that a run of a sample,
    or of a split less another (`--exclude`), is rescored on its own tasks and no others."""
    path = Path(run_dir) / "summary.json"
    try:
        summary = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise SourceError(f"{path}: not an eval run's summary ({e})") from None
    ran = set(pl.read_parquet(Path(run_dir) / "results.parquet")["task_id"].to_list())
    tasks = [t for t in load_tasks(summary["source"], summary.get("solutions")).tasks if t.id in ran]
    return summary, tasks
