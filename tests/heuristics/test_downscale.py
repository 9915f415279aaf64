from solvers.heuristics.rules.downscale import RULE
from tests.heuristics.helpers import make_task, predictions


def test_uniform_blocks():
    i = [[1, 1, 2, 2], [1, 1, 2, 2]]
    task = make_task([(i, [[1, 2]]), ([[3, 3], [3, 3], [0, 0], [0, 0]], [[3], [0]])], [[[4, 4, 5, 5], [4, 4, 5, 5]]])
    assert predictions(RULE, task) == [[[4, 5]]]


def test_noisy_blocks_take_the_mode():
    i = [[1, 1, 0, 2, 2, 2], [1, 9, 1, 2, 9, 2], [1, 1, 1, 2, 2, 2]]
    task = make_task([(i, [[1, 2]])], [[[3, 3, 3, 0, 4, 4], [3, 3, 3, 4, 4, 4], [3, 0, 3, 4, 4, 4]]])
    assert predictions(RULE, task) == [[[3, 4]]]


def test_cells_between_separator_lines():
    i = [[1, 5, 0, 0], [5, 5, 5, 5], [0, 5, 2, 2]]
    task = make_task([(i, [[1, 0], [0, 2]])], [[[0, 0, 5, 3], [5, 5, 5, 5], [4, 4, 5, 0]]])
    assert predictions(RULE, task) == [[[0, 3], [4, 0]]]


def test_refuses_when_no_reduction_explains_the_output():
    task = make_task([([[1, 1], [1, 1]], [[2]])], [[[1, 1], [1, 1]]])
    assert predictions(RULE, task) == []
