"""The learned feature rule: each feature column, the value bits, the refusals, and the search using it."""

import itertools

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl import cell_objects, cell_relations
from solvers.dsl.learned_features import (
    FEATURES,
    NONE,
    allowed_values,
    apply_table,
    cell_features,
    fit_table,
    fitting_subsets,
    learn_feature_rule,
)
from solvers.dsl.search import Search, SearchConfig

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


def g(rows) -> np.ndarray:
    return np.array(rows, dtype=np.uint8)


GRID = g([[0, 1, 0, 0, 4],
          [2, 0, 2, 0, 0],
          [0, 3, 0, 5, 0],
          [0, 0, 0, 5, 0]])

# per feature: a cell of GRID and the feature's value there, worked out by hand
CASES = {
    "colour": ((2, 3), 5),
    "nbr_n": ((1, 1), 1), "nbr_w": ((1, 1), 2), "nbr_e": ((2, 2), 5), "nbr_s": ((1, 1), 3),
    "nbr_nw": ((2, 2), 0), "nbr_ne": ((1, 3), 4), "nbr_sw": ((0, 1), 2), "nbr_se": ((2, 2), 5),
    "ray_n": ((3, 1), 3), "ray_w": ((1, 4), 2), "ray_e": ((1, 1), 2), "ray_s": ((0, 3), 5),
    "ray_nw": ((0, 0), NONE), "ray_ne": ((3, 0), 3), "ray_sw": ((0, 3), 2), "ray_se": ((1, 1), 5),
    "between_we": ((1, 1), 2), "between_ns": ((1, 1), NONE),
    "mirror_lr": ((0, 3), 1), "mirror_ud": ((0, 3), 5), "mirror_both": ((1, 1), 5),
    "row_mod2": ((1, 0), 1), "col_mod2": ((0, 3), 1), "row_mod3": ((2, 3), 2), "col_mod3": ((0, 4), 1),
    "row_end_mod2": ((2, 0), 1), "col_end_mod2": ((0, 0), 0),
    "nbr4_count": ((2, 2), 3), "nbr8_count": ((2, 2), 4), "same_nbr8": ((2, 3), 1),
    "component_size": ((2, 3), 2), "component_border": ((1, 1), 0), "on_border": ((0, 3), 1),
    "row_others": ((1, 0), 1), "col_others": ((0, 3), 2), "between_any": ((1, 1), 1), "rays4_all": ((1, 1), 1),
    "mid_row": ((2, 0), 1), "mid_col": ((0, 2), 1),
    "ray_n_odd": ((3, 1), 1), "ray_w_odd": ((1, 4), 0), "ray_e_odd": ((0, 2), 0), "ray_s_odd": ((0, 4), 2),
}

# the object facts, on a grid with two 8-connected objects: {1, 1, 2} (box rows 1-2, columns 1-2) and
# a column of three 3s; colour 3 is the commonest, 2 the rarest
OBJECTS = g([[0, 0, 0, 0, 0, 0],
             [0, 1, 1, 0, 0, 3],
             [0, 2, 0, 0, 0, 3],
             [0, 0, 0, 0, 0, 3],
             [0, 0, 0, 0, 0, 0]])
CASES |= {
    "object_major": ((2, 1), 1), "object_minor": ((1, 1), 2), "most_common": ((0, 0), 3),
    "least_common": ((4, 5), 2), "nearest": ((2, 4), 3), "box_colour": ((2, 2), 1),
    "object_size": ((1, 2), 3), "colour_rank": ((2, 1), 2), "distance": ((4, 0), 2),
    "component_rank": ((1, 1), 4), "in_box": ((2, 2), 1),
    "row_half": ((1, 5), 1), "col_half": ((1, 2), 3),
}
# the relation columns: an L of 1s, the same L in 2 inside a frame of 5s, a vertical domino of 3s
# and a horizontal one of 6s (the same shape, turned); the 2s' twin, the 1s, takes the frame's colour
RELATED = g([[1, 1, 0, 3, 0, 5, 5, 5, 5],
             [1, 0, 0, 3, 0, 5, 2, 2, 5],
             [0, 0, 0, 0, 0, 5, 2, 0, 5],
             [6, 6, 0, 0, 0, 5, 5, 5, 5]])
CASES |= {"shape_twin": ((0, 0), 2), "shape_twin_turned": ((0, 3), 6), "shape_twin_enclosed": ((1, 0), 2),
          "twin_holder": ((0, 1), 5)}
