"""The learned self-similar product: block makers, tables read off the train pairs, refusals, search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_kron import BLOCKS, KEY_COSTS, KEYS, kron, learn_kron, make_block
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

G = np.array([[1, 0], [1, 2]], dtype=np.uint8)  # commonest colour 1


@pytest.mark.parametrize(("name", "expected"), [
    ("empty", [[0, 0], [0, 0]]),
    ("copy", [[1, 0], [1, 2]]),
    ("paint_nonzero", [[7, 0], [7, 7]]),
    ("paint_zero", [[0, 7], [0, 0]]),
    ("solid", [[7, 7], [7, 7]]),
    ("paint_common", [[7, 0], [7, 0]]),
    ("paint_rare", [[0, 7], [0, 7]]),
])
def test_each_block_maker(name, expected):
    assert make_block(G, 7, BLOCKS.index(name), 0).tolist() == expected


def test_block_makers_paint_on_the_ground_colour():
    assert make_block(G, 7, BLOCKS.index("empty"), 3).tolist() == [[3, 3], [3, 3]]
    assert make_block(G, 7, BLOCKS.index("paint_zero"), 3).tolist() == [[3, 7], [3, 3]]


def random_grid(h: int, w: int, colours: int = 3, rng: np.random.Generator | None = None) -> np.ndarray:
    rng = rng or np.random.default_rng(0)
    return rng.integers(0, colours + 1, (h, w)).astype(np.uint8)


@pytest.mark.parametrize(("kind", "choose"), [
    (0, {0: BLOCKS.index("empty"), 1: BLOCKS.index("copy")}),  # the classic self-similar fractal
    (0, {0: BLOCKS.index("copy"), 1: BLOCKS.index("empty")}),
    (1, {0: BLOCKS.index("empty"), 1: BLOCKS.index("paint_rare")}),
    (2, {0: BLOCKS.index("empty"), 1: BLOCKS.index("solid"), 2: BLOCKS.index("paint_zero"),
         3: BLOCKS.index("copy")}),
])
def test_the_learned_table_remakes_the_outputs(kind, choose):
    rng = np.random.default_rng(kind)
    grids = [random_grid(3, 3, rng=rng) for _ in range(4)]
    for g in grids:  # every key in every grid, so the colour key has no unseen case
        g[0, :] = [0, 1, 2]
        g[1, 0] = 3
    outputs = [kron(g, choose, kind, 0) for g in grids[:3]]
    found = learn_kron(grids, outputs, 3)
    mine = [f for f in found if f.name.startswith(f"kron({KEYS[kind]};")]
    expected = kron(grids[3], choose, kind, 0)
    # a simpler key may explain the same pairs first; then it must give the same answer
    assert mine or any(np.array_equal(f.tests[0], expected) for f in found)
    for f in mine:
        assert f.cost == KEY_COSTS[kind]
        assert np.array_equal(f.tests[0], expected)


def test_no_answer_for_a_test_colour_never_seen_in_training():
    choose = {0: BLOCKS.index("empty"), 1: BLOCKS.index("copy"), 2: BLOCKS.index("solid")}
    grids = [np.array([[1, 0], [2, 1]], np.uint8), np.array([[2, 2], [0, 1]], np.uint8),
             np.array([[5, 0], [1, 1]], np.uint8)]
    outputs = [kron(g, choose, 2, 0) for g in grids[:2]]
    assert all(not f.name.startswith("kron(colour;") for f in learn_kron(grids, outputs, 2))


def test_no_answer_when_a_block_fits_no_maker():
    grids = [random_grid(3, 3), random_grid(3, 3)]
    out = np.zeros((9, 9), np.uint8)
    out[0, 0] = 9  # one stray cell: no maker makes that block
    assert learn_kron(grids, [out], 1) == []


def test_the_search_finds_a_product_at_the_root():
    choose = {0: BLOCKS.index("empty"), 1: BLOCKS.index("paint_zero")}
    rng = np.random.default_rng(8)
    grids = [random_grid(3, 3, 1, rng) * 4 for _ in range(3)]
    outputs = [kron(g, choose, 0, 0) for g in grids[:2]]
    search = Search(build_table(("geometry",)), grids[:2], outputs, grids[2:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program[-1].startswith("kron(")
    assert np.array_equal(found.tests[0], kron(grids[2], choose, 0, 0))
