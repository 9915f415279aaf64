"""The heuristic solver: every rule, fitted on the train pairs, kept only where it reproduces them all."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

import numpy as np

from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.grid import Grid, GridError
from solvers.heuristics.catalog import load_rules
from solvers.heuristics.common import same
from solvers.heuristics.rule import Fit, Rule
from solvers.task import Task

log = logging.getLogger(__name__)

# A rule is cut off after this many parameterisations that reproduce the train pairs (the first are
# the most plausible by contract), or after MAX_TRIES proposals in all, so that one generous rule
# cannot eat a task's time; fits that fail the train check do not count towards the first cap.
MAX_FITS_PER_RULE = 64
MAX_TRIES = 2048
# Each further fit of the same rule that also reproduces the train pairs scores this much less,
# since rules yield their most plausible parameterisation first.
LATER_FIT_DECAY = 0.9


def fits_all(fit: Fit, pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> bool:
    return all(same(fit.apply(i), o) for i, o in pairs)


class HeuristicSolver:
    """All rules as one solver, named `heuristics` on the command line."""

    name = "heuristics"

    def __init__(self, rules: Sequence[Rule] | None = None):
        self.rules = tuple(rules) if rules is not None else load_rules()

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        pairs = [(e.input.cells, e.output.cells) for e in task.train]
        tests = [g.cells for g in task.test_inputs]
        for rule in self.rules:
            if deadline.expired():
                return
            try:
                found = list(self._run_rule(rule, pairs, tests, deadline))
            except Exception:  # a rule that breaks on an odd task costs only that rule
                log.warning("task %s: rule %s failed", task.id, rule.name, exc_info=True)
                continue
            for index, grid, text, rank in found:
                score = rule.prior * LATER_FIT_DECAY**rank
                # every fit is verified on all train pairs before it is applied to a test
                yield Candidate(task.id, index, grid, score, self.name, f"{rule.name}: {text}", 1.0)

    @staticmethod
    def _run_rule(rule: Rule, pairs, tests, deadline: Deadline) -> Iterator[tuple[int, Grid, str, int]]:
        """(test index, grid, fit text, rank among this rule's verified fits) for each new answer."""
        emitted: set[tuple[int, Grid]] = set()
        rank = -1
        for n, fit in enumerate(rule.fit(pairs)):
            if n >= MAX_TRIES or rank + 1 >= MAX_FITS_PER_RULE or deadline.expired():
                return
            if not fits_all(fit, pairs):
                continue
            rank += 1
            for index, test in enumerate(tests):
                out = fit.apply(test)
                if out is None:
                    continue
                try:
                    grid = Grid(np.asarray(out))
                except GridError:
                    continue
                if (index, grid) not in emitted:
                    emitted.add((index, grid))
                    yield index, grid, fit.text, rank
