from solvers.heuristics.rules.tile import RULE
from tests.heuristics.helpers import make_task, predictions


def test_plain_tiling():
    task = make_task([([[1, 2]], [[1, 2, 1, 2], [1, 2, 1, 2]]), ([[3, 0]], [[3, 0, 3, 0], [3, 0, 3, 0]])],
                     [[[5, 6]]])
    assert predictions(RULE, task) == [[[5, 6, 5, 6], [5, 6, 5, 6]]]


def test_mirror_tiling():
    # right block is the left-right mirror, bottom row the upside-down copy
    i = [[1, 2], [3, 4]]
    o = [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]
    task = make_task([(i, o), ([[5, 0], [0, 0]], [[5, 0, 0, 5], [0, 0, 0, 0], [0, 0, 0, 0], [5, 0, 0, 5]])],
                     [[[7, 8], [9, 0]]])
    assert predictions(RULE, task) == [[[7, 8, 8, 7], [9, 0, 0, 9], [9, 0, 0, 9], [7, 8, 8, 7]]]


def test_refuses_when_a_block_is_not_a_transform():
    task = make_task([([[1, 2]], [[1, 2, 3, 3]])], [[[1, 2]]])
    assert predictions(RULE, task) == []


def test_refuses_inconsistent_block_counts():
    task = make_task([([[1]], [[1, 1]]), ([[2]], [[2, 2, 2]])], [[[3]]])
    assert predictions(RULE, task) == []
