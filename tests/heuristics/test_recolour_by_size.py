from solvers.heuristics.rules.recolour_by_size import RULE
from tests.heuristics.helpers import make_task, predictions


def test_size_picks_the_colour():
    train = [([[5, 5, 0, 5], [0, 0, 0, 0], [5, 5, 5, 0]], [[2, 2, 0, 1], [0, 0, 0, 0], [3, 3, 3, 0]]),
             ([[5, 0, 5, 5], [0, 0, 0, 0], [0, 5, 5, 5]], [[1, 0, 2, 2], [0, 0, 0, 0], [0, 3, 3, 3]])]
    task = make_task(train, [[[5, 5, 5, 0], [0, 0, 0, 5], [5, 5, 0, 0]]])
    assert predictions(RULE, task)[0] == [[3, 3, 3, 0], [0, 0, 0, 1], [2, 2, 0, 0]]


def test_proposes_nothing_when_equal_sizes_get_different_colours():
    train = [([[5, 0, 5]], [[1, 0, 2]]), ([[5, 0, 5]], [[2, 0, 1]])]
    task = make_task(train, [[[5, 0, 0]]])
    assert predictions(RULE, task) == []
