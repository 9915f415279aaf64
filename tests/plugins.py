"""Test-only solvers, loaded by import path ('tests.plugins:NAME'), never in the default set."""

from __future__ import annotations

import os
import resource
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.task import Task


class _Base:
    name = "plugin"

    def __init__(self, seed: int):
        self.seed = seed


class Raises(_Base):
    name = "raises"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        raise RuntimeError("deliberate failure")
        yield  # pragma: no cover - makes this a generator


class Truth(_Base):
    """Proposes the test input unchanged, with full confidence (a stand-in 'healthy' solver)."""

    name = "truth"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        for i, g in enumerate(task.test_inputs):
            yield Candidate(task.id, i, g, 1.0, self.name, "identity")


class Patient(_Base):
    """Anytime and well behaved: polls its deadline every 10 ms until it expires."""

    name = "patient"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        while not deadline.expired():
            time.sleep(0.01)
        return
        yield  # pragma: no cover


class WrongTask(_Base):
    name = "wrongtask"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        yield Candidate(task.id, task.n_test + 3, task.test_inputs[0], 1.0, self.name)


def raises(seed: int) -> Raises:
    return Raises(seed)


def truth(seed: int) -> Truth:
    return Truth(seed)


def patient(seed: int) -> Patient:
    return Patient(seed)


def wrong_task(seed: int) -> WrongTask:
    return WrongTask(seed)


class Sleeper(_Base):
    """Ignores its deadline and never returns: only a hard kill stops it."""

    name = "sleeper"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        time.sleep(10**6)
        yield  # pragma: no cover


class Segfault(_Base):
    """Dies the way a numba kernel with a bad index can: SIGSEGV, no Python exception, no reply."""

    name = "segfault"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        os.kill(os.getpid(), signal.SIGSEGV)
        yield  # pragma: no cover


class Hog(_Base):
    """Allocates 64 GiB, 256 MiB at a time, past any sane memory cap."""

    name = "hog"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        if resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY:
            raise RuntimeError("refusing to hog memory in a worker without a memory cap")
        held = [np.empty(1 << 28, dtype=np.uint8) for _ in range(256)]  # address space is what the cap counts
        yield Candidate(task.id, 0, task.test_inputs[0], float(len(held) > 0), self.name)  # pragma: no cover


@dataclass
class _Loose:
    """Looks like a Candidate but checks nothing, as a buggy solver's own class might."""

    task_id: object
    test_index: object
    grid: object
    score: object = 1.0
    solver: str = "garbage"
    provenance: str = ""


class Garbage(_Base):
    """Yields every kind of malformed answer, then one good one (which must survive)."""

    name = "garbage"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[object]:
        good = task.test_inputs[0].tolist()
        yield _Loose(task.id, 0, "not a list")
        yield _Loose(task.id, 0, [[1] * 31] * 31)
        yield _Loose(task.id, 0, [[10]])
        yield _Loose(task.id, 0, [[1, 2], [3]])
        yield _Loose(task.id, task.n_test, good)
        yield _Loose("other-task", 0, good)
        yield _Loose(task.id, 0, good, score=float("nan"))
        yield _Loose(task.id, 0, good, score=7)
        yield 42
        yield _Loose(task.id, 0, [[7, 7], [7, 7]], score=0.01)


def sleeper(seed: int) -> Sleeper:
    return Sleeper(seed)


def segfault(seed: int) -> Segfault:
    return Segfault(seed)


def hog(seed: int) -> Hog:
    return Hog(seed)


def garbage(seed: int) -> Garbage:
    return Garbage(seed)


class DeviceProbe(_Base):
    """Reports the device its worker was given, as a GPU solver would see it."""

    name = "probe"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        seen = os.environ.get("CUDA_VISIBLE_DEVICES", "none")
        yield Candidate(task.id, 0, task.test_inputs[0], 0.5, self.name, f"device {seen}")


def probe(seed: int) -> DeviceProbe:
    return DeviceProbe(seed)


class PatientProbe(DeviceProbe):
    """A GPU-lane stand-in that uses all of its time: waits for its deadline, then reports its device."""

    name = "patient_probe"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        while not deadline.expired():
            time.sleep(0.01)
        yield from super().solve(task, deadline)


def patient_probe(seed: int) -> PatientProbe:
    return PatientProbe(seed)


class Clock(_Base):
    """Reports how many seconds its deadline gave it, so a test can see the time shares at work."""

    name = "clock"

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        yield Candidate(task.id, 0, task.test_inputs[0], 0.5, self.name, f"{deadline.remaining():.3f}")


def clock(seed: int) -> Clock:
    return Clock(seed)
