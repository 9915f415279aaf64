"""The budget manager: it owns the clock, the worker processes and the kills.

Time is planned in worker-seconds, in two lanes: the CPU workers and the GPU workers (one per
device) are separate pools, so a GPU solver spends device time and never takes a CPU solver's. A
task's *visit* runs its solvers lane by lane: within a lane one after another, each as one job on
whichever worker of that lane is free, and the two lanes at once. A job gets its solver's share of
what its lane has left for the visit, so a solver that finishes early leaves its time to the next
one, and a visit that finishes early leaves its time to the tasks after it (every allotment is
computed afresh from the clock). A job that overruns its deadline by more than the grace is killed
with its process, which is then replaced; a worker that crashes costs only the job in hand.
"""

from __future__ import annotations

import logging
import math
import statistics
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from solvers.task import Task
from submission.config import RunConfig
from submission.procs import WorkerProcess
from submission.wire import JobResult, TaskResult, check_candidates
from submission.worker import Job, WorkerSpec

log = logging.getLogger(__name__)

# A slot whose process fails to start this many times in a row is given up.
MAX_FAILED_STARTS = 3
CPU, GPU = "cpu", "gpu"


@dataclass(frozen=True, slots=True)
class Plan:
    """How to spend time on a set of tasks.

    per_task_seconds: a fixed allotment per task and lane (offline eval), or None to share out the
    global budget, which ends at `end` on the monotonic clock. `second_pass` gives time held back by
    `config.second_pass_share` to tasks without a full train fit once every task has had a visit.
    GPU solvers run on `gpus` extra workers (one per device); the others on `workers` CPU workers.
    With no device (`gpus` 0) every solver is in the CPU lane.
    """

    solvers: tuple[str, ...]
    workers: int = 1
    seed: int = 0
    per_task_seconds: float | None = None
    end: float = math.inf
    config: RunConfig = field(default_factory=RunConfig)
    second_pass: bool = False
    gpu_solvers: tuple[str, ...] = ()
    gpus: int = 0
    min_task_seconds: float = 0.05

    def lane_of(self, solver: str) -> str:
        return GPU if self.gpus > 0 and solver in self.gpu_solvers else CPU

    def lane_workers(self, lane: str) -> int:
        if not any(self.lane_of(s) == lane for s in self.solvers):
            return 0
        return self.gpus if lane == GPU else self.workers


@dataclass(slots=True)
class RunStats:
    """What the manager did: the figures behind budget fidelity and utilisation."""

    tasks_visited: int = 0
    tasks_finished: int = 0  # first visits that ran every solver
    second_visits: int = 0
    skipped: int = 0
    busy_seconds: float = 0.0  # sum over CPU jobs of the seconds a worker spent on them
    gpu_busy_seconds: float = 0.0  # the same over GPU jobs
    kills: int = 0
    crashes: int = 0


def task_cells(task: Task) -> int:
    train = sum(e.input.cells.size + e.output.cells.size for e in task.train)
    return train + sum(g.cells.size for g in task.test_inputs)


def task_weights(tasks: Sequence[Task]) -> dict[str, float]:
    """Relative time per task from its size: sqrt(cells / median cells), clamped to [0.5, 2].

    Search states cost in proportion to their cells, so a big task needs more seconds to reach the
    same depth; the square root and the clamp keep a few huge tasks from starving the rest.
    """
    cells = {t.id: task_cells(t) for t in tasks}
    mid = statistics.median(cells.values()) if cells else 1
    return {k: min(2.0, max(0.5, math.sqrt(c / max(1, mid)))) for k, c in cells.items()}


@dataclass(slots=True)
class _Lane:
    """One lane of a visit: its solvers still to run, and its seconds (None until it first starts)."""

    solvers: list[str]
    seconds_left: float | None = None
    running: bool = False
    job_started: float = 0.0

    def remaining(self, now: float) -> float:
        if self.seconds_left is None or not (self.solvers or self.running):
            return 0.0
        spent = now - self.job_started if self.running else 0.0
        return max(0.0, self.seconds_left - spent)

    def open(self) -> bool:
        return bool(self.solvers) and not self.running


@dataclass(slots=True)
class _Visit:
    task: Task
    pass_no: int
    lanes: dict[str, _Lane]
    result: TaskResult
    jobs: int = 0

    def done(self) -> bool:
        return not any(lane.solvers or lane.running for lane in self.lanes.values())


