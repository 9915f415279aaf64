"""Build small tasks for rule tests, and run one rule the way the solver does."""

from __future__ import annotations

import numpy as np

from solvers.deadline import Deadline
from solvers.grid import Grid
from solvers.heuristics.rule import Rule
from solvers.heuristics.solver import HeuristicSolver
from solvers.task import Example, Task


def g(rows) -> Grid:
    return Grid(np.array(rows, dtype=np.uint8))


def make_task(train, test_inputs, test_outputs=None, task_id="t") -> Task:
    """train: [(input_rows, output_rows), ...]; test_inputs: [rows, ...]."""
    return Task(
        task_id,
        tuple(Example(g(i), g(o)) for i, o in train),
        tuple(g(t) for t in test_inputs),
        None if test_outputs is None else tuple(g(t) for t in test_outputs),
    )


def predictions(rule: Rule, task: Task, test_index: int = 0) -> list[list[list[int]]]:
    """Every grid the rule proposes for one test input, through the real solver (train-verified)."""
    solver = HeuristicSolver([rule])
    return [c.grid.tolist() for c in solver.solve(task, Deadline.after(10)) if c.test_index == test_index]
