"""What a worker process does with one task: run each solver under its share of the task's time."""

from __future__ import annotations

import functools
import logging
import math
import random
import resource
import time
import zlib
from dataclasses import asdict, dataclass, field, is_dataclass, replace

import numpy as np

from solvers.base import Solver, warm_up
from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.registry import make_solver
from solvers.task import Task

log = logging.getLogger(__name__)

# Candidates kept per solver and test input: enough for any ensemble rule, bounded so one generous
# solver cannot flood the parent process or the run directory.
MAX_CANDIDATES_PER_TEST = 64


@dataclass(frozen=True, slots=True)
class TaskResult:
    """What came back from one task: candidates, seconds per solver, and any solver failures."""

    task_id: str
    candidates: tuple[Candidate, ...]
    solver_seconds: dict[str, float] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    peak_rss_mb: float = 0.0  # the worker's peak resident memory so far (an upper bound for this task)
    solver_stats: dict[str, dict[str, float]] = field(default_factory=dict)  # numeric `last_stats` fields


def numeric_stats(solver: Solver) -> dict[str, float]:
    """The numbers in a solver's optional `last_stats` dataclass (search states, depth...), if any."""
    stats = getattr(solver, "last_stats", None)
    if stats is None or not is_dataclass(stats):
        return {}
    return {k: float(v) for k, v in asdict(stats).items() if isinstance(v, (int, float))}


def task_seed(seed: int, task_id: str) -> int:
    """A per-task seed, so a task's result does not depend on which worker ran it or in what order."""
    return zlib.crc32(f"{seed}:{task_id}".encode())


@functools.cache
def cached_solver(name: str, seed: int) -> Solver:
    """One solver object per worker process: construction may compile kernels or load weights."""
    return make_solver(name, seed)


def prepare(solver_names: tuple[str, ...], seed: int = 0) -> None:
    """Build and warm up every solver of this worker before its first task (a pool initializer).

    A solver that fails here is left for solve_task, which contains the failure to that solver.
    """
    for name in solver_names:
        try:
            warm_up(cached_solver(name, seed))
        except Exception as e:  # noqa: BLE001
            log.warning("solver %s failed to prepare: %r", name, e)


def solve_task(task: Task, solver_names: tuple[str, ...], seconds: float, seed: int = 0,
               until: float = math.inf) -> TaskResult:
    """Run the solvers in order; each gets an equal share of the time still left, so what a fast
    solver leaves over goes to the ones after it. A solver that raises loses only its own candidates.

    The task's clock starts now (it may have waited in a queue or behind a warm-up), for `seconds`
    but never past `until`, the run's end on the monotonic clock.
    """
    deadline = Deadline(min(Deadline.after(seconds).end, until))
    candidates: list[Candidate] = []
    spent: dict[str, float] = {}
    errors: list[str] = []
    stats: dict[str, dict[str, float]] = {}
    for k, name in enumerate(solver_names):
        s = task_seed(seed, task.id)
        random.seed(s)
        np.random.seed(s)
        sub = deadline.share(1.0 / (len(solver_names) - k))
        kept: dict[int, int] = {}
        t0 = time.monotonic()
        solver = None
        try:
            solver = cached_solver(name, seed)
            for c in solver.solve(task, sub):
                if c.task_id != task.id or not 0 <= c.test_index < task.n_test:
                    raise ValueError(f"candidate for {c.task_id}[{c.test_index}] is not for this task")
                if kept.get(c.test_index, 0) < MAX_CANDIDATES_PER_TEST:
                    kept[c.test_index] = kept.get(c.test_index, 0) + 1
                    # candidates carry the name the solver was run under (a plug-in's path, say),
                    # so weights and per-solver tables line up with the command line
                    candidates.append(c if c.solver == name else replace(c, solver=name))
                if sub.expired():
                    break
        except Exception as e:  # noqa: BLE001 - any solver bug is contained to that solver
            log.warning("task %s: solver %s failed: %r", task.id, name, e, exc_info=True)
            errors.append(f"{name}: {e!r}")
        spent[name] = time.monotonic() - t0
        if solver is not None and (numbers := numeric_stats(solver)):
            stats[name] = numbers
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    return TaskResult(task.id, tuple(candidates), spent, tuple(errors), peak, stats)
