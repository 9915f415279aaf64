"""The learned move: move vectors, the per-colour choice, the anchor, refusals, and the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_move import MOVES, Obj, learn_move, move_vector, objects, render
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines


def box(r0: int, r1: int, c0: int, c1: int, colour: int = 1) -> Obj:
    mask = np.ones((r1 - r0 + 1, c1 - c0 + 1), dtype=bool)
    return Obj(r0, r1, c0, c1, colour, mask, (mask * colour).astype(np.uint8))


ANCHOR = box(4, 5, 10, 11, 2)  # a 2x2 block at rows 4-5, columns 10-11


@pytest.mark.parametrize(("name", "expected"), [
    ("stay", (0, 0)),
    ("up_by_height", (-3, 0)),
    ("down_by_height", (3, 0)),
    ("left_by_width", (0, -2)),
    ("right_by_width", (0, 2)),
    ("step_toward", (1, 1)),
    ("contact", None),  # the boxes share no row or column
    ("align_top", (3, 0)),
    ("align_bottom", (2, 0)),
    ("align_mid_row", None),  # centres 2 and 4.5: half a cell apart
    ("align_left", (0, 9)),
    ("align_right", (0, 9)),
    ("align_mid_col", (0, 9)),  # both 2 wide: centres 1.5 and 10.5
])
def test_move_vector(name, expected):
    ob = box(1, 3, 1, 2)  # 3 rows, 2 columns, up and left of the anchor
    assert move_vector(ob, name, ANCHOR) == expected


def test_every_move_has_a_case():
    assert set(MOVES) == {"stay", "contact", "step_toward", "align_top", "align_bottom", "align_mid_row",
                          "align_left", "align_right", "align_mid_col", "up_by_height", "down_by_height",
                          "left_by_width", "right_by_width", "to_own"}


def test_contact_moves_along_the_shared_rows_or_columns():
    assert move_vector(box(4, 4, 1, 2), "contact", ANCHOR) == (0, 7)  # same row: to column 9
    assert move_vector(box(8, 9, 11, 11), "contact", ANCHOR) == (-2, 0)  # below: up to row 6
    assert move_vector(box(4, 4, 1, 2), "align_top", None) is None  # no anchor, no alignment


def test_objects_and_render_round_trip():
    g = np.zeros((6, 7), dtype=np.uint8)
    g[0:2, 0:2] = 3
    g[4, 3:6] = [1, 2, 1]
    objs = objects(g, 1, 1)
    assert [(o.r0, o.c0, o.colour) for o in objs] == [(0, 0, 3), (4, 3, 2)]
    assert np.array_equal(render(g.shape, objs, [(0, 0)] * len(objs)), g)
    moved = render(g.shape, objs, [(1, 1), (0, -3)])
    assert moved[1:3, 1:3].tolist() == [[3, 3], [3, 3]] and moved[4, :3].tolist() == [1, 2, 1]


def scene(rng: np.random.Generator, colours: list[int]) -> np.ndarray:
    """Vertical bars of random heights, one per colour, 2 columns apart, in a 12-row grid."""
    g = np.zeros((12, 2 * len(colours) + 1), dtype=np.uint8)
    for i, c in enumerate(colours):
        h = int(rng.integers(1, 4))
        r = int(rng.integers(h, 12 - h))
        g[r:r + h, 2 * i + 1] = c
    return g


def up_by_height(g: np.ndarray) -> np.ndarray:
    objs = objects(g, 1, 1)
    return render(g.shape, objs, [move_vector(o, "up_by_height", None) for o in objs])


def test_learns_one_move_for_every_colour_and_gives_it_to_a_new_colour():
    rng = np.random.default_rng(0)
    grids = [scene(rng, [1, 2, 3]), scene(rng, [2, 3, 1]), scene(rng, [4, 1])]  # 4 is new in the test
    found = learn_move(grids, [up_by_height(g) for g in grids[:2]], 2)
    assert [f.name for f in found] == ["move(conn8,multi;others:up_by_height)"]
    assert np.array_equal(found[0].tests[0], up_by_height(grids[2]))


def test_learns_alignment_with_the_anchor():
    grids = []
    for rows in ([0, 5, 9], [7, 2, 1], [3, 8, 6]):
        g = np.zeros((12, 8), dtype=np.uint8)
        g[4:6, 0] = 5  # the anchor, a 2-cell bar in the first column
        for i, r in enumerate(rows):
            g[r:r + 2, 2 + 2 * i] = i + 1
        grids.append(g)
    outputs = []
    for g in grids[:2]:
        o = np.zeros_like(g)
        o[4:6, 0] = 5
        o[4:6, 2:7:2] = [1, 2, 3]
        outputs.append(o)
    found = learn_move(grids, outputs, 2)
    assert [f.name for f in found] == ["move(conn8,multi;5:stay,others:align_top 5)"]
    assert found[0].tests[0][4:6, 2:7:2].tolist() == [[1, 2, 3], [1, 2, 3]]


def test_each_colour_may_move_toward_an_anchor_of_its_own():
    g = np.zeros((9, 9), dtype=np.uint8)
    g[4, 0], g[4, 8] = 1, 2  # the anchors, at the left and right edges
    g[4, 3], g[4, 5] = 3, 4  # 3 goes to 1, 4 goes to 2
    test = np.zeros((9, 9), dtype=np.uint8)
    test[1, 0], test[1, 8] = 1, 2
    test[1, 5], test[1, 2] = 3, 4  # crossed over: each still goes to its own anchor
    out = np.zeros_like(g)
    out[4, :2], out[4, 7:] = [1, 3], [4, 2]
    found = learn_move([g, test], [out], 1)
    assert [f.name for f in found] == ["move(conn8,multi;1:stay,2:stay,3:contact 1,4:contact 2)"]
    assert found[0].tests[0][1].tolist() == [1, 3, 0, 0, 0, 0, 0, 4, 2]


def walls(pixels: list[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """A 9x9 grid with a wall of 1 along the top row and a wall of 2 along the left column (corner
    empty), and pixels (row, column, colour); the output draws each pixel to the wall of its colour
    (up to row 1, or left to column 1) and drops pixels of other colours."""
    g = np.zeros((9, 9), dtype=np.uint8)
    g[0, 1:], g[1:, 0] = 1, 2
    o = g.copy()
    for r, c, colour in pixels:
        g[r, c] = colour
        if colour == 1:
            o[1, c] = 1
        elif colour == 2:
            o[r, 1] = 2
    return g, o


def test_to_own_draws_pixels_to_the_wall_of_their_colour_and_drops_strays():
    pairs = [walls([(4, 5, 1), (6, 3, 2), (7, 7, 3)]), walls([(3, 2, 1), (5, 6, 1), (2, 4, 4)]),
             walls([(5, 5, 2), (3, 7, 1), (6, 2, 5)])]  # 5: a colour no train grid had
    found = learn_move([g for g, _ in pairs], [o for _, o in pairs[:2]], 2)
    assert [f.name for f in found] == ["move(conn8;others:to_own)"]  # multicolour joins the walls at the corner
    assert np.array_equal(found[0].tests[0], pairs[2][1])


def test_no_answer_when_an_output_loses_a_cell():
    rng = np.random.default_rng(1)
    grids = [scene(rng, [1, 2]), scene(rng, [1, 2])]
    out = up_by_height(grids[0])
    out[out == 2] = 0  # a colour vanishes: not a move
    assert learn_move(grids, [out], 1) == []


def test_no_answer_when_the_test_move_leaves_the_grid():
    g = np.zeros((5, 5), dtype=np.uint8)
    g[3:5, 1] = 1
    test = np.zeros((5, 5), dtype=np.uint8)
    test[0:3, 3] = 1  # moving up by its height leaves the grid
    assert learn_move([g, test], [up_by_height(g)], 1) == []


def test_the_search_finds_a_move_at_the_root():
    rng = np.random.default_rng(2)
    grids = [scene(rng, [1, 2, 3]) for _ in range(3)]
    outputs = [up_by_height(g) for g in grids[:2]]
    search = Search(build_table(("geometry",)), grids[:2], outputs, grids[2:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.matched == f.n_train)
    assert found.program[-1].startswith("move(")
    assert np.array_equal(found.tests[0], up_by_height(grids[2]))
