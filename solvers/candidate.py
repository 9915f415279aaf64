"""A proposed answer for one test input of one task."""

from __future__ import annotations

from dataclasses import dataclass

from solvers.grid import Grid


@dataclass(frozen=True, slots=True)
class Candidate:
    """One solver's guess for one test output.

    `score` is the solver's confidence in [0, 1], meant to be comparable across tasks so the ensemble
    can weigh it; `provenance` says how the grid was made (a rule and its parameters, a program).
    `train_fit` is the share of the task's train pairs that the method behind the grid reproduces
    exactly (1.0 for a verified rule or program): the budget manager gives a second look to tasks
    with no full fit, and calibration uses it as a feature.
    """

    task_id: str
    test_index: int
    grid: Grid
    score: float
    solver: str
    provenance: str = ""
    train_fit: float = 0.0

    def __post_init__(self) -> None:
        if self.test_index < 0:
            raise ValueError(f"task {self.task_id}: negative test index {self.test_index}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"task {self.task_id}: score {self.score} outside [0, 1]")
        if not 0.0 <= self.train_fit <= 1.0:
            raise ValueError(f"task {self.task_id}: train_fit {self.train_fit} outside [0, 1]")
