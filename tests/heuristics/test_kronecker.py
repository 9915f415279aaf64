from solvers.heuristics.rules.kronecker import RULE
from tests.heuristics.helpers import make_task, predictions


def _kron(i, marked):
    h, w = len(i), len(i[0])
    return [[i[r % h][c % w] if marked(i[r // h][c // w]) else 0 for c in range(w * w)] for r in range(h * h)]


def test_copies_at_foreground_cells():
    a, b, t = [[1, 0], [0, 1]], [[2, 2], [0, 2]], [[0, 3], [3, 3]]
    task = make_task([(a, _kron(a, bool)), (b, _kron(b, bool))], [t])
    assert predictions(RULE, task) == [_kron(t, bool)]


def test_copies_at_cells_of_one_colour():
    a, b, t = [[1, 2], [2, 0]], [[2, 1], [0, 1]], [[0, 2], [1, 2]]
    two = lambda v: v == 2  # noqa: E731
    task = make_task([(a, _kron(a, two)), (b, _kron(b, two))], [t])
    assert _kron(t, two) in predictions(RULE, task)


def test_refuses_other_outputs_of_the_same_size():
    a = [[1, 0], [0, 1]]
    task = make_task([(a, [[1] * 4] * 4)], [a])
    assert predictions(RULE, task) == []
