"""The learned source recolouring: each source, the keys, the erase mode, refusals, and the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_source import NONE, SOURCES, learn_source, objects
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


def source(name: str):
    return dict(SOURCES)[name]


def scene() -> np.ndarray:
    """A 5-bar in the top left, a 3-pixel right of it in the same rows, a 2x2 block of 5s below, a
    pixel of 4 under that in the same columns, and a lone 2x2 block of 6s far right."""
    g = np.zeros((9, 10), dtype=np.uint8)
    g[0, 0:3] = 5
    g[0, 5] = 3
    g[3:5, 0:2] = 5
    g[7, 1] = 4
    g[6:8, 8:10] = 6
    return g


def colours_by_object(name: str, g: np.ndarray) -> list[tuple[int, int]]:
    _, objs = objects(g, 0)
    return list(zip([ob.colour for ob in objs], source(name)(g, objs)))


def test_every_source_has_a_case():
    assert [n for n, _ in SOURCES] == ["nearest", "cols", "rows", "same_shape", "touching", "in_box", "rarest"]


def test_nearest_rows_and_cols():
    g = scene()
    # label order is reading order: the bar, the 3, the 5-block, the 4, the 6-block
    assert colours_by_object("nearest", g) == [(5, 3), (3, 5), (5, 4), (6, 4), (4, 5)]
    assert colours_by_object("rows", g) == [(5, 3), (3, 5), (5, NONE), (6, 4), (4, 6)]
    assert colours_by_object("cols", g) == [(5, 4), (3, NONE), (5, 4), (6, NONE), (4, 5)]


def test_same_shape_touching_in_box_and_rarest():
    g = np.zeros((7, 7), dtype=np.uint8)
    g[0:2, 0:2] = 1  # a 2x2 of 1 with a 3 touching its corner
    g[2, 2] = 3
    g[4:6, 4:6] = 2  # a 2x2 of 2: the same shape as the 1s
    g[0, 5], g[0, 6], g[1, 5] = 4, 4, 4  # an L of 4 whose box holds a 3
    g[1, 6] = 3
    # reading order: the 1s, the 4s, the 3 in the L's box, the 3 at the 1s' corner, the 2s; the two
    # 3s share a shape but not another colour
    assert colours_by_object("same_shape", g) == [(1, 2), (4, NONE), (3, NONE), (3, NONE), (2, 1)]
    assert colours_by_object("touching", g) == [(1, 3), (4, 3), (3, 4), (3, 1), (2, NONE)]
    assert colours_by_object("in_box", g) == [(1, NONE), (4, 3), (3, NONE), (3, NONE), (2, NONE)]
    # cells: 1 and 2 have 4 each, 4 has 3, 3 has 2: 3 is the rarest
    assert colours_by_object("rarest", g) == [(1, 3), (4, 3), (3, NONE), (3, NONE), (2, 3)]


def marked(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n 3x3 blocks of 5 in a row of slots, each with a one-cell marker of a random colour 1-4 two
    cells under it; the output paints each block its marker's colour."""
    g = np.zeros((8, 4 * n + 1), dtype=np.uint8)
    o = g.copy()
    for i in range(n):
        c = int(rng.integers(1, 5))
        r = int(rng.integers(0, 3))
        g[r:r + 3, 4 * i + 1:4 * i + 4] = 5
        o[r:r + 3, 4 * i + 1:4 * i + 4] = c
        g[r + 4, 4 * i + 2] = o[r + 4, 4 * i + 2] = c
    return g, o


def test_learns_the_marker_colour():
    rng = np.random.default_rng(0)
    pairs = [marked(rng, n) for n in (3, 2, 4)]
    grids = [g for g, _ in pairs]
    found = learn_source(grids, [o for _, o in pairs[:2]], 2)
    assert found and found[0].name == "source_recolour(nearest,colour,conn4,keep)"
    assert np.array_equal(found[0].tests[0], pairs[2][1])


def test_erase_src_spends_the_marker():
    rng = np.random.default_rng(1)
    pairs = [marked(rng, 1) for _ in range(3)]
    outputs = []
    for g, o in pairs:
        o = o.copy()
        o[(g != 5) & (g != 0)] = 0  # the marker is gone
        outputs.append(o)
    grids = [g for g, _ in pairs]
    found = learn_source(grids, outputs[:2], 2)
    assert found and found[0].name.endswith(",erase_src)")
    assert np.array_equal(found[0].tests[0], outputs[2])


def test_no_answer_for_an_unseen_key_or_an_added_cell():
    rng = np.random.default_rng(2)
    pairs = [marked(rng, 3) for _ in range(3)]
    grids = [g for g, _ in pairs]
    outputs = [o for _, o in pairs[:2]]
    test = grids[2].copy()
    test[test == 5] = 7  # blocks of a colour that training never showed: its key is unseen
    assert all(",colour," not in f.name for f in learn_source([*grids[:2], test], outputs, 2))
    added = outputs[0].copy()
    added[7, 0] = 1  # a cell painted on the background: not a recolouring
    assert learn_source(grids, [added, outputs[1]], 2) == []


def test_no_answer_when_nothing_in_the_test_is_recoloured():
    rng = np.random.default_rng(3)
    pairs = [marked(rng, 2) for _ in range(2)]
    lone = np.zeros((8, 9), dtype=np.uint8)
    lone[2, 2] = 1  # markers without blocks
    lone[5, 6] = 2
    assert learn_source([g for g, _ in pairs] + [lone], [o for _, o in pairs], 2) == []


@pytest.mark.parametrize("seed", [4, 5])
def test_the_search_finds_a_source_recolouring_at_the_root(seed):
    rng = np.random.default_rng(seed)
    pairs = [marked(rng, 3) for _ in range(3)]
    grids = [g for g, _ in pairs]
    search = Search(build_table(("geometry",)), grids[:2], [o for _, o in pairs[:2]], grids[2:],
                    SearchConfig(max_depth=1))
    # the cheapest full fit, as the ranking reads them: a feature rule may also fit these two pairs
    # by coincidence (three features, cost 6), and comes first, as the feature rule runs first
    found = min((f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train), key=lambda f: f.cost)
    assert found.program[-1].startswith("source_recolour(")
    assert np.array_equal(found.tests[0], pairs[2][1])
