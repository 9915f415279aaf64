"""The catalog itself: enough rules, each tested, each well formed; the solver verifies on train."""

from pathlib import Path

import numpy as np

from solvers.deadline import Deadline
from solvers.heuristics.catalog import load_rules, rule_modules
from solvers.heuristics.rule import Fit, Rule
from solvers.heuristics.solver import HeuristicSolver
from tests.heuristics.helpers import make_task

TESTS = Path(__file__).parent


def test_at_least_fifteen_distinct_rules():
    rules = load_rules()
    assert len(rules) >= 15
    assert len({r.name for r in rules}) == len(rules)
    assert all(0.0 <= r.prior <= 1.0 for r in rules)


def test_every_rule_module_has_its_own_test_file():
    untested = [m for m in rule_modules() if not (TESTS / f"test_{m}.py").is_file()]
    assert not untested, f"rule modules without tests/heuristics/test_<module>.py: {untested}"


def test_a_fit_that_misses_one_train_pair_is_never_proposed():
    # a rule that always answers 'add one to every cell' fits the first pair but not the second
    rule = Rule("plus_one", lambda pairs: iter([Fit(lambda g: (g + 1) % 10, "+1")]))
    task = make_task([([[1]], [[2]]), ([[3]], [[5]])], [[[1]]])
    assert list(HeuristicSolver([rule]).solve(task, Deadline.after(5))) == []
    ok = make_task([([[1]], [[2]]), ([[3]], [[4]])], [[[1]]])
    assert [c.grid.tolist() for c in HeuristicSolver([rule]).solve(ok, Deadline.after(5))] == [[[2]]]


def test_a_broken_rule_costs_only_itself():
    def boom(pairs):
        raise RuntimeError("bug")
        yield

    good = Rule("plus_one", lambda pairs: iter([Fit(lambda g: (g + 1) % 10, "+1")]))
    task = make_task([([[1]], [[2]])], [[[1]]])
    got = list(HeuristicSolver([Rule("boom", boom), good]).solve(task, Deadline.after(5)))
    assert [c.provenance for c in got] == ["plus_one: +1"]


def test_an_expired_deadline_stops_the_solver_at_once():
    task = make_task([([[1]], [[2]])], [[[1]]])
    assert list(HeuristicSolver().solve(task, Deadline.after(0))) == []


def test_all_rules_are_quick_on_a_large_task():
    rng = np.random.default_rng(0)
    big = [(rng.integers(0, 10, (30, 30)).tolist(), rng.integers(0, 10, (30, 30)).tolist()) for _ in range(4)]
    task = make_task(big, [rng.integers(0, 10, (30, 30)).tolist()])
    d = Deadline.after(30)
    list(HeuristicSolver().solve(task, d))
    assert d.remaining() > 25, "the rules together took over 5 s on one 30x30 task"
