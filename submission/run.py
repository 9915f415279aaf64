"""The run loop: tasks through worker processes under a time plan, the submission kept valid throughout."""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

from tqdm import tqdm

from submission.worker import TaskResult, prepare, solve_task
from solvers.task import Task

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Plan:
    """How to spend time on a set of tasks.

    per_task_seconds: a fixed allotment per task (offline eval), or None to share out what is left
    of the global budget among the tasks not yet finished (a run). `end` is the monotonic instant by
    which every task must be done; no task starts with less than `min_task_seconds` left.
    """

    solvers: tuple[str, ...]
    workers: int = 1
    seed: int = 0
    per_task_seconds: float | None = None
    end: float = math.inf
    min_task_seconds: float = 0.05


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def quiet() -> bool:
    """No progress bar on CI or in a Kaggle rerun, where it only fills the log."""
    return os.environ.get("CI", "").lower() == "true" or "KAGGLE_IS_COMPETITION_RERUN" in os.environ


def allot(plan: Plan, n_unfinished: int, now: float) -> float:
    """Seconds for the next task to start: its fixed share, or a fair share of what remains.

    With W workers and U tasks unfinished, the wall time left serves U/W tasks per worker; time a
    task leaves unused flows back because the next allotment is computed afresh from the clock.
    """
    left = plan.end - now
    if plan.per_task_seconds is not None:
        return min(plan.per_task_seconds, left)
    return min(left, left * plan.workers / max(1, n_unfinished))


def run_tasks(tasks: Sequence[Task], plan: Plan, on_result: Callable[[TaskResult], None]) -> int:
    """Solve tasks (cheapest first, by total cells) and hand each result to `on_result` as it finishes.

    Returns the number of tasks finished. Tasks that cannot start before `plan.end` are skipped; the
    caller's submission already holds their fallbacks.
    """
    order = sorted(tasks, key=lambda t: (sum(e.input.cells.size + e.output.cells.size for e in t.train), t.id))
    bar = tqdm(total=len(order), unit="task", disable=quiet(), smoothing=0.05)
    done = 0
    try:
        if plan.workers <= 1:
            prepare(plan.solvers, plan.seed)
            for i, task in enumerate(order):
                seconds = allot(plan, len(order) - i, time.monotonic())
                if seconds < plan.min_task_seconds:
                    break
                on_result(solve_task(task, plan.solvers, seconds, plan.seed, plan.end))
                done += 1
                bar.update()
        else:
            done = _run_pool(order, plan, on_result, bar)
    finally:
        bar.close()
    if done < len(order):
        log.warning("time ran out: %d of %d tasks finished, the rest keep their fallbacks", done, len(order))
    return done


def _run_pool(order: list[Task], plan: Plan, on_result: Callable[[TaskResult], None], bar: tqdm) -> int:
    # spawn, not fork: torch and numba threads do not survive a fork reliably
    ctx = multiprocessing.get_context("spawn")
    pending: dict[Future, Task] = {}
    queue = list(reversed(order))
    done = 0
    # each worker warms its solvers up before its first task, so no task's clock pays for compiling
    pool = ProcessPoolExecutor(max_workers=plan.workers, mp_context=ctx, initializer=prepare,
                               initargs=(plan.solvers, plan.seed))
    try:
        while queue or pending:
            # keep exactly one task per worker in flight, so each allotment is made when it starts
            while queue and len(pending) < plan.workers:
                seconds = allot(plan, len(queue) + len(pending), time.monotonic())
                if seconds < plan.min_task_seconds:
                    queue.clear()
                    break
                task = queue.pop()
                pending[pool.submit(solve_task, task, plan.solvers, seconds, plan.seed, plan.end)] = task
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED, timeout=_wait_timeout(plan))
            if not finished and time.monotonic() > plan.end + _grace(plan):
                log.error("%d task(s) overran the budget; abandoning them", len(pending))
                break
            for fut in finished:
                task = pending.pop(fut)
                try:
                    result = fut.result()
                except Exception as e:  # noqa: BLE001 - a dead worker loses one task, not the run
                    log.error("task %s: worker failed: %r", task.id, e)
                    result = TaskResult(task.id, (), {}, (f"worker: {e!r}",))
                on_result(result)
                done += 1
                bar.update()
    finally:
        _shutdown(pool)
    return done


def _grace(plan: Plan) -> float:
    return 5.0 + 0.02 * (plan.per_task_seconds or 0.0)


def _wait_timeout(plan: Plan) -> float | None:
    if math.isinf(plan.end):
        return None
    return max(0.1, plan.end + _grace(plan) - time.monotonic())


def _shutdown(pool: ProcessPoolExecutor) -> None:
    """Stop the pool without waiting on a worker that is stuck in a solver."""
    procs = list(getattr(pool, "_processes", {}).values())  # private, but the only handle on the workers
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=2)
