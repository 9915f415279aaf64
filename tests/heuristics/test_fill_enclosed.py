from solvers.heuristics.rules.fill_enclosed import RULE
from tests.heuristics.helpers import make_task, predictions

RING = [[0, 0, 0, 0, 0], [0, 1, 1, 1, 0], [0, 1, 0, 1, 0], [0, 1, 1, 1, 0], [0, 0, 0, 0, 0]]


def test_fills_holes_not_open_to_the_border():
    out = [row[:] for row in RING]
    out[2][2] = 4
    opened = [row[:] for row in RING]
    opened[1][2] = 0
    task = make_task([(RING, out), (opened, opened)],
                     [[[2, 2, 2, 0], [2, 0, 2, 0], [2, 0, 2, 0], [2, 2, 2, 0]]])
    assert predictions(RULE, task) == [[[2, 2, 2, 0], [2, 4, 2, 0], [2, 4, 2, 0], [2, 2, 2, 0]]]


def test_proposes_nothing_when_open_cells_are_filled_too():
    out = [[4] * 5 for _ in range(5)]
    for r in range(1, 4):
        for c in range(1, 4):
            out[r][c] = RING[r][c] or 4
    task = make_task([(RING, out)], [RING])
    assert predictions(RULE, task) == []
