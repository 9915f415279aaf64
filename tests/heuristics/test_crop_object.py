from solvers.heuristics.rules.crop_object import RULE
from tests.heuristics.helpers import make_task, predictions


def test_crops_the_largest_object():
    i1 = [[1, 1, 0, 0, 0], [1, 1, 0, 2, 0], [1, 0, 0, 0, 0], [0, 0, 0, 3, 3]]
    i2 = [[0, 0, 0, 0], [4, 0, 5, 5], [0, 0, 5, 0], [6, 6, 0, 0]]
    t = [[0, 7, 0, 0], [7, 7, 7, 0], [0, 7, 0, 0], [0, 0, 0, 8]]
    task = make_task([(i1, [[1, 1], [1, 1], [1, 0]]), (i2, [[5, 5], [5, 0]])], [t])
    assert predictions(RULE, task)[0] == [[0, 7, 0], [7, 7, 7], [0, 7, 0]]


def test_crops_the_object_with_a_unique_colour():
    i1 = [[2, 0, 2, 0, 3, 3], [2, 0, 2, 0, 3, 3]]
    i2 = [[4, 4, 0, 1], [0, 0, 0, 1], [4, 4, 0, 0]]
    t = [[6, 0, 5], [0, 0, 0], [6, 0, 6]]
    task = make_task([(i1, [[3, 3], [3, 3]]), (i2, [[1], [1]])], [t])
    assert [[5]] in predictions(RULE, task)


def test_refuses_when_no_object_is_the_output():
    task = make_task([([[1, 0], [0, 2]], [[3]])], [[[1]]])
    assert predictions(RULE, task) == []
