"""The learned selection: selectors, object features, the cut, refusals, and the search finding it."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.kernels_common import label, label_boxes
from solvers.dsl.learned_crop import CUTS, FEATURES, MAX_ANSWERS, SELECTORS, Objects, learn_crop, select
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


@pytest.mark.parametrize(("values", "selector", "expected"), [
    ([3, 7, 5], "max", 1),
    ([3, 7, 7], "max", -1),  # a tie singles out nothing
    ([3, 7, 5], "min", 0),
    ([2, 2, 9, 2], "unique", 2),
    ([2, 2, 9, 4], "unique", -1),  # two values of their own
    ([], "max", -1),
])
def test_select(values, selector, expected):
    assert select(np.array(values, dtype=np.int64), SELECTORS.index(selector)) == expected


def table_of(g: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """The features of g's objects (8-connected, one colour each), and their cuts in CUTS order."""
    lab, n = label(g, 1, 0)
    obj = Objects.of(g, lab, label_boxes(lab, n))
    return obj.feats, [obj.cut(i, how) for i in range(n) for how in range(len(CUTS))]


def test_object_table_features_and_cuts():
    g = np.array([[1, 1, 0, 0],
                  [1, 0, 0, 2],
                  [0, 0, 2, 2]], dtype=np.uint8)
    feats, cuts = table_of(g)
    f = {name: feats[:, k].tolist() for k, name in enumerate(FEATURES)}
    assert f["size"] == [3, 3]
    assert f["colour"] == [1, 2]
    assert f["area"] == [4, 4]
    assert f["top"] == [0, 1] and f["left"] == [0, 2] and f["bottom"] == [1, 2] and f["right"] == [1, 3]
    assert f["symmetric"] == [0, 0]  # an L is mirror-symmetric neither left-right nor up-down
    assert f["box_colours"] == [1, 1] and f["box_cells"] == [3, 3] and f["minority"] == [0, 0]
    assert cuts[0].tolist() == [[1, 1], [1, 0]]  # the box of object 0
    assert cuts[4].tolist() == [[0, 2], [2, 2]]  # the own cells of object 1
    assert cuts[5].tolist() == [[2]]  # the colour of object 1


def test_the_cells_cut_leaves_out_other_objects_in_the_box():
    g = np.array([[3, 3, 3],
                  [3, 5, 3],
                  [3, 3, 3]], dtype=np.uint8)
    _, cuts = table_of(g)
    assert cuts[0].tolist() == [[3, 3, 3], [3, 5, 3], [3, 3, 3]]  # the ring's box shows the 5
    assert cuts[1].tolist() == [[3, 3, 3], [3, 0, 3], [3, 3, 3]]  # its own cells do not
    feats, _ = table_of(g)
    minority, symmetric = FEATURES.index("minority"), FEATURES.index("symmetric")
    assert feats[:, minority].tolist() == [1, 0]  # the 5 in the ring's box; the 5's own box has none
    assert feats[:, symmetric].tolist() == [2, 2]


def scene(rng: np.random.Generator, sizes: list[int], colours: list[int]) -> np.ndarray:
    """Solid squares of the given sides and colours, one per 6-column band of a 6 x 6k grid."""
    g = np.zeros((6, 6 * len(sizes)), dtype=np.uint8)
    for i, (s, c) in enumerate(zip(sizes, colours)):
        r = int(rng.integers(0, 6 - s + 1))
        g[r:r + s, 6 * i + 1:6 * i + 1 + s] = c
    return g


def test_learns_the_largest_object():
    rng = np.random.default_rng(0)
    grids = [scene(rng, [2, 4, 1], [1, 2, 3]), scene(rng, [3, 1, 2], [4, 4, 5]),
             scene(rng, [1, 2, 5], [6, 1, 2])]
    outputs = [np.full((4, 4), 2, np.uint8), np.full((3, 3), 4, np.uint8)]
    found = learn_crop(grids, outputs, 2)
    assert found and found[0].tests[0].tolist() == np.full((5, 5), 2).tolist()
    assert found[0].name.startswith("crop_select(") and "max" in found[0].name


