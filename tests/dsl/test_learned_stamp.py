"""The learned stamp: per-colour (or pooled) patterns read off the train pairs, painted around each cell."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned import learn_all
from solvers.dsl.learned_stamp import MIXED, SELF, UNSEEN, learn_stamp, stamp_apply, stamp_observe
from solvers.dsl.search import Search, SearchConfig

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

# colour 2 paints 4 on its diagonal neighbours, colour 1 paints 7 on its orthogonal ones, 8 nothing
HALO = {2: {(-1, -1): 4, (-1, 1): 4, (1, -1): 4, (1, 1): 4}, 1: {(-1, 0): 7, (1, 0): 7, (0, -1): 7, (0, 1): 7}}


def painted(g: np.ndarray) -> np.ndarray:
    """The rule written out by hand: the truth the learned stamp must reproduce."""
    out = g.copy()
    h, w = g.shape
    for y, x in zip(*np.nonzero(g)):
        for (dy, dx), v in HALO.get(int(g[y, x]), {}).items():
            if 0 <= y + dy < h and 0 <= x + dx < w and out[y + dy, x + dx] == 0 and g[y + dy, x + dx] == 0:
                out[y + dy, x + dx] = v
    return out


def grid(h: int, w: int, cells: dict[tuple[int, int], int]) -> np.ndarray:
    g = np.zeros((h, w), dtype=np.uint8)
    for (y, x), v in cells.items():
        g[y, x] = v
    return g


TRAIN = [grid(7, 7, {(1, 1): 2, (5, 4): 1}), grid(8, 6, {(3, 2): 1, (6, 4): 2, (0, 5): 8}),
         grid(6, 6, {(2, 3): 2, (4, 0): 1})]


def test_observing_a_pair_records_agreement_disagreement_and_nothing_seen():
    table = np.full((10, 3, 3), UNSEEN, dtype=np.int64)
    for g in TRAIN:
        stamp_observe(g, painted(g), table, False)
    assert table[2, 0, 0] == 4 and table[2, 1, 0] == 0  # a 4 at the corner, the side left blank
    assert table[1, 0, 1] == 7 and table[8, 2, 0] == 0 and table[8, 2, 2] == UNSEEN  # 8 sits on the edge
    assert table[3, 0, 0] == UNSEEN  # no 3 in any train grid
    table2 = np.full((10, 3, 3), UNSEEN, dtype=np.int64)
    g = grid(3, 5, {(1, 1): 2, (1, 3): 2})
    out = g.copy()
    out[0, 2] = 4  # the cell between the two 2s: painted once, so two outcomes for (2, -1, +1) overall
    stamp_observe(g, out, table2, False)
    assert table2[2, 1, 2] == 0 and table2[2, 0, 2] == MIXED


def test_an_empty_table_paints_nothing():
    g = TRAIN[0]
    assert np.array_equal(stamp_apply(g, np.full((10, 5, 5), UNSEEN, dtype=np.int64), False), g)


def test_a_halo_is_learned_and_composes_where_two_stamps_meet_in_the_test():
    # in the test the two stamps touch: the surroundings there were never shown, but each stamp was
    test = grid(6, 7, {(2, 2): 2, (3, 3): 1, (0, 6): 8})
    found = {x.name: x for x in learn_stamp([*TRAIN, test], [painted(g) for g in TRAIN], 3)}
    assert "stamp_rule(3x3)" in found and found["stamp_rule(3x3)"].cost == 4
    assert np.array_equal(found["stamp_rule(3x3)"].tests[0], painted(test))


def test_a_colour_no_train_grid_had_paints_nothing_at_one_more_cost():
    test = grid(6, 6, {(2, 2): 2, (4, 4): 5})
    found = {x.name: x for x in learn_stamp([*TRAIN, test], [painted(g) for g in TRAIN], 3)}
    assert "stamp_rule(3x3)" not in found
    assert found["stamp_rule(3x3,unseen)"].cost == 5
    assert np.array_equal(found["stamp_rule(3x3,unseen)"].tests[0], painted(test))


def crossed(g: np.ndarray) -> np.ndarray:
    """Every coloured cell grows a plus of its own colour, with 6s on its diagonals, whatever its colour."""
    out = g.copy()
    h, w = g.shape
    for y, x in zip(*np.nonzero(g)):
        for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)):
            if 0 <= y + dy < h and 0 <= x + dx < w and out[y + dy, x + dx] == 0 and g[y + dy, x + dx] == 0:
                out[y + dy, x + dx] = g[y, x] if dy == 0 or dx == 0 else 6
    return out


def test_pooled_table_records_the_stamping_colour_as_self():
    table = np.full((10, 3, 3), UNSEEN, dtype=np.int64)
    for g in TRAIN:
        stamp_observe(g, crossed(g), table, True)
    assert table[0, 0, 1] == SELF and table[0, 0, 0] == 6 and (table[1:] == UNSEEN).all()
    test = grid(5, 5, {(2, 2): 5})
    assert np.array_equal(stamp_apply(test, table, True), crossed(test))


def test_a_pooled_stamp_covers_a_colour_no_train_grid_had():
    test = grid(6, 7, {(1, 1): 5, (4, 4): 2})  # 5 never stamped in training
    found = {x.name: x for x in learn_stamp([*TRAIN, test], [crossed(g) for g in TRAIN], 3)}
    assert found["stamp_rule(3x3,any)"].cost == 5
    assert np.array_equal(found["stamp_rule(3x3,any)"].tests[0], crossed(test))
    assert not np.array_equal(found["stamp_rule(3x3,unseen)"].tests[0], crossed(test))
    # every test colour seen and the per-colour stamps fit: pooling is not tried
    seen = {x.name for x in learn_stamp([*TRAIN, TRAIN[0]], [crossed(g) for g in TRAIN], 3)}
    assert "stamp_rule(3x3)" in seen and not any(name.endswith(",any)") for name in seen)


def test_no_stamp_when_a_coloured_cell_changes_or_nothing_changes_or_the_evidence_disagrees():
    outs = [painted(g) for g in TRAIN]
    recoloured = [o.copy() for o in outs]
    recoloured[0][1, 1] = 3  # a stamp paints only the background
    assert learn_stamp([*TRAIN, TRAIN[0]], recoloured, 3) == []
    assert learn_stamp([*TRAIN, TRAIN[0]], list(TRAIN), 3) == []
    # the same colour paints in one pair and not in another: no table reproduces both
    g = grid(5, 5, {(2, 2): 2})
    assert learn_stamp([g, g.copy(), g], [painted(g), g.copy()], 2) == []


def test_the_search_finishes_at_the_root_with_a_stamp():
    test = grid(7, 7, {(1, 1): 1, (2, 3): 2, (5, 5): 2})
    assert any(x.name.startswith("stamp_rule") for x in learn_all([*TRAIN, test], [painted(g) for g in TRAIN], 3))
    search = Search([], TRAIN, [painted(g) for g in TRAIN], [test], SearchConfig(max_depth=1))
    full = [f for f in search.run(Deadline.after(5)) if f.matched == f.n_train]
    assert any(f.program == ("stamp_rule(3x3)",) and np.array_equal(f.tests[0], painted(test)) for f in full)


def test_recentred_stamps_change_the_stamping_cells_too():
    def spent(g: np.ndarray) -> np.ndarray:  # the halo, then each 2 turns 3 and each 1 turns 0
        out = painted(g)
        out[g == 2], out[g == 1] = 3, 0
        return out

    test = grid(7, 7, {(2, 2): 2, (5, 5): 1, (0, 6): 8})
    found = {x.name: x for x in learn_stamp([*TRAIN, test], [spent(g) for g in TRAIN], 3)}
    assert "stamp_rule(3x3)" not in found  # coloured cells change: no plain stamp
    assert found["stamp_rule(3x3,recentred)"].cost == 5
    assert np.array_equal(found["stamp_rule(3x3,recentred)"].tests[0], spent(test))
    # a test colour without a lookup entry gets no answer
    assert learn_stamp([*TRAIN, grid(5, 5, {(2, 2): 6})], [spent(g) for g in TRAIN], 3) == []
    # a colour whose cells change two ways rules the variant out
    two_ways = [spent(g) for g in TRAIN]
    two_ways[0][1, 1] = 5  # the first train grid's 2 turns 5, the others' 3
    assert learn_stamp([*TRAIN, test], two_ways, 3) == []
