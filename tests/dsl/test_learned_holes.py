"""The learned hole rule: enclosed regions and their features, the lookup, refusals, and the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned import learn_all
from solvers.dsl.learned_holes import FEATURES, holes, learn_holes
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


def ring(g: np.ndarray, r0: int, c0: int, h: int, w: int, colour: int = 5) -> None:
    """A one-cell-thick rectangle outline with an h x w hole, its top-left corner at (r0, c0)."""
    g[r0:r0 + h + 2, c0:c0 + w + 2] = colour
    g[r0 + 1:r0 + h + 1, c0 + 1:c0 + w + 1] = 0


def test_holes_are_the_enclosed_background_regions():
    g = np.zeros((8, 12), dtype=np.uint8)
    ring(g, 1, 1, 2, 2)  # a 2x2 square hole
    ring(g, 1, 6, 3, 1)  # a 3x1 hole
    g[6, 2:5] = 5  # a bar: it encloses nothing
    lab, feats = holes(g)
    assert lab.max() == 1 and (lab[0] == -1).all()  # the outside is not a hole
    f = {name: feats[:, k].tolist() for k, name in enumerate(FEATURES)}
    assert f == {"edge": [0, 0], "size": [4, 3], "height": [2, 3], "width": [2, 1], "rectangle": [1, 1],
                 "square": [1, 0], "size_rank": [0, 1], "size_odd": [0, 1], "height_odd": [0, 1],
                 "width_odd": [0, 1], **{f"touches_{c}": [int(c == 5)] * 2 for c in range(1, 10)}}


def test_an_l_shaped_hole_is_no_rectangle():
    g = np.full((5, 5), 5, dtype=np.uint8)
    g[1, 1:4] = 0
    g[2:4, 1] = 0
    _, feats = holes(g)
    assert feats[:, FEATURES.index("rectangle")].tolist() == [0]


def fill_squares(g: np.ndarray) -> np.ndarray:
    lab, feats = holes(g)
    square = feats[:, FEATURES.index("square")]
    return np.where((lab >= 0) & (square[lab] == 1), 2, g).astype(np.uint8)


def scenes() -> list[np.ndarray]:
    out = []
    for shapes in (((2, 2), (1, 3)), ((3, 3), (2, 1), (1, 1)), ((1, 2), (4, 4))):
        g = np.zeros((7, 16), dtype=np.uint8)
        for i, (h, w) in enumerate(shapes):
            ring(g, 1, 5 * i, h, w)
        out.append(g)
    return out


def test_learns_to_fill_the_square_holes():
    grids = scenes()
    found = learn_holes(grids, [fill_squares(g) for g in grids[:2]], 2)
    assert [f.name for f in found] == ["hole_rule(square)"]
    assert np.array_equal(found[0].tests[0], fill_squares(grids[2]))
    assert any(f.name == "hole_rule(square)" for f in learn_all(grids, [fill_squares(g) for g in grids[:2]], 2))


def test_no_answer_for_a_change_outside_the_holes():
    grids = scenes()
    outputs = [fill_squares(g) for g in grids[:2]]
    outputs[0][0, 15] = 3
    assert learn_holes(grids, outputs, 2) == []


def test_no_answer_for_a_hole_filled_with_two_colours():
    grids = scenes()
    outputs = [fill_squares(g) for g in grids[:2]]
    outputs[1][2, 2] = 4  # inside the 3x3 hole, now 2 and 4
    assert learn_holes(grids, outputs, 2) == []


def test_no_answer_when_a_test_value_was_never_seen():
    grids = scenes()
    def by_size(g: np.ndarray) -> np.ndarray:  # each hole filled with colour (its size), up to 9
        lab, feats = holes(g)
        return np.where(lab >= 0, np.minimum(feats[:, FEATURES.index("size")], 9)[lab], g).astype(np.uint8)

    outputs = [by_size(g) for g in grids[:2]]
    test = np.zeros((7, 16), dtype=np.uint8)
    ring(test, 1, 0, 2, 1)
    ring(test, 1, 5, 1, 1)  # sizes 2 and 1, both seen in training
    assert [f.name for f in learn_holes(grids[:2] + [test], outputs, 2)] == ["hole_rule(size)"]
    ring(test, 1, 10, 2, 3)  # size 6: never seen
    assert learn_holes(grids[:2] + [test], outputs, 2) == []


def rooms(cuts: tuple[int, ...]) -> np.ndarray:
    """A 6-row grid cut into rooms by full-height walls of 5 at the given columns."""
    g = np.zeros((6, cuts[-1] + 4), dtype=np.uint8)
    g[:, list(cuts)] = 5
    return g


def largest_and_smallest(g: np.ndarray) -> np.ndarray:
    lab, feats = holes(g, enclosed=False)
    rank = feats[:, FEATURES.index("size_rank")]
    colours = np.array([1, 2, 0], dtype=np.uint8)[rank]
    return np.where(lab >= 0, colours[lab], g).astype(np.uint8)


def test_every_region_with_enclosed_false():
    g = rooms((2, 4, 8))
    lab, feats = holes(g, enclosed=False)
    assert lab.max() == 3 and (lab[:, [2, 4, 8]] == -1).all()
    assert feats[:, FEATURES.index("edge")].tolist() == [1, 1, 1, 1]
    assert feats[:, FEATURES.index("width")].tolist() == [2, 1, 3, 3]
    assert feats[:, FEATURES.index("size_rank")].tolist() == [2, 1, 0, 0]
    assert holes(g)[0].max() == -1  # no hole: every room reaches the edge


def test_learns_the_region_rule_by_size_rank():
    grids = [rooms((2, 4, 8)), rooms((3, 5, 6)), rooms((1, 3, 9))]
    found = learn_holes(grids, [largest_and_smallest(g) for g in grids[:2]], 2)
    assert [f.name for f in found] == ["region_rule(size_rank)"]
    assert np.array_equal(found[0].tests[0], largest_and_smallest(grids[2]))


def test_learns_the_rooms_that_touch_a_colour():
    def fill_marked(g: np.ndarray) -> np.ndarray:  # every room with a 3 on its floor turns 3
        lab, feats = holes(g, enclosed=False)
        marked = feats[:, FEATURES.index("touches_3")]
        return np.where((lab >= 0) & (marked[lab] == 1), 3, g).astype(np.uint8)

    grids = []
    # a 3 on the floor of some rooms, a bump of wall in others: no room is a rectangle
    for cuts, marks, bumps in (((2, 5, 9), (0, 7), (3, 11)), ((3, 7), (1, 9), (5,)), ((1, 4, 8), (3, 10), (6,))):
        g = rooms(cuts)
        g[5, list(marks)] = 3
        g[5, list(bumps)] = 5
        grids.append(g)
    found = learn_holes(grids, [fill_marked(g) for g in grids[:2]], 2)
    assert [f.name for f in found] == ["region_rule(touches_3)"]
    assert np.array_equal(found[0].tests[0], fill_marked(grids[2]))


def test_the_search_finds_a_hole_rule_at_the_root():
    grids = scenes()
    outputs = [fill_squares(g) for g in grids[:2]]
    search = Search(build_table(("geometry",)), grids[:2], outputs, grids[2:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program == ("hole_rule(square)",)
    assert np.array_equal(found.tests[0], fill_squares(grids[2]))
