"""`arcforge eval`: run the solvers on tasks with known outputs, keep everything, and score it."""

from __future__ import annotations

import json
import logging
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from ensemble.rules import load_calibration, registry
from offline_eval.compare import compare_rules
from offline_eval.metrics import OutputResult, score_task, summarise
from solvers.registry import GPU_SOLVERS
from submission.config import RunConfig, default_config
from submission.io import write_json_atomic
from submission.live import LiveSubmission
from submission.run import Plan, run_tasks
from submission.sources import SourceError, TaskSet
from submission.wire import TaskResult

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EvalConfig:
    solvers: tuple[str, ...]
    per_task_seconds: float
    workers: int = 1
    seed: int = 0
    sample: int | None = None
    gpus: int = 0  # extra workers, one per device, for the GPU solvers among `solvers`
    # the solvers' shares, worker caps and ensemble rule: the shipped settings unless given, so that
    # an eval measures what a submission runs (a bare RunConfig() would split each task's time equally)
    run: RunConfig = field(default_factory=default_config)
    # how the tasks were chosen, recorded so that `arcforge rules` and `report` reload the same ones
    solutions: str | None = None  # --solutions FILE
    exclude: str = ""  # --exclude SRC


def candidate_rows(results: list[TaskResult]) -> pl.DataFrame:
    """Every candidate, so ensemble rules can be compared later without re-running the solvers."""
    rows = [
        {"task_id": c.task_id, "test_index": c.test_index, "solver": c.solver, "score": c.score,
         "provenance": c.provenance, "grid": json.dumps(c.grid.tolist(), separators=(",", ":")),
         "train_fit": c.train_fit}
        for r in results for c in r.candidates
    ]
    schema = {"task_id": pl.String, "test_index": pl.Int64, "solver": pl.String, "score": pl.Float64,
              "provenance": pl.String, "grid": pl.String, "train_fit": pl.Float64}
    return pl.DataFrame(rows, schema=schema)


def evaluate(taskset: TaskSet, out_dir: str | Path, config: EvalConfig) -> dict[str, Any]:
    """Solve, write DIR/submission.json, results.parquet, candidates.parquet and summary.json."""
    start = time.monotonic()
    out = Path(out_dir)
    taskset = taskset.sample(config.sample, config.seed)
    missing = [t.id for t in taskset.tasks if t.test_outputs is None]
    if missing:
        raise SourceError(f"{taskset.source}: no test outputs for {len(missing)} task(s), e.g. {missing[0]}; "
                          "give --solutions FILE")
    if not taskset.tasks:
        raise SourceError(f"{taskset.source}: no usable tasks")
    out.mkdir(parents=True, exist_ok=True)
    live = LiveSubmission(out / "submission.json", taskset, rule=config.run.ensemble_rule)
    tasks = {t.id: t for t in taskset.tasks}
    by_task: dict[str, TaskResult] = {}

    def on_result(result: TaskResult, pass_no: int) -> None:
        live.record(result)
        by_task[result.task_id] = result  # a task's latest result holds all of its candidates

    plan = Plan(config.solvers, config.workers, config.seed, config.per_task_seconds, config=config.run,
                gpu_solvers=GPU_SOLVERS if config.gpus else (), gpus=config.gpus)
    run_tasks(taskset.tasks, plan, on_result)
    results = [by_task[k] for k in sorted(by_task)]
    rows: list[OutputResult] = []
    for r in results:
        rows.extend(score_task(tasks[r.task_id], r, live.entries[r.task_id]))
    rows.sort(key=lambda r: (r.task_id, r.test_index))
    pl.DataFrame([r.row() for r in rows]).write_parquet(out / "results.parquet")
    candidate_rows(results).write_parquet(out / "candidates.parquet")
    summary = summarise(rows, config.solvers)
    # every scoring rule, on the same candidates the run stored
    scores = compare_rules(list(tasks.values()), {r.task_id: r.candidates for r in results},
                           registry(load_calibration()))
    summary["rules"] = {s.rule: {"score": round(s.score, 4), "n_correct": s.n_correct,
                                 "share_of_oracle": round(s.share_of_oracle, 4)} for s in scores}
    summary.update({
        "seconds": round(time.monotonic() - start, 3),
        "source": taskset.source,
        "n_malformed": len(taskset.bad),
        "solvers": list(config.solvers),
        "per_task_seconds": config.per_task_seconds,
        "workers": config.workers,
        "seed": config.seed,
        "sample": config.sample,
        "solutions": config.solutions,
        "exclude": config.exclude,
        "gpus": config.gpus,
        "shares": {s: config.run.share_of(s) for s in config.solvers},
        "ensemble_rule": config.run.ensemble_rule,
        "commit": code_commit(),
    })
    write_json_atomic(out / "summary.json", summary)
    return summary


def code_commit() -> str | None:
    """The git commit of the code that ran (with '+' when its tree had changes), or None outside git."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=here,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+" if dirty else "") if head else None


def format_summary(s: dict[str, Any]) -> str:
    """The short table `arcforge eval` prints."""
    lines = [
        f"{s['source']}: {s['n_tasks']} tasks, {s['n_outputs']} test outputs, solvers {','.join(s['solvers'])}, "
        f"{s['per_task_seconds']:g} s/task, {s['workers']} worker(s)",
        f"  score         {s['score']:.4f}  ({s['n_correct']}/{s['n_outputs']} outputs correct in 2 attempts)",
        f"  task_score    {s['task_score']:.4f}  ({s['n_tasks_solved']}/{s['n_tasks']} tasks fully solved)",
        f"  oracle_score  {s['oracle_score']:.4f}  ({s['n_oracle']}/{s['n_outputs']} outputs proposed by some solver)",
        f"  {'solver':<12} {'proposed_correct':>16} {'seconds':>10}",
    ]
    for name, v in s["per_solver"].items():
        rate = f"   {v['states_per_second']:,.0f} states/s per core" if "states_per_second" in v else ""
        lines.append(f"  {name:<12} {v['proposed_correct']:>16} {v['seconds']:>10.1f}{rate}")
    lines.append(f"  task seconds  median {s['task_seconds_median']:.1f}, max {s['task_seconds_max']:.1f}; "
                 f"worker peak memory {s['peak_rss_mb_max']:.0f} MB")
    if s.get("rules"):
        lines.append(f"  {'rule':<12} {'pass@2':>8} {'correct':>9} {'of oracle':>10}")
        for name, r in s["rules"].items():
            lines.append(f"  {name:<12} {r['score']:>8.4f} {r['n_correct']:>5}/{s['n_outputs']:<3} "
                         f"{r['share_of_oracle']:>10.1%}")
    lines.append(f"  wall time     {s['seconds']:.1f} s")
    return "\n".join(lines)
