"""The run loop: tasks through the budget manager, the submission valid and journalled throughout."""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from solvers.task import Task
from submission.budget import BudgetManager, Plan, RunStats
from submission.config import RunConfig
from submission.journal import Journal, journal_path, read_journal
from submission.live import LiveSubmission
from submission.sources import TaskSet
from submission.wire import TaskResult

log = logging.getLogger(__name__)

__all__ = ["Plan", "RunOutcome", "Stopped", "default_workers", "quiet", "run_submission", "run_tasks"]


class Stopped(Exception):
    """SIGTERM or SIGINT arrived: stop the workers, keep the submission, exit cleanly."""


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def quiet() -> bool:
    """No progress bar on CI or in a Kaggle rerun, where it only fills the log."""
    return os.environ.get("CI", "").lower() == "true" or "KAGGLE_IS_COMPETITION_RERUN" in os.environ


def run_tasks(tasks: Sequence[Task], plan: Plan, on_result: Callable[[TaskResult, int], None],
              prior: dict[str, tuple[TaskResult, int]] | None = None) -> RunStats:
    """Solve tasks (cheapest first) and hand each task's result to `on_result` after each visit."""
    bar = tqdm(total=len(tasks) - len(prior or {}), unit="task", disable=quiet(), smoothing=0.05)

    def report(result: TaskResult, pass_no: int) -> None:
        on_result(result, pass_no)
        if pass_no == 1:
            bar.update()

    try:
        stats = BudgetManager(tasks, plan, report, prior).run()
    finally:
        bar.close()
    if stats.skipped:
        log.warning("time ran out: %d task visit(s) skipped; their tasks keep what they have", stats.skipped)
    return stats


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGINT into Stopped inside the block (main thread only), then restore."""
    def handler(signum: int, frame: object) -> None:
        # a second signal must not interrupt the clean-up that the first one starts
        for s in (signal.SIGTERM, signal.SIGINT):
            signal.signal(s, signal.SIG_IGN)
        raise Stopped(signal.Signals(signum).name)

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """What `run_submission` did, for the closing line and for budget-fidelity checks."""

    n_tasks: int
    n_malformed: int
    finished: int
    resumed: int
    wall_seconds: float
    stats: RunStats
    stopped_by: str = ""
    budget_seconds: float = 0.0  # this process's share of the budget: all of it, or what a resume had left


def run_submission(taskset: TaskSet, out: str | Path, config: RunConfig, solvers: tuple[str, ...],
                   workers: int, seed: int = 0, resume: bool = False, gpus: int = 0,
                   gpu_solvers: tuple[str, ...] = (), started: float | None = None) -> RunOutcome:
    """Write a valid submission at once, improve it task by task within the budget, journal every
    finished visit beside it, and on --resume carry on from that journal.

    The budget counts from `started` (the process's start on the monotonic clock, when known)."""
    start = time.monotonic() if started is None else started
    header = {"tasks": sorted(taskset.ids()), "solvers": list(solvers), "seed": seed,
              "time_budget": config.time_budget}
    jpath = journal_path(out)
    resumed = read_journal(jpath, header) if resume else None
    spent = resumed.spent if resumed else 0.0
    live = LiveSubmission(out, taskset, rule=config.ensemble_rule)
    prior: dict[str, tuple[TaskResult, int]] = {}
    if resumed:
        for task_id, (result, pass_no) in resumed.results.items():
            if task_id in live.tasks:
                live.record(result)
                if pass_no > 0:
                    prior[task_id] = (result, pass_no)
        log.info("resuming: %d task(s) already done, %.0f s of the budget already spent", len(prior), spent)
    # the margin covers process start-up and the final write, so the budget is a hard wall
    end = start + max(0.0, config.usable_seconds - spent)
    journal = Journal(jpath, header, resume)

    def on_result(result: TaskResult, pass_no: int) -> None:
        live.record(result)
        journal.record(result, pass_no, spent + time.monotonic() - start)

    plan = Plan(solvers, workers, seed, None, end, config, second_pass=True, gpu_solvers=gpu_solvers, gpus=gpus)
    stopped = ""
    stats = RunStats()
    try:
        with stop_on_signals():
            stats = run_tasks(taskset.tasks, plan, on_result, prior)
    except Stopped as e:
        stopped = str(e)
        log.warning("stopped by %s: the submission holds every task finished so far", stopped)
    finally:
        live.write()
        journal.close()
    finished = len(prior) + stats.tasks_finished
    return RunOutcome(len(taskset.tasks), len(taskset.bad), finished, len(prior),
                      time.monotonic() - start, stats, stopped, max(0.0, config.time_budget - spent))
