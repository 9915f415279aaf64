from solvers.heuristics.rules.split_overlay import RULE
from tests.heuristics.helpers import make_task, predictions


def test_learns_xor_of_parts_cut_by_a_separator():
    # left | right with a column of 5 between; output 3 where exactly one side is set
    train = [
        ([[1, 0, 5, 2, 2], [0, 0, 5, 0, 2]], [[0, 3], [0, 3]]),
        ([[1, 1, 5, 0, 2], [1, 0, 5, 0, 0]], [[3, 0], [3, 0]]),
    ]
    task = make_task(train, [[[0, 1, 5, 0, 2], [1, 1, 5, 0, 2]]])
    assert predictions(RULE, task) == [[[0, 0], [3, 0]]]


def test_learns_and_of_halves_without_separator():
    train = [
        ([[1, 0], [1, 1], [2, 2], [0, 2]], [[4, 0], [0, 4]]),
        ([[0, 1], [0, 0], [2, 2], [2, 0]], [[0, 4], [0, 0]]),
    ]
    task = make_task(train, [[[1, 1], [0, 1], [2, 0], [2, 2]]])
    assert predictions(RULE, task) == [[[4, 0], [0, 4]]]


def test_proposes_nothing_when_the_output_is_not_cell_wise():
    train = [([[1, 0, 5, 2, 0]], [[3, 3]]), ([[0, 1, 5, 0, 2]], [[0, 0]]), ([[1, 0, 5, 0, 2]], [[3, 0]])]
    task = make_task(train, [[[1, 1, 5, 2, 2]]])
    assert predictions(RULE, task) == []
