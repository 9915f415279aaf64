"""Inside a worker process: warm the solvers up, then run one solver on one task per job.

The worker judges nothing and manages no time beyond handing each solver its Deadline: the budget
manager in the parent validates what comes back and kills the process if a solver overruns.
"""

from __future__ import annotations

import functools
import logging
import os
import random
import resource
import signal
import time
import zlib
from dataclasses import asdict, dataclass, is_dataclass
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from solvers.base import Solver, warm_up
from solvers.deadline import Deadline
from solvers.registry import make_solver
from solvers.task import Task
from submission.wire import MAX_CANDIDATES_PER_TEST, to_wire

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """Run `solver` on `task` until the monotonic instant `end` (system-wide on Linux)."""

    task: Task
    solver: str
    end: float
    seed: int = 0


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """How to start a worker: its solvers, seed, address-space cap (MiB, 0 for none) and extra
    environment (CUDA_VISIBLE_DEVICES for a GPU worker, thread counts...)."""

    solvers: tuple[str, ...]
    seed: int = 0
    memory_cap_mb: int = 0
    env: tuple[tuple[str, str], ...] = ()


def task_seed(seed: int, task_id: str) -> int:
    """A per-task seed, so a task's result does not depend on which worker ran it or in what order."""
    return zlib.crc32(f"{seed}:{task_id}".encode())


def numeric_stats(solver: Any) -> list[tuple[str, float]]:
    """The numbers in a solver's optional `last_stats` dataclass (search states, depth...), if any."""
    stats = getattr(solver, "last_stats", None)
    if stats is None or not is_dataclass(stats):
        return []
    return [(k, float(v)) for k, v in asdict(stats).items() if isinstance(v, (int, float))]


@functools.cache
def cached_solver(name: str, seed: int) -> Solver:
    """One solver object per worker process: construction may compile kernels or load weights."""
    return make_solver(name, seed)


def run_job(job: Job) -> dict[str, Any]:
    """One solver on one task; any exception the solver raises becomes an error in the reply.

    Items are passed on raw (see submission.wire): at most MAX_CANDIDATES_PER_TEST per test input
    the task has, twice over, so even garbage cannot flood the pipe.
    """
    s = task_seed(job.seed, job.task.id)
    random.seed(s)
    np.random.seed(s)
    deadline = Deadline(job.end)
    limit = 2 * MAX_CANDIDATES_PER_TEST * job.task.n_test
    items: list[dict[str, Any]] = []
    errors: list[str] = []
    solver = None
    t0 = time.monotonic()
    try:
        solver = cached_solver(job.solver, job.seed)
        for item in solver.solve(job.task, deadline):
            if len(items) < limit:
                items.append(to_wire(item))
            if deadline.expired():
                break
    except Exception as e:  # noqa: BLE001 - a solver bug costs this solver's job, nothing more
        log.warning("task %s: solver %s failed: %r", job.task.id, job.solver, e, exc_info=True)
        errors.append(f"{job.solver}: {e!r}")
    seconds = time.monotonic() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    stats = numeric_stats(solver) if solver is not None else []
    return {"items": items, "errors": errors, "seconds": seconds, "peak_rss_mb": peak, "stats": stats}


def _cap_memory(mb: int) -> None:
    if mb > 0:
        limit = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the manager dies, even by SIGKILL, so a killed
    run leaves no orphan burning CPU beside the run that resumes it."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: an orphan ends when its pipe closes, after the job in hand


def worker_main(conn: Connection, spec: WorkerSpec) -> None:
    """The worker's whole life: cap, warm up, say ready, then answer jobs until told to stop.

    SIGINT is ignored so that Ctrl-C reaches only the manager, which then stops the workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    os.environ.update(dict(spec.env))
    _cap_memory(spec.memory_cap_mb)
    failed: list[str] = []
    for name in spec.solvers:
        try:
            warm_up(cached_solver(name, spec.seed))
        except Exception as e:  # noqa: BLE001 - left for the job, which reports it per task
            log.warning("solver %s failed to prepare: %r", name, e)
            failed.append(name)
    conn.send(("ready", os.getpid(), failed))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return  # the manager is gone
        if job is None:
            return
        reply = run_job(job)
        try:
            conn.send(("done", reply))
        except Exception as e:  # noqa: BLE001 - e.g. a solver yielded something unpicklable
            why = f"{job.solver}: reply not sendable: {e!r}"
            conn.send(("done", {**reply, "items": [], "errors": reply["errors"] + [why]}))
