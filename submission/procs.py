"""The budget manager's handle on one worker process: start, hand a job over, kill, replace."""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from multiprocessing.connection import Connection
from typing import Any

from submission.worker import Job, WorkerSpec, worker_main

log = logging.getLogger(__name__)

# spawn, not fork: torch and numba threads do not survive a fork reliably
_CTX = "spawn"


def describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


class WorkerProcess:
    """One slot of the pool. `job` is the job in hand (None when idle); `ready` turns true once the
    process has warmed its solvers up. A slot outlives its processes: `restart` replaces a dead or
    killed one."""

    def __init__(self, slot: int, spec: WorkerSpec):
        self.slot = slot
        self.spec = spec
        self.ctx = multiprocessing.get_context(_CTX)
        self.restarts = 0
        self.failed_starts = 0
        self.proc: Any = None
        self.conn: Connection | None = None
        self.start()

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=worker_main, args=(child, self.spec), daemon=True,
                                     name=f"arcforge-worker-{self.slot}")
        self.proc.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.started = time.monotonic()
        self.job: Job | None = None
        self.job_started = 0.0

    def serves(self, solver: str) -> bool:
        return self.ready and solver in self.spec.solvers

    def submit(self, job: Job) -> None:
        assert self.conn is not None and self.job is None
        self.job = job
        self.job_started = time.monotonic()
        self.conn.send(job)

    def waitables(self) -> list[Any]:
        return [self.conn, self.proc.sentinel]

    def receive(self) -> tuple[str, Any] | None:
        """The next message if one is waiting; None if none is. Raises EOFError if the process died."""
        assert self.conn is not None
        if not self.conn.poll():
            if not self.proc.is_alive():
                raise EOFError(describe_exit(self.proc.exitcode))
            return None
        return self.conn.recv()

    def kill(self) -> str:
        """Hard-kill the process (SIGKILL cannot be ignored by a stuck solver); its exit, described."""
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        return describe_exit(self.proc.exitcode)

    def restart(self) -> None:
        self.kill()
        self.restarts += 1
        self.start()

    def stop(self) -> None:
        """Ask an idle worker to leave; kill it if it does not (or is busy)."""
        try:
            if self.conn is not None and self.job is None and self.proc.is_alive():
                self.conn.send(None)
                self.proc.join(timeout=1)
        except (OSError, ValueError):
            pass
        self.kill()