def test_learns_the_object_of_a_colour_of_its_own():
    rng = np.random.default_rng(1)
    grids = [scene(rng, [2, 2, 3], [1, 7, 1]), scene(rng, [3, 3, 2], [4, 4, 8]),
             scene(rng, [2, 1, 2], [5, 5, 5]), scene(rng, [1, 3, 3], [9, 6, 6])]
    outputs = [np.full((2, 2), 7, np.uint8), np.full((2, 2), 8, np.uint8), np.full((1, 1), 5, np.uint8)]
    # the third pair's objects all share colour 5, so no selector by colour fits: nothing is found
    assert all("colour" not in f.name for f in learn_crop(grids, outputs, 3))
    found = learn_crop(grids[:2] + grids[3:], outputs[:2], 2)
    assert any(f.tests[0].tolist() == [[9]] for f in found)


def test_learns_the_colour_of_the_holed_object():
    grids = []
    for colours in ([1, 2, 3], [4, 5, 6], [7, 8, 9]):
        g = np.zeros((5, 12), dtype=np.uint8)
        for i, c in enumerate(colours):
            g[1:4, 4 * i:4 * i + 3] = c
        grids.append(g)
    for g, holed in zip(grids, (1, 2, 0)):
        for i in range(3):  # all three objects keep 8 cells: only the hole tells them apart
            g[(2, 4 * i + 1) if i == holed else (1, 4 * i)] = 0
    outputs = [np.array([[2]], np.uint8), np.array([[6]], np.uint8)]
    found = learn_crop(grids, outputs, 2)
    assert found[0].name == "crop_select(conn4,colour,max holes)"
    assert found[0].tests[0].tolist() == [[7]]


def test_colour_0_regions_are_objects_too():
    # three bands of colour; the output is the colour of the band with the most odd pixels, and that
    # band is colour 0 in the second pair (as colour normalisation makes the commonest colour)
    grids = []
    for colours, odd in (([1, 2, 3], 1), ([0, 4, 5], 0), ([6, 7, 8], 2)):
        g = np.repeat(np.array(colours, dtype=np.uint8), 4)[:, None].repeat(6, axis=1)
        g[4 * odd + 1, 1] = g[4 * odd + 2, 4] = 9
        g[4 * ((odd + 1) % 3) + 1, 2] = 9
        grids.append(g)
    outputs = [np.array([[2]], np.uint8), np.array([[0]], np.uint8)]
    found = learn_crop(grids, outputs, 2)
    assert found and all(f.name.startswith("crop_select(conn4,with_0,colour,") for f in found)
    assert found[0].tests[0].tolist() == [[8]]  # the odd pixels are the band's holes and its minority


def test_no_answer_when_the_test_selection_is_a_tie():
    rng = np.random.default_rng(2)
    grids = [scene(rng, [2, 4], [1, 1]), scene(rng, [3, 1], [2, 2]), scene(rng, [3, 3], [3, 3])]
    outputs = [np.full((4, 4), 1, np.uint8), np.full((3, 3), 2, np.uint8)]
    for f in learn_crop(grids, outputs, 2):
        assert "size" not in f.name and "area" not in f.name and "height" not in f.name


def test_no_answer_when_the_output_is_no_object_cut_out():
    rng = np.random.default_rng(3)
    grids = [scene(rng, [2, 4], [1, 2]), scene(rng, [3, 1], [2, 3])]
    assert learn_crop(grids, [np.full((2, 2), 9, np.uint8)], 1) == []


def test_at_most_max_answers():
    rng = np.random.default_rng(4)
    grids = [scene(rng, [1, 4], [1, 2]), scene(rng, [2, 3], [3, 4]), scene(rng, [1, 2], [5, 6])]
    found = learn_crop(grids, [np.full((4, 4), 2, np.uint8), np.full((3, 3), 4, np.uint8)], 2)
    assert 1 <= len(found) <= MAX_ANSWERS
    assert len({f.tests[0].tobytes() + bytes(f.tests[0].shape) for f in found}) == len(found)


def test_the_search_finds_a_selection_at_the_root():
    rng = np.random.default_rng(5)
    grids = [scene(rng, [1, 3, 2], [1, 2, 3]), scene(rng, [4, 2, 1], [4, 5, 6]),
             scene(rng, [2, 1, 3], [7, 8, 9])]
    # the object of the smallest height, which no crop_object row picks with these labellings
    outputs = [np.full((1, 1), 1, np.uint8), np.full((1, 1), 6, np.uint8)]
    search = Search(build_table(("geometry",)), grids[:2], outputs, grids[2:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program[-1].startswith("crop_select(")
    assert found.tests[0].tolist() == [[8]]
