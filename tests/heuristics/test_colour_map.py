from solvers.heuristics.rules.colour_map import RULE
from tests.heuristics.helpers import make_task, predictions


def test_learns_a_swap_and_keeps_unseen_colours():
    task = make_task(
        [([[1, 2], [2, 0]], [[2, 1], [1, 0]]), ([[1, 1, 0]], [[2, 2, 0]])],
        [[[2, 0, 5], [1, 1, 1]]],
    )
    assert predictions(RULE, task) == [[[1, 0, 5], [2, 2, 2]]]


def test_refuses_when_a_colour_maps_two_ways():
    task = make_task([([[1, 1]], [[2, 3]])], [[[1]]])
    assert predictions(RULE, task) == []


def test_refuses_shape_change_and_identity():
    assert predictions(RULE, make_task([([[1]], [[1, 1]])], [[[1]]])) == []
    assert predictions(RULE, make_task([([[1, 2]], [[1, 2]])], [[[1]]])) == []
