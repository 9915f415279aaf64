from solvers.heuristics.rules.dihedral import RULE
from tests.heuristics.helpers import make_task, predictions


def test_learns_a_rotation():
    # rot90 counter-clockwise: the right column becomes the top row
    task = make_task([([[1, 2], [3, 4]], [[2, 4], [1, 3]]), ([[5, 0, 0]], [[0], [0], [5]])],
                     [[[1, 2, 3]]])
    assert predictions(RULE, task) == [[[3], [2], [1]]]


def test_learns_a_flip_on_non_square_grids():
    task = make_task([([[1, 2, 3], [4, 5, 6]], [[3, 2, 1], [6, 5, 4]])], [[[7, 8]]])
    assert predictions(RULE, task) == [[[8, 7]]]


def test_refuses_identity_and_non_transforms():
    assert predictions(RULE, make_task([([[1, 2]], [[1, 2]])], [[[3]]])) == []
    assert predictions(RULE, make_task([([[1, 2], [3, 4]], [[1, 1], [3, 4]])], [[[3]]])) == []
