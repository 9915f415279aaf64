"""The learned overlay of parts: layouts, precedence orders read off the train pairs, refusals."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_parts import GRIDS, PARTS_COST, cut, learn_parts, stack
from solvers.dsl.search import Search, SearchConfig

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

RNG = np.random.default_rng(3)


def parts_grid(parts: list[np.ndarray], ny: int, nx: int, sep: int | tuple[int, int],
               sep_colour: int = 5) -> np.ndarray:
    """The grid that `cut` must take apart again: the parts in reading order, separator lines between
    (or, for -1, later parts over the line they share with earlier ones)."""
    sy, sx = (sep, sep) if isinstance(sep, int) else sep
    ph, pw = parts[0].shape
    g = np.full((ny * ph + (ny - 1) * sy, nx * pw + (nx - 1) * sx), sep_colour, dtype=np.uint8)
    for k, p in enumerate(parts):
        i, j = divmod(k, nx)
        g[i * (ph + sy):i * (ph + sy) + ph, j * (pw + sx):j * (pw + sx) + pw] = p
    return g


def random_parts(k: int, h: int, w: int) -> list[np.ndarray]:
    # part k uses colour k + 1 only, so which part wins a cell is visible in the output
    return [(RNG.random((h, w)) < 0.4).astype(np.uint8) * (i + 1) for i in range(k)]


@pytest.mark.parametrize(("ny", "nx"), GRIDS)
@pytest.mark.parametrize("sep", [(0, 0), (1, 1), (0, 1), (1, 0)])
def test_cut_takes_apart_what_the_parts_make(ny, nx, sep):
    parts = random_parts(ny * nx, 3, 4)
    back = cut(parts_grid(parts, ny, nx, sep), ny, nx, sep)
    assert back is not None and all(np.array_equal(a, b) for a, b in zip(back, parts))


def test_cut_with_a_shared_line():
    g = np.arange(35, dtype=np.uint8).reshape(5, 7)
    parts = cut(g, 2, 2, (-1, 1))  # rows 0-2 and 2-4 share row 2; columns 0-2 and 4-6, column 3 between
    assert parts is not None and [p.shape for p in parts] == [(3, 3)] * 4
    assert parts[0][2].tolist() == parts[2][0].tolist() == g[2, 0:3].tolist()
    assert parts[3].tolist() == g[2:5, 4:7].tolist()


def test_cut_refuses_a_shape_that_does_not_divide():
    assert cut(np.zeros((5, 4), np.uint8), 2, 1, (0, 0)) is None
    assert cut(np.zeros((4, 4), np.uint8), 2, 1, (1, 1)) is None
    assert cut(np.zeros((1, 4), np.uint8), 2, 1, (-1, 0)) is None  # one shared row is no two parts


def test_stack_gives_the_first_part_in_the_order_precedence():
    a, b = np.array([[1, 0], [0, 0]], np.uint8), np.array([[2, 2], [0, 2]], np.uint8)
    assert stack([a, b], (0, 1)).tolist() == [[1, 2], [0, 2]]
    assert stack([a, b], (1, 0)).tolist() == [[2, 2], [0, 2]]


def test_a_precedence_order_is_learned_and_applied_to_a_test_grid_of_another_size():
    order = (2, 0, 1)
    train = [random_parts(3, 4, 4) for _ in range(3)]
    test = random_parts(3, 5, 3)
    grids = [parts_grid(p, 1, 3, 1) for p in (*train, test)]
    found = learn_parts(grids, [stack(p, order) for p in train], 3)
    assert found and found[0].name == "overlay_parts(1x3,sep,201)" and found[0].cost == PARTS_COST
    assert np.array_equal(found[0].tests[0], stack(test, order))


def test_every_order_that_fits_with_a_new_answer_is_offered_up_to_two():
    # the train parts never overlap, so every order fits; the test's parts do, so orders disagree
    train = [[np.array([[1, 0]], np.uint8), np.array([[0, 2]], np.uint8)] for _ in range(2)]
    test = [np.array([[1, 1]], np.uint8), np.array([[2, 2]], np.uint8)]
    grids = [parts_grid(p, 2, 1, 0) for p in (*train, test)]
    found = learn_parts(grids, [stack(p, (0, 1)) for p in train], 2)
    assert [f.tests[0].tolist() for f in found] == [[[1, 1]], [[2, 2]]]


def test_nothing_is_learned_when_no_order_or_no_layout_fits():
    train = [random_parts(2, 3, 3) for _ in range(2)]
    grids = [parts_grid(p, 1, 2, 0) for p in train] + [parts_grid(random_parts(2, 3, 3), 1, 2, 0)]
    xor = [np.where((p[0] != 0) ^ (p[1] != 0), 7, 0).astype(np.uint8) for p in train]
    assert learn_parts(grids, xor, 2) == []
    assert learn_parts(grids, [np.zeros((2, 2), np.uint8)] * 2, 2) == []


def test_the_search_learns_an_overlay_of_parts_at_the_root():
    order = (3, 1, 0, 2)
    train = [random_parts(4, 3, 3) for _ in range(3)]
    test = random_parts(4, 3, 3)
    grids = [parts_grid(p, 2, 2, 0) for p in (*train, test)]
    outs = [stack(p, order) for p in train]
    search = Search([], grids[:3], outs, grids[3:], SearchConfig(max_depth=1))
    full = [f for f in search.run(Deadline.after(5)) if f.matched == f.n_train]
    assert full and full[0].program == ("overlay_parts(2x2,3102)",)
    assert np.array_equal(full[0].tests[0], stack(test, order))
