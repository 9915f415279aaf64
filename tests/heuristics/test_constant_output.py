from solvers.heuristics.rules.constant_output import RULE
from tests.heuristics.helpers import make_task, predictions


def test_proposes_the_shared_output():
    task = make_task([([[1, 2]], [[7]]), ([[3], [4]], [[7]])], [[[5, 5]]])
    assert predictions(RULE, task) == [[[7]]]


def test_refuses_differing_outputs_and_a_single_pair():
    assert predictions(RULE, make_task([([[1]], [[7]]), ([[2]], [[8]])], [[[1]]])) == []
    assert predictions(RULE, make_task([([[1]], [[7]])], [[[1]]])) == []