class BudgetManager:
    """Runs a Plan over tasks. `on_result(result, pass_no)` receives a task's cumulative result after
    each of its visits; `prior` holds results of a resumed run, whose first visits are not redone."""

    def __init__(self, tasks: Sequence[Task], plan: Plan, on_result: Callable[[TaskResult, int], None],
                 prior: Mapping[str, tuple[TaskResult, int]] | None = None):
        self.plan = plan
        self.config = plan.config
        self.on_result = on_result
        self.tasks = {t.id: t for t in tasks}
        self.weights = task_weights(tasks)
        self.results: dict[str, TaskResult] = {k: r for k, (r, _) in (prior or {}).items()}
        self.passes: dict[str, int] = {k: p for k, (_, p) in (prior or {}).items()}
        order = sorted((t for t in tasks if t.id not in self.results), key=lambda t: (self.weights[t.id], t.id))
        self.pending: deque[Task] = deque(order)
        self.pass_no = 1
        self.open: list[_Visit] = []  # visits started and not finished, oldest first
        self.slots: dict[int, tuple[_Visit, str]] = {}  # slot -> the visit and lane its job belongs to
        self.stats = RunStats()
        # worker-seconds held for the second pass, per lane; fixed at the lane's first job
        self.reserve: dict[str, float | None] = {CPU: None, GPU: None}
        self.workers: list[WorkerProcess] = []
        if plan.per_task_seconds is None and not math.isfinite(plan.end):
            raise ValueError("a plan needs per_task_seconds or a finite end")

    # -- planning ---------------------------------------------------------------------------------

    def _visit_solvers(self, pass_no: int) -> list[str]:
        if pass_no == 1:
            return list(self.plan.solvers)
        return [s for s in self.plan.solvers if s in self.config.second_pass_solvers]

    def _lane_seconds(self, task_id: str, lane: str) -> float:
        """Seconds the task's earlier visits spent in a lane."""
        r = self.results.get(task_id)
        return sum(t for s, t in r.solver_seconds.items() if self.plan.lane_of(s) == lane) if r else 0.0

    def _allot(self, visit: _Visit, lane: str, now: float) -> float:
        """Seconds for a visit's lane starting now (0 to skip it)."""
        left = self.plan.end - now
        if self.plan.per_task_seconds is not None:
            return min(self.plan.per_task_seconds, left)
        n = self.plan.lane_workers(lane)
        if self.reserve[lane] is None:
            # fixed once workers are ready, so start-up time is not charged to the second pass alone
            share = self.config.second_pass_share if self.plan.second_pass else 0.0
            self.reserve[lane] = share * n * max(0.0, left)
        committed = sum(v.lanes[lane].remaining(now) for v in self.open if lane in v.lanes)
        capacity = n * left - committed - (self.reserve[lane] or 0.0)
        # tasks still waiting for this lane: the pending ones, and open visits it has not started
        waiting = sum(self.weights[t.id] for t in self.pending)
        waiting += sum(self.weights[v.task.id] for v in self.open
                       if v is not visit and lane in v.lanes and v.lanes[lane].seconds_left is None)
        weight = self.weights[visit.task.id]
        fair = max(0.0, capacity) * weight / (weight + waiting)
        if self.pass_no == 1:
            return min(fair, left)
        # a second visit repeats the first one's work before it gets further: make it count or skip
        want = self.config.second_pass_factor * self._lane_seconds(visit.task.id, lane)
        return min(max(fair, want), left) if left >= want else 0.0

    def _start_second_pass(self) -> None:
        solvers = self._visit_solvers(2)
        unsolved = [t for t in self.tasks.values()
                    if self.passes.get(t.id, 0) == 1 and not self.results[t.id].fully_fitted(t.n_test)]
        self.pass_no = 2
        self.reserve = {CPU: 0.0, GPU: 0.0}
        if not solvers or not unsolved:
            return
        # the nearest misses first (most train pairs matched), then the cheapest
        unsolved.sort(key=lambda t: (-self.results[t.id].best_fit(), self.weights[t.id], t.id))
        self.pending = deque(unsolved)
        log.info("second pass: %d task(s) without a full train fit, %.0f s left", len(unsolved),
                 self.plan.end - time.monotonic())

    def _next_job(self, w: WorkerProcess, now: float) -> Job | None:
        """A job for a free worker: the next solver of an open visit's lane it serves, else a new visit."""
        for v in list(self.open):
            for name, lane in v.lanes.items():
                if lane.open() and w.serves(lane.solvers[0]) and (job := self._job(w, v, name, now)):
                    return job
        while self.pending:
            solvers = self._visit_solvers(self.pass_no)
            if not any(w.serves(s) for s in solvers):
                return None
            task = self.pending.popleft()
            lanes: dict[str, _Lane] = {}
            for s in solvers:
                lanes.setdefault(self.plan.lane_of(s), _Lane([])).solvers.append(s)
            visit = _Visit(task, self.pass_no, lanes, self.results.get(task.id, TaskResult(task.id, ())))
            self.open.append(visit)
            for name, lane in lanes.items():
                if lane.open() and w.serves(lane.solvers[0]) and (job := self._job(w, visit, name, now)):
                    return job
        return None

    def _job(self, w: WorkerProcess, v: _Visit, name: str, now: float) -> Job | None:
        """Start the lane's next solver on `w`; None (and the lane closed) when it has no time."""
        lane = v.lanes[name]
        if lane.seconds_left is None:
            lane.seconds_left = self._allot(v, name, now)
        if min(lane.seconds_left, self.plan.end - now) < self.plan.min_task_seconds:
            lane.solvers.clear()
            self._maybe_finish(v)
            return None
        shares = [self.config.share_of(s) for s in lane.solvers]
        seconds = lane.seconds_left * shares[0] / sum(shares)
        lane.running, lane.job_started = True, now
        if v.jobs == 0:
            self.stats.tasks_visited += v.pass_no == 1
            self.stats.second_visits += v.pass_no == 2
        v.jobs += 1
        self.slots[w.slot] = (v, name)
        return Job(v.task, lane.solvers[0], min(now + seconds, self.plan.end), self.plan.seed)

    # -- results ----------------------------------------------------------------------------------

    def _job_done(self, w: WorkerProcess, reply: dict | None, error: str | None) -> None:
        job = w.job
        v, name = self.slots.pop(w.slot)
        assert job is not None
        now = time.monotonic()
        elapsed = now - w.job_started
        if name == GPU:
            self.stats.gpu_busy_seconds += elapsed
        else:
            self.stats.busy_seconds += elapsed
        w.job = None
        errors: list[str] = []
        candidates = []
        stats: tuple = ()
        peak = 0.0
        if reply is not None:
            raw = reply.get("items") if isinstance(reply, dict) else None
            candidates, problems = check_candidates(raw if isinstance(raw, list) else [], job.task.id,
                                                    job.task.n_test, job.solver)
            errors += [str(e) for e in reply.get("errors", [])] + problems
            stats = tuple(reply.get("stats", ()))
            peak = float(reply.get("peak_rss_mb", 0.0))
        if error:
            errors.append(f"{job.solver}: {error}")
        for e in errors:
            log.warning("task %s: %s", job.task.id, e)
        v.result = v.result.add(JobResult(job.task.id, job.solver, tuple(candidates), elapsed, tuple(errors),
                                          peak, stats))
        lane = v.lanes[name]
        lane.seconds_left = max(0.0, (lane.seconds_left or 0.0) - elapsed)
        lane.running = False
        lane.solvers.pop(0)
        if min(lane.seconds_left, self.plan.end - now) < self.plan.min_task_seconds:
            lane.solvers.clear()
        self._maybe_finish(v)

    def _maybe_finish(self, v: _Visit) -> None:
        if not v.done() or v not in self.open:
            return
        self.open.remove(v)
        if v.jobs == 0:  # no lane had time for it: a later, bigger allotment may still come
            self.stats.skipped += 1
            return
        task_id = v.task.id
        self.results[task_id] = v.result
        self.passes[task_id] = v.pass_no
        self.stats.tasks_finished += v.pass_no == 1
        self.on_result(v.result, v.pass_no)

    # -- processes --------------------------------------------------------------------------------

    def _start_workers(self) -> None:
        cap = self.config.memory_cap_mb
        cpu = tuple(s for s in self.plan.solvers if self.plan.lane_of(s) == CPU)
        gpu = tuple(s for s in self.plan.solvers if self.plan.lane_of(s) == GPU)
        specs = [WorkerSpec(cpu, self.plan.seed, cap) for _ in range(self.plan.lane_workers(CPU))]
        # one worker per visible device; CUDA reserves address space far beyond use, so no RLIMIT_AS
        specs += [WorkerSpec(gpu, self.plan.seed, 0, (("CUDA_VISIBLE_DEVICES", str(i)),))
                  for i in range(self.plan.lane_workers(GPU))]
        self.workers = [WorkerProcess(i, spec) for i, spec in enumerate(specs)]

    def _poll(self, w: WorkerProcess, now: float) -> None:
        try:
            msg = w.receive()
        except EOFError as e:
            self._lost(w, f"worker died ({e})")
            return
        if msg is None:
            return
        if msg[0] == "ready":
            w.ready, w.failed_starts = True, 0
            if msg[2]:
                log.warning("worker %d: solver(s) %s failed to prepare", w.slot, ", ".join(msg[2]))
        elif msg[0] == "done" and w.job is not None:
            self._job_done(w, msg[1], None)

    def _lost(self, w: WorkerProcess, why: str, killed: bool = False) -> None:
        """A worker died or was killed: the job in hand loses its candidates; the slot gets a new process."""
        if w.job is not None:
            if killed:
                self.stats.kills += 1
            else:
                self.stats.crashes += 1
            log.error("task %s: solver %s: %s", w.job.task.id, w.job.solver, why)
            w.kill()
            self._job_done(w, None, why)
        else:
            w.failed_starts += 1
            log.error("worker %d: %s before it was ready", w.slot, why)
        if w.failed_starts >= MAX_FAILED_STARTS:
            log.error("worker %d: given up after %d failed starts", w.slot, w.failed_starts)
            w.kill()
            self.workers.remove(w)
            return
        w.restart()

    def _police(self, now: float) -> None:
        for w in list(self.workers):
            if w.job is not None and now > w.job.end + self.config.grace_seconds:
                self._lost(w, f"killed after overrunning its deadline by {self.config.grace_seconds:g} s", True)
            elif not w.ready and now - w.started > self.config.warm_up_seconds:
                self._lost(w, f"not ready after {self.config.warm_up_seconds:g} s")

    def _timeout(self, now: float) -> float:
        marks = [w.job.end + self.config.grace_seconds for w in self.workers if w.job is not None]
        marks += [w.started + self.config.warm_up_seconds for w in self.workers if not w.ready]
        return min([1.0] + [max(0.01, m - now) for m in marks])

    # -- the loop ---------------------------------------------------------------------------------

    def run(self) -> RunStats:
        self._start_workers()
        try:
            while self.workers:
                now = time.monotonic()
                for w in self.workers:
                    if w.ready and w.job is None and (job := self._next_job(w, now)) is not None:
                        w.submit(job)
                self._drop_unserved()
                busy = any(w.job is not None for w in self.workers)
                if not busy and not self.open and not self.pending:
                    if self.pass_no == 1 and self.plan.second_pass:
                        self._start_second_pass()
                        continue
                    break
                if (now >= self.plan.end and not busy) or now > self.plan.end + self.config.grace_seconds:
                    break  # time is up: idle workers (still warming up, say) are not waited for
                wait([x for w in self.workers for x in w.waitables()], timeout=self._timeout(now))
                now = time.monotonic()
                for w in list(self.workers):
                    self._poll(w, now)
                self._police(time.monotonic())
            if not self.workers:
                log.error("no worker could be started; unfinished tasks keep their fallbacks")
        finally:
            for w in self.workers:
                w.stop()
            self._flush_partial()
        return self.stats

    def _flush_partial(self) -> None:
        """Report visits cut short (the run's end, a signal) with what their finished jobs found,
        as pass 0: kept in the submission, but redone by a resumed run."""
        for v in self.open:
            if v.result.candidates:
                try:
                    self.on_result(v.result, 0)
                except Exception:  # noqa: BLE001 - the submission already holds a valid entry
                    log.exception("task %s: could not record its partial result", v.task.id)
        self.open.clear()
        self.slots.clear()

    def _drop_unserved(self) -> None:
        """Skip solvers that no worker can run any more (all of their workers failed to start)."""
        served = {s for w in self.workers for s in w.spec.solvers}
        for v in list(self.open):
            for lane in v.lanes.values():
                while lane.open() and lane.solvers[0] not in served:
                    v.jobs += 1  # recorded, so the journal says why the task has no answer
                    v.result = v.result.add(JobResult(v.task.id, lane.solvers.pop(0), (), 0.0, ("no worker left",)))
            self._maybe_finish(v)
        solvers = self._visit_solvers(self.pass_no)
        if self.pending and not any(s in served for s in solvers):
            self.stats.skipped += len(self.pending)
            self.pending.clear()
