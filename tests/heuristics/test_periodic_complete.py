from solvers.heuristics.rules.periodic_complete import RULE
from tests.heuristics.helpers import make_task, predictions


def tiling(tile, h, w):
    return [[tile[r % len(tile)][c % len(tile[0])] for c in range(w)] for r in range(h)]


def hide(pic, cells):
    out = [row[:] for row in pic]
    for r, c in cells:
        out[r][c] = 0
    return out


def test_refills_a_tiling_whole_or_just_the_hole():
    a, b, t = tiling([[1, 2], [3, 4]], 6, 6), tiling([[5, 6, 7]], 6, 6), tiling([[2, 3, 4]], 5, 6)
    full = make_task([(hide(a, [(2, 2), (2, 3)]), a), (hide(b, [(4, 4)]), b)], [hide(t, [(0, 0), (1, 0)])])
    assert predictions(RULE, full) == [t]
    region = make_task([(hide(a, [(2, 2), (2, 3)]), [[1, 2]]), (hide(b, [(4, 4)]), [[6]])],
                       [hide(t, [(0, 0), (1, 0)])])
    assert predictions(RULE, region) == [[[2], [2]]]


def test_proposes_nothing_without_a_period():
    pic = [[1, 2, 3, 4], [5, 6, 7, 8], [2, 4, 6, 8], [1, 3, 5, 7]]
    task = make_task([(hide(pic, [(1, 1)]), pic)], [hide(pic, [(2, 2)])])
    assert predictions(RULE, task) == []
