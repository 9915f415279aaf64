from solvers.heuristics.rules.outline import RULE
from tests.heuristics.helpers import make_task, predictions


def block(h, w, top, left, size, colour, inner=None):
    g = [[0] * w for _ in range(h)]
    for r in range(top, top + size):
        for c in range(left, left + size):
            edge = r in (top, top + size - 1) or c in (left, left + size - 1)
            g[r][c] = colour if edge or inner is None else inner
    return g


def test_paints_the_interior_of_filled_squares():
    train = [(block(5, 5, 0, 0, 3, 1), block(5, 5, 0, 0, 3, 1, 2)),
             (block(6, 6, 1, 1, 4, 3), block(6, 6, 1, 1, 4, 3, 2))]
    task = make_task(train, [block(6, 6, 0, 1, 5, 7)])
    assert block(6, 6, 0, 1, 5, 7, 2) in predictions(RULE, task)


def test_draws_a_halo():
    train = [([[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[0, 4, 0], [4, 1, 4], [0, 4, 0]]),
             ([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]], [[0, 0, 0, 0], [0, 0, 0, 4], [0, 0, 4, 2]])]
    task = make_task(train, [[[3, 0, 0], [0, 0, 0], [0, 0, 0]]])
    assert predictions(RULE, task) == [[[3, 4, 0], [4, 0, 0], [0, 0, 0]]]


def test_proposes_nothing_when_changes_are_not_outlines():
    train = [([[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[4, 0, 0], [0, 1, 0], [0, 0, 0]])]
    task = make_task(train, [[[0, 0, 0], [0, 0, 0], [0, 0, 1]]])
    assert predictions(RULE, task) == []
