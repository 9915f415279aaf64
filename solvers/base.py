"""The Solver interface every solver implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.task import Task


@runtime_checkable
class Solver(Protocol):
    """An anytime solver.

    `solve` yields candidates as it finds them (better ones may follow worse ones) and returns
    promptly once `deadline` has expired. It never sleeps on, extends or manages time itself: the
    budget manager owns the clock and may stop consuming the iterator at any moment.
    """

    name: str

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]: ...


def warm_up(solver: Solver) -> None:
    """Let a solver do its one-off preparation (compiling kernels, loading weights) before any task
    starts its clock; a solver opts in by defining `warm_up()`."""
    prepare = getattr(solver, "warm_up", None)
    if callable(prepare):
        prepare()
