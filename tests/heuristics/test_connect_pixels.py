from solvers.heuristics.rules.connect_pixels import RULE
from tests.heuristics.helpers import make_task, predictions


def test_joins_pairs_in_rows_and_columns_in_their_colour():
    train = [([[1, 0, 0, 1], [0, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0]],
              [[1, 1, 1, 1], [0, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0]]),
             ([[0, 3, 0, 0], [0, 0, 0, 0], [0, 3, 0, 4], [0, 0, 0, 0]],
              [[0, 3, 0, 0], [0, 3, 0, 0], [0, 3, 0, 4], [0, 0, 0, 0]])]
    task = make_task(train, [[[5, 0, 0, 0], [0, 0, 0, 0], [5, 0, 6, 6], [0, 0, 0, 0]]])
    assert predictions(RULE, task) == [[[5, 0, 0, 0], [5, 0, 0, 0], [5, 0, 6, 6], [0, 0, 0, 0]]]


def test_proposes_nothing_when_pairs_are_left_apart():
    train = [([[1, 0, 0, 1]], [[1, 0, 0, 1]]), ([[2, 0, 0, 2]], [[2, 2, 0, 2]])]
    task = make_task(train, [[[3, 0, 0, 3]]])
    assert predictions(RULE, task) == []
