from solvers.heuristics.rules.symmetry_complete import RULE
from tests.heuristics.helpers import make_task, predictions

PIC_A = [[1, 2, 2, 1], [3, 4, 4, 3], [3, 4, 4, 3], [1, 2, 2, 1]]
PIC_B = [[5, 6, 6, 5], [6, 7, 7, 6], [6, 7, 7, 6], [5, 6, 6, 5]]
PIC_T = [[1, 3, 3, 1], [2, 5, 5, 2], [2, 5, 5, 2], [1, 3, 3, 1]]


def hide(pic, cells):
    out = [row[:] for row in pic]
    for r, c in cells:
        out[r][c] = 9
    return out


def test_fills_the_full_grid_and_the_hidden_region():
    full = make_task([(hide(PIC_A, [(0, 0), (1, 0)]), PIC_A), (hide(PIC_B, [(2, 3)]), PIC_B)],
                     [hide(PIC_T, [(3, 2), (3, 3)])])
    assert predictions(RULE, full) == [PIC_T]
    region = make_task([(hide(PIC_A, [(0, 0), (1, 0)]), [[1], [3]]), (hide(PIC_B, [(2, 3)]), [[6]])],
                       [hide(PIC_T, [(3, 2), (3, 3)])])
    assert predictions(RULE, region) == [[[3, 1]]]


def test_proposes_nothing_for_an_asymmetric_picture():
    pic = [[1, 2, 3], [4, 5, 6], [7, 8, 1]]
    task = make_task([(hide(pic, [(0, 0)]), pic)], [hide(pic, [(1, 1)])])
    assert predictions(RULE, task) == []
