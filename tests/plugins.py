"""Test-only solvers, loaded by import path ('tests.plugins:NAME'), never in the default set."""

from __future__ import annotations

import time
from collections.abc import Iterator

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
