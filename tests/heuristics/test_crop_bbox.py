from solvers.heuristics.rules.crop_bbox import RULE
from tests.heuristics.helpers import make_task, predictions


def test_crops_to_the_non_black_cells():
    task = make_task([([[0, 0, 0], [0, 1, 2], [0, 0, 3]], [[1, 2], [0, 3]])],
                     [[[4, 0, 0], [0, 5, 0], [0, 0, 0]]])
    assert predictions(RULE, task)[0] == [[4, 0], [0, 5]]


def test_crops_inside_a_frame():
    i = [[0, 0, 0, 0, 0], [0, 8, 8, 8, 8], [0, 8, 1, 2, 8], [0, 8, 8, 8, 8]]
    t = [[8, 8, 8, 0], [8, 3, 8, 0], [8, 8, 8, 0], [0, 0, 0, 0]]
    task = make_task([(i, [[1, 2]])], [t])
    assert [[3]] in predictions(RULE, task)


def test_refuses_when_the_output_is_not_the_box():
    task = make_task([([[0, 1, 0], [0, 0, 0]], [[1, 1]])], [[[0, 1]]])
    assert predictions(RULE, task) == []