CASES = {name: (*case, OBJECTS if name in cell_objects.COLUMNS else RELATED if name in cell_relations.COLOURS
                else GRID) for name, case in CASES.items()}


def test_every_feature_has_a_case():
    assert set(CASES) == set(FEATURES)


@pytest.mark.parametrize("name", FEATURES)
def test_each_feature_column(name):
    (r, c), want, grid = CASES[name]
    f = cell_features(grid)
    assert f.shape == (grid.size, len(FEATURES))
    assert f[r * grid.shape[1] + c, FEATURES.index(name)] == want
    assert f.max() < 16  # keys pack each feature into 4 bits


def test_allowed_values_keep_paint_and_copy():
    f = cell_features(GRID)
    out = GRID.ravel().astype(np.int64).copy()
    out[1 * 5 + 1] = 3  # cell (1, 1) takes its south neighbour's colour
    m = allowed_values(f, out)
    assert m[0] & 1 and m[0] & (1 << 1)  # unchanged cell: keep, or paint colour 0
    cell = m[1 * 5 + 1]
    assert not cell & 1 and cell & (1 << 4)  # changed: not keep; paint 3
    assert cell & (1 << (10 + FEATURES.index("nbr_s"))) and cell & (1 << (10 + FEATURES.index("ray_s")))
    assert not cell & (1 << (10 + FEATURES.index("nbr_n")))


def test_copy_bit_reads_the_test_cell_own_feature():
    f = cell_features(GRID)
    cols = np.array([FEATURES.index("row_mod2")], dtype=np.int64)
    table = np.full(16, np.int64(1) << (10 + FEATURES.index("mirror_lr")))
    seen = np.zeros(16, dtype=np.bool_)
    seen[:2] = True
    out = apply_table(f, table, seen, cols)
    assert out.reshape(GRID.shape).tolist() == GRID[:, ::-1].tolist()
    seen[1] = False  # a key never seen in training: no answer at all
    assert apply_table(f, table, seen, cols).size == 0


def test_fit_table_rejects_a_key_with_two_outputs():
    f = cell_features(g([[1, 1]]))
    cols = np.array([FEATURES.index("colour")], dtype=np.int64)
    table, _ = fit_table(f, allowed_values(f, np.array([2, 3], dtype=np.int64)), cols)
    assert table.size == 0
    table, seen = fit_table(f, allowed_values(f, np.array([2, 2], dtype=np.int64)), cols)
    assert table[1] == 1 << 3 and seen[1] and seen.sum() == 1


@pytest.mark.parametrize("size", [1, 2, 3])
def test_fitting_subsets_are_the_sets_whose_table_fits(size):
    """The compiled loop over feature sets finds exactly the sets fit_table accepts, in order."""
    rng = np.random.default_rng(size)
    f = rng.integers(0, 3, (40, 7)).astype(np.int64)
    out = (f[:, 1] + f[:, 4]) % 3  # a rule on columns 1 and 4, which some other sets also explain
    allowed = np.int64(1) << (1 + out)
    want = [s for s in itertools.combinations(range(7), size)
            if fit_table(f, allowed, np.array(s, dtype=np.int64))[0].size]
    assert [tuple(r) for r in fitting_subsets(f, allowed, size, 1000).tolist()] == want
    assert fitting_subsets(f, allowed, size, 1).shape[0] == min(1, len(want))
    if size == 2:
        assert (1, 4) in want


def _mark_crossings(grid: np.ndarray) -> np.ndarray:
    """Background cells with all four neighbours coloured become 6."""
    f = cell_features(grid)
    out = grid.ravel().copy()
    out[(f[:, 0] == 0) & (f[:, FEATURES.index("nbr4_count")] == 4)] = 6
    return out.reshape(grid.shape)


PLUS = g([[0, 1, 0, 0, 0, 0],
          [2, 0, 1, 0, 0, 0],
          [0, 1, 0, 0, 3, 0],
          [0, 0, 0, 3, 0, 3],
          [0, 0, 0, 0, 2, 0]])
PLUS2 = g([[0, 0, 0, 0, 0],
           [0, 0, 2, 0, 0],
           [0, 1, 0, 3, 0],
           [0, 0, 1, 0, 1],
           [0, 1, 0, 1, 0]])
