"""The learned cell rule: the split, the ranks, each action, the template choice, refusals, the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_cells import ACTIONS, act, learn_cells, ranks, split_cells
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


def board(cells: list[np.ndarray], per_row: int, sep: int = 5) -> np.ndarray:
    """Equal square cells laid out per_row to a row, with one-cell separator lines of colour sep."""
    n = cells[0].shape[0]
    rows = -(-len(cells) // per_row)
    g = np.full((rows * (n + 1) - 1, per_row * (n + 1) - 1), sep, dtype=np.uint8)
    for i, c in enumerate(cells):
        r, k = divmod(i, per_row)
        g[r * (n + 1):r * (n + 1) + n, k * (n + 1):k * (n + 1) + n] = c
    return g


def test_split_cells_finds_the_blocks_between_the_lines():
    g = board([np.zeros((2, 2), dtype=np.uint8)] * 6, 3)
    sep, cells = split_cells(g)
    assert sep == 5 and cells == [(0, 2, 0, 2), (0, 2, 3, 5), (0, 2, 6, 8), (3, 5, 0, 2), (3, 5, 3, 5), (3, 5, 6, 8)]
    assert split_cells(np.zeros((4, 4), dtype=np.uint8)) is None  # no lines
    two = np.zeros((7, 4), dtype=np.uint8)
    two[2, :], two[4, :] = 5, 6  # lines of two colours: not one split
    assert split_cells(two) is None
    across = g.copy()
    across[2, :] = 6  # a line of 6 breaks the columns of 5: the rows of 6 split alone
    assert split_cells(across) == (6, [(0, 2, 0, 8), (3, 5, 0, 8)])


def test_ranks():
    assert ranks([0, 4, 1, 2, 4, 1]) == [0, 1, 2, 3, 1, 2]
    assert ranks([0, 0]) == [0, 0]


def test_each_action():
    cell = np.array([[0, 3], [3, 0]], dtype=np.uint8)
    template = np.array([[1, 1], [0, 1]], dtype=np.uint8)
    results = {ACTIONS[a]: act(a, cell, template, 5) for a in range(len(ACTIONS))}
    assert results["keep"].tolist() == [[0, 3], [3, 0]]
    assert results["clear"].tolist() == [[0, 0], [0, 0]]
    assert results["fill"].tolist() == [[3, 3], [3, 3]]
    assert results["template"].tolist() == [[1, 1], [3, 1]]
    assert results["template_sep"].tolist() == [[5, 3], [3, 5]]
    assert act(ACTIONS.index("template"), cell, None, 5) is None  # no template
    assert act(ACTIONS.index("fill"), np.array([[1, 2]], dtype=np.uint8), template, 5) is None  # two colours


def random_cell(rng: np.random.Generator, k: int) -> np.ndarray:
    c = np.zeros((3, 3), dtype=np.uint8)
    c.ravel()[rng.choice(9, k, replace=False)] = int(rng.integers(1, 5))
    return c


def fullest_filled(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Cells with 1, 2 or 4 coloured cells; the output fills the fullest ones and clears the rest."""
    ks = [1, 2, 4, int(rng.integers(1, 3)), 4, 2]
    cells = [random_cell(rng, k) for k in ks]
    out = [np.full_like(c, c.max()) if k == 4 else np.zeros_like(c) for c, k in zip(cells, ks)]
    return board(cells, 3), board(out, 3)


def test_learns_fill_the_fullest_clear_the_rest():
    rng = np.random.default_rng(0)
    pairs = [fullest_filled(rng) for _ in range(3)]
    found = learn_cells([g for g, _ in pairs], [o for _, o in pairs[:2]], 2)
    assert [f.name for f in found] == ["cells(fullest:fill,emptiest:clear,other:clear)"]
    assert np.array_equal(found[0].tests[0], pairs[2][1])


@pytest.mark.parametrize("seed", [1, 2])
def test_learns_copy_the_one_filled_cell_everywhere(seed):
    rng = np.random.default_rng(seed)
    pairs = []
    for _ in range(3):
        cells = [np.zeros((3, 3), dtype=np.uint8) for _ in range(4)]
        t = random_cell(rng, 4)
        cells[int(rng.integers(0, 4))] = t
        pairs.append((board(cells, 2), board([t] * 4, 2)))
    found = learn_cells([g for g, _ in pairs], [o for _, o in pairs[:2]], 2)
    assert [f.name for f in found] == ["cells(empty:template;fullest)"]
    assert np.array_equal(found[0].tests[0], pairs[2][1])


def test_the_top_left_template_drawn_in_the_separator_colour():
    rng = np.random.default_rng(3)
    pairs = []
    for _ in range(3):
        t = random_cell(rng, 5)
        cells = [t] + [np.where(rng.random((3, 3)) < 0.5, t, 0).astype(np.uint8) for _ in range(3)]
        cells[3] = t.copy()  # a second full copy: the fullest cell is not unique, the first one is
        out = [t] + [np.where((c == 0) & (t != 0), 5, c).astype(np.uint8) for c in cells[1:]]
        pairs.append((board(cells, 2), board(out, 2)))
    found = learn_cells([g for g, _ in pairs], [o for _, o in pairs[:2]], 2)
    assert len(found) == 1 and found[0].name.endswith(";first)") and "template_sep" in found[0].name
    assert np.array_equal(found[0].tests[0], pairs[2][1])


def test_no_answer_when_the_separators_change_or_a_rank_is_unseen():
    rng = np.random.default_rng(4)
    pairs = [fullest_filled(rng) for _ in range(3)]
    grids = [g for g, _ in pairs]
    outputs = [o for _, o in pairs[:2]]
    moved = outputs[0].copy()
    moved[3, 0] = 0  # a separator cell changes
    assert learn_cells(grids, [moved, outputs[1]], 2) == []
    # a test with an empty cell, where no train grid had one
    test = grids[2].copy()
    test[0:3, 0:3] = 0
    assert learn_cells([*grids[:2], test], outputs, 2) == []


def test_the_search_finds_a_cell_rule_at_the_root():
    rng = np.random.default_rng(5)
    pairs = [fullest_filled(rng) for _ in range(3)]
    search = Search(build_table(("geometry",)), [g for g, _ in pairs[:2]], [o for _, o in pairs[:2]],
                    [pairs[2][0]], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program[-1].startswith("cells(")
    assert np.array_equal(found.tests[0], pairs[2][1])
