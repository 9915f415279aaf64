from solvers.heuristics.rules.most_common_object import RULE
from tests.heuristics.helpers import make_task, predictions


def test_crops_the_most_frequent_object():
    i1 = [[1, 0, 1, 0, 2, 2], [1, 0, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0], [3, 0, 0, 0, 1, 0]]
    i2 = [[4, 4, 0, 4, 4], [0, 0, 0, 0, 0], [4, 4, 0, 5, 0]]
    t = [[6, 0, 6, 0, 7], [6, 0, 6, 0, 7], [0, 0, 0, 0, 7]]
    task = make_task([(i1, [[1], [1]]), (i2, [[4, 4]])], [t])
    assert predictions(RULE, task)[0] == [[6], [6]]


def test_crops_the_odd_one_out():
    i1 = [[1, 1, 0, 1, 1, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 0, 0, 0, 0, 0, 0]]
    i2 = [[2, 0, 2, 0, 2, 2], [2, 0, 2, 0, 0, 0], [0, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0]]
    t = [[3, 0, 3, 3, 3], [0, 0, 0, 0, 0], [3, 0, 3, 0, 3]]
    task = make_task([(i1, [[1], [1]]), (i2, [[2, 2]])], [t])
    assert [[3, 3, 3]] in predictions(RULE, task)


def test_refuses_when_all_objects_differ_and_none_is_the_output():
    task = make_task([([[1, 0, 2, 2]], [[3]])], [[[1, 0, 2]]])
    assert predictions(RULE, task) == []