PLUS3 = g([[0, 2, 0, 0],
           [1, 0, 3, 0],
           [0, 1, 0, 0],
           [0, 0, 0, 2]])


def test_learns_the_fewest_features_that_fit():
    found = learn_feature_rule([PLUS, PLUS2, PLUS3], [_mark_crossings(PLUS), _mark_crossings(PLUS2)], 2)
    assert found
    assert all(rule.name.count(",") + 1 == found[0].name.count(",") + 1 for rule in found)  # one size
    assert found[0].tests[0].tolist() == _mark_crossings(PLUS3).tolist()


def test_refuses_identity_and_shape_changes():
    assert learn_feature_rule([PLUS, PLUS3], [PLUS], 1) == []
    assert learn_feature_rule([PLUS, PLUS3], [PLUS[:2]], 1) == []


def test_deterministic():
    args = ([PLUS, PLUS2, PLUS3], [_mark_crossings(PLUS), _mark_crossings(PLUS2)], 2)
    a, b = learn_feature_rule(*args), learn_feature_rule(*args)
    assert [x.name for x in a] == [x.name for x in b]
    assert all((x.tests[0] == y.tests[0]).all() for x, y in zip(a, b))


def _odd_columns_grey(grid: np.ndarray) -> np.ndarray:
    """Coloured cells in odd columns become 5: a rule on the cell's colour and column parity."""
    out = grid.copy()
    out[:, 1::2][out[:, 1::2] != 0] = 5
    return out


def test_search_answers_with_a_feature_rule_at_the_root():
    rng = np.random.default_rng(0)
    grids = [np.where(rng.random((6, 7)) < 0.4, rng.integers(1, 4, (6, 7)), 0).astype(np.uint8) for _ in range(3)]
    search = Search([], grids[:2], [_odd_columns_grey(x) for x in grids[:2]], grids[2:], SearchConfig(max_depth=1))
    found = list(search.run(Deadline.after(5.0)))
    hits = [x for x in found if x.tests[0].tolist() == _odd_columns_grey(grids[2]).tolist()]
    # column parity and one feature that tells coloured cells from background (colour, distance...)
    assert len(hits) == 1 and len(hits[0].program) == 1
    assert hits[0].program[0].startswith("feature_rule(") and "col_mod2" in hits[0].program[0]


def _rarest_paints_all(grid: np.ndarray) -> np.ndarray:
    """Every coloured cell takes the grid's rarest colour: a colour that differs from grid to grid."""
    counts = np.bincount(grid.ravel(), minlength=10)
    counts[counts == 0] = grid.size + 1
    counts[0] = grid.size + 1
    return np.where(grid != 0, counts.argmin(), 0).astype(np.uint8)


def test_copies_a_colour_that_differs_per_grid():
    # three colours with 4, 3 and 1 cells per grid, the rarest one different in each grid
    grids = []
    for colours in ((1, 2, 3), (2, 3, 4), (4, 1, 2), (3, 4, 1)):
        x = np.zeros((4, 4), dtype=np.uint8)
        x.ravel()[[0, 2, 5, 7]] = colours[0]
        x.ravel()[[8, 10, 13]] = colours[1]
        x.ravel()[15] = colours[2]
        grids.append(x)
    found = learn_feature_rule(grids, [_rarest_paints_all(x) for x in grids[:3]], 3)
    assert found and found[0].tests[0].tolist() == _rarest_paints_all(grids[3]).tolist()


def _dashed_rays(grid: np.ndarray) -> np.ndarray:
    """Each pixel sends a ray east: grey at odd distances, the pixel's own colour at even ones."""
    out = grid.copy()
    for r, c in zip(*np.nonzero(grid)):
        for d in range(1, grid.shape[1] - c):
            out[r, c + d] = 5 if d % 2 else grid[r, c]
    return out


def test_learns_a_dashed_ray_from_the_parity_of_its_length():
    rng = np.random.default_rng(4)
    grids = []
    for _ in range(4):
        x = np.zeros((5, 7), dtype=np.uint8)
        rows = rng.choice(5, 2, replace=False)
        x[rows, rng.integers(0, 4, 2)] = rng.choice([1, 2, 3, 4, 6], 2, replace=False)
        grids.append(x)
    found = learn_feature_rule(grids, [_dashed_rays(x) for x in grids[:3]], 3)
    assert found and found[0].tests[0].tolist() == _dashed_rays(grids[3]).tolist()
    assert "ray_w_odd" in found[0].name
