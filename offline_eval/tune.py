"""`arcforge tune`: where should the seconds go?

For every solver and every per-task budget it runs (or reuses) one eval run of that solver alone, so
each solver's score is known as a function of its seconds. Then it picks per-solver seconds that
maximise the share of outputs some solver gets into its own top two, for a target total per task, and
writes them as the `[shares]` of a run config. The union of solved outputs is what an ensemble can
reach; `arcforge eval` on the chosen shares measures what it does reach.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from submission.config import default_config
from submission.sources import TaskSet

log = logging.getLogger(__name__)

PLOT_NAME = "score_vs_budget.png"


@dataclass(frozen=True, slots=True)
class Curve:
    """One solver's outputs solved (in its own top two) at each per-task budget."""

    solver: str
    budgets: tuple[float, ...]
    solved: tuple[frozenset[tuple[str, int]], ...]  # (task id, test index) per budget
    n_outputs: int

    def scores(self) -> list[float]:
        return [len(s) / self.n_outputs for s in self.solved]

    def at(self, seconds: float) -> frozenset[tuple[str, int]]:
        """What it solves with `seconds`: the largest measured budget that fits (none below the first)."""
        fits = [s for b, s in zip(self.budgets, self.solved) if b <= seconds + 1e-9]
        return fits[-1] if fits else frozenset()


def run_name(solver: str, budget: float) -> str:
    return f"{solver.replace(':', '_').replace('.', '_')}_{budget:g}s"


def solved_outputs(run: Path) -> frozenset[tuple[str, int]]:
    df = pl.read_parquet(run / "results.parquet").filter(pl.col("correct"))
    return frozenset(zip(df["task_id"].to_list(), df["test_index"].to_list()))


def measure(taskset: TaskSet, solvers: Sequence[str], budgets: Sequence[float], out: Path, workers: int,
            seed: int, sample: int | None, solutions: str | None = None, exclude: str = "") -> list[Curve]:
    """Run what is missing (one eval per solver and budget), reuse what is there. `solutions` and
    `exclude` say how `taskset` was loaded; each run records them, so `rules` and `report` rescore
    it on the same tasks, and a run made on other tasks is not reused."""
    from offline_eval.runner import EvalConfig, evaluate  # the runner pulls in the whole run machinery

    curves = []
    n_outputs = sum(t.n_test for t in taskset.sample(sample, seed).tasks)
    for solver in solvers:
        solved = []
        for b in sorted(budgets):
            run = out / run_name(solver, b)
            config = EvalConfig((solver,), b, workers, seed, sample, solutions=solutions, exclude=exclude)
            summary = run / "summary.json"
            if summary.is_file() and _matches(json.loads(summary.read_text()), taskset.source, config):
                log.info("reusing %s", run)
            else:
                log.info("running %s at %g s per task", solver, b)
                evaluate(taskset, run, config)
            solved.append(solved_outputs(run))
        curves.append(Curve(solver, tuple(sorted(budgets)), tuple(solved), n_outputs))
    return curves


def _matches(s: dict, source: str, c) -> bool:
    """Whether a stored run was made with this source and config (so it can be reused)."""
    return (s.get("source") == source and s.get("solvers") == list(c.solvers)
            and s.get("per_task_seconds") == c.per_task_seconds and s.get("sample") == c.sample
            and s.get("seed") == c.seed and s.get("solutions") == c.solutions
            and s.get("exclude", "") == c.exclude)


def choose(curves: Sequence[Curve], total: float) -> tuple[dict[str, float], float]:
    """Per-solver seconds (each 0 or a measured budget) summing to at most `total` that maximise the
    outputs solved by any solver; ties go to fewer seconds. Returns the seconds and the score."""
    best: tuple[float, float, tuple[float, ...]] = (-1.0, 0.0, ())
    options = [(0.0, *c.budgets) for c in curves]
    for pick in itertools.product(*options):
        spent = sum(pick)
        if spent > total + 1e-9 or spent == 0:
            continue
        union: set[tuple[str, int]] = set()
        for c, b in zip(curves, pick):
            union |= c.at(b)
        score = len(union) / curves[0].n_outputs if curves else 0.0
        if (score, -spent) > (best[0], -best[1]):
            best = (score, spent, pick)
    seconds = {c.solver: b for c, b in zip(curves, best[2]) if b > 0}
    return seconds, max(0.0, best[0])


def write_config(path: Path, seconds: dict[str, float], total: float, score: float, command: str) -> None:
    """A run config whose [shares] give each chosen solver its measured seconds' share of the task."""
    lines = [f"# written by: {command}",
             f"# expected score {score:.4f} at {total:g} s per task (union of solver top-2s)", "[shares]"]
    lines += [f'"{name}" = {s / sum(seconds.values()):.4f}' for name, s in seconds.items()]
    # only the anytime solvers gain from a second visit: keep those the shipped config names
    again = [name for name in sorted(seconds) if name in default_config().second_pass_solvers]
    lines += ["", "[second_pass]", f"solvers = {json.dumps(again)}", ""]
    path.write_text("\n".join(lines))


def plot(curves: Sequence[Curve], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: draw straight to the file
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    for c in curves:
        ax.plot(c.budgets, c.scores(), marker="o", label=c.solver)
    ax.set_xscale("log")
    ax.set_xlabel("seconds per task")
    ax.set_ylabel("outputs solved in the solver's top two")
    ax.set_title("score against per-task budget, each solver alone")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
