from solvers.heuristics.rules.extend_rays import RULE
from tests.heuristics.helpers import make_task, predictions


def test_pixels_shoot_up_and_stop_at_obstacles():
    train = [([[0, 0, 0], [0, 0, 0], [0, 2, 0]], [[0, 2, 0], [0, 2, 0], [0, 2, 0]]),
             ([[0, 0, 5], [3, 0, 0], [0, 0, 0]], [[3, 0, 5], [3, 0, 0], [0, 0, 0]]),
             ([[0, 6, 0], [0, 0, 0], [0, 1, 0]], [[0, 6, 0], [0, 1, 0], [0, 1, 0]])]
    task = make_task(train, [[[0, 0, 0], [0, 0, 0], [7, 0, 4]]])
    assert [[7, 0, 4], [7, 0, 4], [7, 0, 4]] in predictions(RULE, task)


def test_proposes_nothing_for_scattered_changes():
    train = [([[0, 0, 0], [0, 2, 0], [0, 0, 0]], [[0, 0, 3], [0, 2, 0], [3, 0, 0]]),
             ([[0, 0, 0], [0, 0, 0], [0, 0, 2]], [[0, 3, 0], [0, 0, 0], [0, 0, 2]])]
    task = make_task(train, [[[2, 0, 0], [0, 0, 0], [0, 0, 0]]])
    assert predictions(RULE, task) == []
