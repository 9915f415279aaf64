from solvers.heuristics.rules.upscale import RULE
from tests.heuristics.helpers import make_task, predictions


def test_fixed_factors_per_axis():
    task = make_task([([[1, 2]], [[1, 1, 1, 2, 2, 2], [1, 1, 1, 2, 2, 2]])], [[[3], [4]]])
    assert predictions(RULE, task) == [[[3, 3, 3], [3, 3, 3], [4, 4, 4], [4, 4, 4]]]


def test_factor_is_the_number_of_colours():
    task = make_task([([[1, 0]], [[1, 0]]), ([[1, 2]], [[1, 1, 2, 2], [1, 1, 2, 2]])],
                     [[[1, 2, 3]]])
    out = [[1] * 3 + [2] * 3 + [3] * 3] * 3
    assert out in predictions(RULE, task)


def test_refuses_when_blocks_are_not_uniform():
    task = make_task([([[1]], [[1, 2]])], [[[1]]])
    assert predictions(RULE, task) == []
