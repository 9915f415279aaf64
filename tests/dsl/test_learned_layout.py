"""The learned layout of symmetries: arrangements read off the train pairs, refusals, and the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_layout import EMPTY, LAYOUT_COST, SYMMETRIES, arrange, block, learn_layout, ratio
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

RNG = np.random.default_rng(5)


def random_grid(h: int, w: int) -> np.ndarray:
    return (RNG.random((h, w)) < 0.5).astype(np.uint8) * RNG.integers(1, 10, (h, w)).astype(np.uint8)


@pytest.mark.parametrize("k", range(len(SYMMETRIES)))
def test_each_symmetry_is_undone_by_its_inverse(k):
    g = random_grid(4, 4)
    # every symmetry of the square is a bijection of the dihedral group: applying it until it comes
    # back to `g` takes at most 4 steps, and never leaves the shape
    t, steps = block(g, k), 1
    while not np.array_equal(t, g):
        t, steps = block(t, k), steps + 1
        assert steps <= 4
    assert len({block(g, j).tobytes() for j in range(len(SYMMETRIES))}) == len(SYMMETRIES)


def test_a_non_square_grid_has_only_the_shape_keeping_symmetries():
    g = random_grid(2, 3)
    kept = [SYMMETRIES[k][0] for k in range(len(SYMMETRIES)) if block(g, k) is not None]
    assert kept == ["id", "flip_lr", "flip_ud", "rot180"]
    assert not block(g, EMPTY).any() and block(g, EMPTY).shape == g.shape


def test_ratio_needs_one_multiple_in_every_pair():
    a, b = np.zeros((2, 3)), np.zeros((3, 3))
    assert ratio([a, b], [np.zeros((4, 9)), np.zeros((6, 9))]) == (2, 3)
    assert ratio([a, b], [np.zeros((4, 9)), np.zeros((6, 6))]) is None  # two different multiples
    assert ratio([a], [np.zeros((3, 3))]) is None  # not a multiple
    assert ratio([a], [np.zeros((2, 3))]) is None  # one block is not a layout


@pytest.mark.parametrize("choice", [(0, 1, 2, 3), (0, 5, 3, 6), (4, EMPTY, EMPTY, 7), (1, 0, 2, 3, 0, 1)])
def test_the_learned_layout_is_the_one_that_made_the_outputs(choice):
    a, b = (2, 2) if len(choice) == 4 else (2, 3)
    grids = [random_grid(3, 3) for _ in range(4)]  # three train inputs, one test input
    outputs = [arrange(g, a, b, choice) for g in grids[:3]]
    (step,) = learn_layout(grids, outputs, 3)
    assert step.cost == LAYOUT_COST
    assert np.array_equal(step.tests[0], arrange(grids[3], a, b, choice))
    names = ",".join("empty" if k == EMPTY else SYMMETRIES[k][0] for k in choice)
    assert step.name == f"layout({a}x{b}:{names})"


def test_no_layout_when_a_block_is_no_symmetry_of_the_input():
    grids = [random_grid(3, 3) for _ in range(3)]
    outputs = [arrange(g, 1, 2, (0, 1)) for g in grids[:2]]
    outputs[1][0, 4] = (outputs[1][0, 4] + 1) % 10  # one wrong cell in the second block
    assert learn_layout(grids, outputs, 2) == []


def test_no_answer_when_the_test_grid_cannot_take_the_symmetry():
    grids = [random_grid(3, 3), random_grid(3, 3), random_grid(2, 3)]  # a 2x3 test grid cannot be transposed
    outputs = [arrange(g, 1, 2, (0, 4)) for g in grids[:2]]
    assert learn_layout(grids, outputs, 2) == []


def test_the_search_finds_a_layout_at_the_root():
    choice = (0, 5, 6, 3)  # the four rotations: no table row makes this arrangement
    grids = [random_grid(3, 3) for _ in range(3)]
    outputs = [arrange(g, 2, 2, choice) for g in grids[:2]]
    search = Search(build_table(("geometry",)), grids[:2], outputs, grids[2:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program == ("layout(2x2:id,rot90,rot270,rot180)",)
    assert np.array_equal(found.tests[0], arrange(grids[2], 2, 2, choice))

