from solvers.heuristics.rules.gravity import RULE
from tests.heuristics.helpers import make_task, predictions


def test_cells_fall_down():
    train = [([[1, 0], [0, 2], [0, 0]], [[0, 0], [0, 0], [1, 2]]),
             ([[3, 3], [0, 0], [4, 0]], [[0, 0], [3, 0], [4, 3]])]
    task = make_task(train, [[[0, 5], [6, 0], [0, 0]]])
    assert predictions(RULE, task) == [[[0, 0], [0, 0], [6, 5]]]


def test_rigid_objects_fall_left():
    # the 2-cell bar keeps its shape: it stops where its first cell is blocked
    train = [([[0, 0, 1], [0, 1, 1], [0, 0, 0]], [[1, 0, 0], [1, 1, 0], [0, 0, 0]]),
             ([[0, 0, 2], [0, 0, 0], [0, 3, 0]], [[2, 0, 0], [0, 0, 0], [3, 0, 0]]),
             ([[0, 4, 0], [0, 4, 4], [0, 0, 0]], [[4, 0, 0], [4, 4, 0], [0, 0, 0]])]
    task = make_task(train, [[[0, 0, 5], [0, 5, 5], [0, 0, 6]]])
    assert [[5, 0, 0], [5, 5, 0], [6, 0, 0]] in predictions(RULE, task)


def test_proposes_nothing_when_cells_do_not_fall():
    task = make_task([([[1, 0], [0, 0]], [[0, 0], [0, 1]]), ([[0, 2], [0, 0]], [[0, 0], [2, 0]])], [[[3, 0], [0, 0]]])
    assert predictions(RULE, task) == []
