"""Learned last steps: what each cell key describes, the rules they learn, and when they refuse."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.kernels_common import label
from solvers.dsl.learned import (
    CELL_COSTS,
    CELL_KINDS,
    OBJECT_COST,
    OBJECT_FEATURES,
    OUTSIDE,
    TOPOLOGY_EXTRA_COST,
    _stacked,
    cell_keys,
    fitting_kinds,
    learn_all,
    learn_cell_rule,
    learn_object_rule,
    object_features,
)
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

G = np.array([[1, 0, 0, 2],
              [0, 3, 0, 0],
              [4, 0, 5, 0]], dtype=np.uint8)
X = OUTSIDE  # what a cell beyond the edge reads as


def digits(key: int, base: int, n: int) -> list[int]:
    out = []
    for _ in range(n):
        key, d = divmod(int(key), base)
        out.append(d)
    return [key, *reversed(out)]


def bits(*colours: int) -> int:
    return sum(1 << c for c in set(colours))


# per kind: a cell of G, and the key it must get; every kind in CELL_KINDS must be listed
EXPECTED = {
    "nbr4_set": ((1, 1), 3 * 2048 + bits(0, 0, 0, 0)),
    "nbr8_set": ((1, 1), 3 * 2048 + bits(1, 0, 0, 0, 0, 4, 0, 5)),
    "nbr8_count": ((1, 1), 3 * 9 + 3),  # 1, 4 and 5 around the 3
    "rays4": ((1, 0), [0, 1, 3, 4, X]),  # own 0; N 1, E 3, S 4, W outside
    "nbr4": ((0, 1), [0, X, 0, 3, 1]),
    "mirrors": ((0, 0), [1, 2, 4, 0]),
    "line_sets": ((1, 3), (0 * 1024 + bits(0, 3)) * 1024 + bits(2, 0, 0)),
    "rays8": ((1, 1), [3, 1, X, X, X, X, 4, X, 5]),  # NW N NE W E SW S SE
    "nbr8": ((1, 1), [3, 1, 0, 0, 0, 0, 4, 0, 5]),
}


@pytest.mark.parametrize("kind", CELL_KINDS)
def test_each_cell_key_describes_what_its_name_says(kind):
    (r, c), want = EXPECTED[kind]
    key = cell_keys(G, CELL_KINDS.index(kind))[r, c]
    if isinstance(want, list):
        assert digits(key, 11 if kind != "mirrors" else 10, len(want) - 1) == want
    else:
        assert key == want


def test_every_kind_has_a_cost_and_an_expectation():
    assert len(CELL_COSTS) == len(CELL_KINDS) and set(EXPECTED) == set(CELL_KINDS)


def outline(g: np.ndarray) -> np.ndarray:
    """Background cells with a colour-1 cell among their 4 neighbours become 2."""
    out = g.copy()
    h, w = g.shape
    for r in range(h):
        for c in range(w):
            near = [g[rr, cc] for rr, cc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                    if 0 <= rr < h and 0 <= cc < w]
            if g[r, c] == 0 and 1 in near:
                out[r, c] = 2
    return out


def sparse(n, seed, shape=(7, 7)):
    rng = np.random.default_rng(seed)
    return [(rng.random(shape) < 0.2).astype(np.uint8) for _ in range(n)]


@pytest.mark.parametrize("seed", range(6))
def test_fitting_kinds_are_the_kinds_whose_keys_never_clash(seed):
    """The hashed, stop-at-the-first-clash check agrees with a plain reading of every key, on pairs
    of different sizes where some kinds fit (the output is a function of the 4-neighbour set)."""
    rng = np.random.default_rng(seed)
    grids = [rng.integers(0, 3, tuple(rng.integers(2, 7, 2))).astype(np.uint8) for _ in range(3)]
    outs = [np.where(cell_keys(g, 0) % 7 < 3, 0, g).astype(np.uint8) if seed % 2 else rng.integers(0, 3, g.shape)
            .astype(np.uint8) for g in grids]
    want = []
    for kind in range(len(CELL_KINDS)):
        pairs = {}
        for g, o in zip(grids, outs):
            for k, v in zip(cell_keys(g, kind).ravel(), o.ravel()):
                pairs.setdefault(int(k), set()).add(int(v))
        want.append(all(len(v) == 1 for v in pairs.values()))
    stacked, shapes = _stacked(grids)
    got = fitting_kinds(stacked, _stacked(outs)[0], shapes, np.arange(len(CELL_KINDS), dtype=np.int64))
    assert got.tolist() == want
    if seed % 2:
        assert want[0]


def test_a_neighbourhood_rule_is_learned_and_applied_to_the_test_grid():
    grids = sparse(5, 1)
    outs = [outline(g) for g in grids[:4]]
    found = {x.name: x for x in learn_cell_rule(grids, outs, 4)}
    rule = found["cell_rule(nbr4_set)"]
    assert rule.cost == CELL_COSTS[0]
    assert np.array_equal(rule.tests[0], outline(grids[4]))


def test_a_key_the_train_pairs_never_showed_means_no_answer():
    grids = sparse(3, 2)
    outs = [outline(g) for g in grids[:2]]
    test = np.full((7, 7), 3, dtype=np.uint8)  # colour 3 never appears in training
    assert learn_cell_rule([*grids[:2], test], outs, 2) == []


def test_a_key_with_two_outcomes_or_no_change_learns_nothing():
    g = np.zeros((3, 3), dtype=np.uint8)
    assert learn_cell_rule([g, g, g], [g, np.ones_like(g)], 2) == []  # same keys, two outputs
    assert learn_cell_rule([g, g], [g], 1) == []  # nothing changes


def test_object_features_count_size_holes_and_ranks():
    ring = np.array([[1, 1, 1, 0, 0],
                     [1, 0, 1, 0, 2],
                     [1, 1, 1, 0, 0]], dtype=np.uint8)
    lab, n = label(ring, 0, 0)
    f = object_features(ring, lab, n)
    col = {name: i for i, name in enumerate(OBJECT_FEATURES)}
    ring_i, dot_i = lab[0, 0], lab[1, 4]
    assert f[ring_i, col["size"]] == 8 and f[ring_i, col["holes"]] == 1 and f[dot_i, col["holes"]] == 0
    assert (f[ring_i, col["height"]], f[ring_i, col["width"]]) == (3, 3)
    assert f[dot_i, col["border"]] == 1 and f[ring_i, col["border"]] == 1
    assert f[ring_i, col["size_rank_desc"]] == 0 and f[dot_i, col["size_rank_asc"]] == 0
    assert f[dot_i, col["colour"]] == 2 and f[ring_i, col["shape_count"]] == 1
    assert f[ring_i, col["size_extreme"]] == 0 and f[dot_i, col["size_extreme"]] == 1


def test_hole_count_counts_enclosed_regions_not_cells():
    g = np.array([[1, 1, 1, 0, 2, 2, 2, 2],   # a ring round 1 cell; a ring round 2 cells (1 region);
                  [1, 0, 1, 0, 2, 0, 0, 2],   # an 8 (2 regions of 1 cell)
                  [1, 1, 1, 0, 2, 2, 2, 2],
                  [0, 0, 0, 0, 0, 0, 0, 0],
                  [3, 3, 3, 3, 3, 0, 0, 0],
                  [3, 0, 3, 0, 3, 0, 0, 0],
                  [3, 3, 3, 3, 3, 0, 0, 0]], dtype=np.uint8)
    lab, n = label(g, 0, 0)
    f = object_features(g, lab, n)
    col = {name: i for i, name in enumerate(OBJECT_FEATURES)}
    small, wide, eight = lab[0, 0], lab[0, 4], lab[4, 0]
    assert [f[i, col["holes"]] for i in (small, wide, eight)] == [1, 2, 2]
    assert [f[i, col["hole_count"]] for i in (small, wide, eight)] == [1, 1, 2]


def test_object_features_count_ends_bends_and_branches():
    g = np.array([[1, 1, 1, 0, 2, 0, 0],   # a bar (2 ends), an L (2 ends, 1 bend),
                  [0, 0, 0, 0, 2, 0, 3],   # and a T (3 ends, 1 branch)
                  [0, 0, 0, 0, 2, 2, 0],
                  [3, 3, 3, 0, 0, 0, 0],
                  [0, 3, 0, 0, 0, 0, 0]], dtype=np.uint8)
    lab, n = label(g, 0, 0)
    f = object_features(g, lab, n)
    col = {name: i for i, name in enumerate(OBJECT_FEATURES)}
    bar, ell, tee, dot = lab[0, 0], lab[0, 4], lab[3, 0], lab[1, 6]
    assert [f[bar, col[k]] for k in ("ends", "bends", "branches")] == [2, 0, 0]
    assert [f[ell, col[k]] for k in ("ends", "bends", "branches")] == [2, 1, 0]
    assert [f[tee, col[k]] for k in ("ends", "bends", "branches")] == [3, 0, 1]
    assert [f[dot, col[k]] for k in ("ends", "bends", "branches")] == [0, 0, 0]
    assert f[ell, col["topology"]] != f[bar, col["topology"]]


def strokes(shapes, recolour=False, size=(12, 12)):
    """Strokes given as (top, left, cells relative to it, colour): in colour 1, or recoloured."""
    g = np.zeros(size, dtype=np.uint8)
    for r0, c0, cells, colour in shapes:
        for r, c in cells:
            g[r0 + r, c0 + c] = colour if recolour else 1
    return g


def test_objects_recoloured_by_their_bends_when_no_simpler_feature_fits():
    def line(n, vertical=False):  # no bend: colour 4
        return [(i, 0) if vertical else (0, i) for i in range(n)], 4

    def ell(h, w):  # one bend: colour 2
        return [(i, 0) for i in range(h)] + [(h - 1, j) for j in range(1, w)], 2

    def you(h, w):  # two bends: colour 6
        return [(i, 0) for i in range(h)] + [(i, w - 1) for i in range(h)] + [(h - 1, j) for j in range(1, w - 1)], 6

    # sizes, heights and widths overlap between the kinds, and every shape is new in the test
    train = [[(0, 0, *line(4)), (2, 0, *ell(3, 3)), (6, 5, *you(3, 3))],
             [(0, 0, *line(6, True)), (0, 3, *you(2, 3)), (5, 6, *ell(2, 3))],
             [(0, 0, *ell(4, 2)), (6, 0, *line(3)), (8, 6, *you(4, 4))]]
    test = [(0, 0, *you(2, 4)), (4, 0, *line(5, True)), (4, 4, *ell(5, 4))]
    grids = [strokes(s) for s in (*train, test)]
    found = learn_object_rule(grids, [strokes(s, recolour=True) for s in train], len(train))
    assert [x.name for x in found] == ["object_rule(conn4,bends)"]
    assert found[0].cost == OBJECT_COST + TOPOLOGY_EXTRA_COST
    assert np.array_equal(found[0].tests[0], strokes(test, recolour=True))


def bars(sizes):
    """One horizontal bar of colour 1 per size, on every other row."""
    g = np.zeros((len(sizes) * 2, 8), dtype=np.uint8)
    for i, s in enumerate(sizes):
        g[2 * i, :s] = 1
    return g


def by_size(rule):
    def recolour(g):
        out = g.copy()
        for r in range(g.shape[0]):
            out[r][g[r] == 1] = rule(int(g[r].sum()))
        return out
    return recolour


def test_objects_recoloured_by_size_are_learned():
    recolour = by_size(lambda s: {1: 4, 2: 6, 3: 7}.get(s, 1))
    grids = [bars([1, 2, 3]), bars([3, 1]), bars([2, 2, 1, 3])]
    found = {x.name: x for x in learn_object_rule(grids, [recolour(g) for g in grids[:2]], 2)}
    assert np.array_equal(found["object_rule(conn4,size)"].tests[0], recolour(grids[2]))
    # a size the train pairs never showed: no guess
    assert "object_rule(conn4,size)" not in {x.name for x in learn_object_rule(
        [*grids[:2], bars([4])], [recolour(g) for g in grids[:2]], 2)}


def test_a_test_grid_without_objects_is_left_as_it_is():
    recolour = by_size(lambda s: {1: 4, 2: 6, 3: 7}.get(s, 1))
    grids = [bars([1, 2, 3]), bars([3, 1]), np.zeros_like(bars([1]))]
    found = {x.name: x for x in learn_object_rule(grids, [recolour(g) for g in grids[:2]], 2)}
    assert np.array_equal(found["object_rule(conn4,size)"].tests[0], grids[2])


def test_the_longest_and_shortest_bars_by_size_extreme():
    def recolour(g):  # the longest bar 1 -> 3, the shortest -> 2, the others erased
        sizes = [int(g[r].sum()) for r in range(0, g.shape[0], 2)]
        out = np.zeros_like(g)
        for i, n in enumerate(sizes):
            out[2 * i, :n] = 3 if n == max(sizes) else 2 if n == min(sizes) else 0
        return out

    grids = [bars([2, 5, 3]), bars([4, 1, 6, 3]), bars([7, 3, 5, 2])]  # 7 and its neighbours: unseen sizes
    found = {x.name: x for x in learn_object_rule(grids, [recolour(g) for g in grids[:2]], 2)}
    assert np.array_equal(found["object_rule(conn4,size_extreme)"].tests[0], recolour(grids[2]))


def test_an_object_rule_with_one_marked_size_gives_new_sizes_the_other_colour():
    recolour = by_size(lambda s: 2 if s == 3 else 5)
    grids = [bars([1, 3, 2]), bars([4, 3]), bars([6, 3, 1])]  # 6: never seen
    found = {x.name: x for x in learn_object_rule(grids, [recolour(g) for g in grids[:2]], 2)}
    assert "object_rule(conn4,size)" not in found
    rule = found["object_rule(conn4,size,otherwise)"]
    assert rule.cost == OBJECT_COST + 1 and np.array_equal(rule.tests[0], recolour(grids[2]))


def test_an_object_rule_split_by_a_threshold_decides_new_sizes_beyond_it_but_not_in_the_gap():
    recolour = by_size(lambda s: 4 if s <= 3 else 6)
    train = [bars([1, 5]), bars([6, 2])]
    outs = [recolour(g) for g in train]
    found = {x.name: x for x in learn_object_rule([*train, bars([7, 1])], outs, 2)}
    assert "object_rule(conn4,size,otherwise)" not in found  # each colour marks two sizes
    assert np.array_equal(found["object_rule(conn4,size,threshold)"].tests[0], recolour(bars([7, 1])))
    # 3 lies between the largest 4-coloured size (2) and the smallest 6-coloured one (5)
    assert "object_rule(conn4,size,threshold)" not in {
        x.name for x in learn_object_rule([*train, bars([3])], outs, 2)}


def test_learn_all_returns_the_cheapest_first():
    grids = sparse(5, 1)
    costs = [x.cost for x in learn_all(grids, [outline(g) for g in grids[:4]], 4)]
    assert costs and costs == sorted(costs)


def test_the_search_finishes_a_chain_with_a_learned_rule():
    table = {p.name: p for p in build_table()}
    grids = sparse(5, 3)
    outs = [outline(table["flip_lr"](g)) for g in grids]
    search = Search([table["flip_lr"]], grids[:4], outs[:4], grids[4:], SearchConfig(max_depth=1))
    # a generous deadline: the search ends when its one-row table is spent, but in a fresh checkout the
    # root's learned rules compile first (about 9 s for the feature rule on a 2-core machine)
    full = [f for f in search.run(Deadline.after(60)) if f.matched == f.n_train]
    right = [f for f in full if np.array_equal(f.tests[0], outs[4])]
    assert right and right[0].program[0] == "flip_lr" and right[0].program[-1].startswith("cell_rule(")


def test_a_colour_the_train_pairs_never_change_keeps_its_colour_under_an_unseen_key():
    grids = sparse(3, 4)
    grids[2] = grids[2].copy()
    grids[2][3, 3] = 5  # colour 5: never seen in training, so no default for it
    outs = [outline(g) for g in grids[:2]]
    assert all("stable" not in x.name for x in learn_cell_rule(grids, outs, 2))
    grids[2] = np.zeros((7, 7), dtype=np.uint8)
    grids[2][3, 2:5] = grids[2][2:5, 3] = 1  # a plus: its centre's 4 neighbours are all 1, unseen in training
    rules = {x.name: x for x in learn_cell_rule(grids, outs, 2)}
    strict, stable = "cell_rule(nbr4_set)", "cell_rule(nbr4_set,stable)"
    assert strict not in rules and stable in rules
    assert np.array_equal(rules[stable].tests[0], outline(grids[2]))
    assert rules[stable].cost == CELL_COSTS[CELL_KINDS.index("nbr4_set")] + 1


def test_objects_recoloured_by_their_number_of_holes():
    """Frames of 2 or 3 columns split by walls into 1, 2 or 3 holes: the colour follows the number of
    holes, which neither the cell count of the holes nor the size tells."""
    def frame(g, r0, c0, holes, width):
        w = holes * (width + 1) + 1
        g[r0:r0 + 3, c0:c0 + w] = 8
        for k in range(holes):
            g[r0 + 1, c0 + 1 + k * (width + 1):c0 + 1 + k * (width + 1) + width] = 0
        return g

    def grid(specs):
        g = np.zeros((13, 13), dtype=np.uint8)
        for i, (holes, width) in enumerate(specs):
            frame(g, i * 4, 0, holes, width)
        return g

    def recolour(g, specs):
        o = g.copy()
        for i, (holes, _) in enumerate(specs):
            band = o[i * 4:i * 4 + 3]
            band[band == 8] = holes
        return o

    specs = [[(1, 2), (2, 1), (3, 1)], [(2, 2), (1, 1)], [(1, 3), (3, 2), (2, 1)]]  # the last is the test
    grids = [grid(s) for s in specs]
    found = {x.name: x for x in learn_object_rule(grids, [recolour(g, s) for g, s in zip(grids[:2], specs)], 2)}
    rule = found["object_rule(conn4,hole_count)"]
    assert np.array_equal(rule.tests[0], recolour(grids[2], specs[2]))
