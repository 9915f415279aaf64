"""The per-object task: boxes, the exact cut-and-paste round trip, when a task is per-object, and
the search on it."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.object_task import boxes, crop, object_task, paste
from solvers.dsl.search import SearchConfig
from solvers.dsl.solver import DslSolver
from solvers.grid import Grid
from solvers.task import Example, Task

pytestmark = pytest.mark.usefixtures("warm_dsl")  # a search runs under a deadline


def test_boxes_crop_and_paste_round_trip():
    g = np.zeros((6, 7), dtype=np.uint8)
    g[1:3, 1:4] = 2
    g[4, 5] = 3
    box = boxes(g)
    assert box.tolist() == [[1, 2, 1, 3], [4, 4, 5, 5]]
    for b in box:
        assert np.array_equal(paste(g, b, crop(g, b)), g)
    assert paste(g, box[1], np.array([[7]], dtype=np.uint8))[4, 5] == 7
    assert boxes(np.zeros((3, 3), dtype=np.uint8)) is None
    ring = np.zeros((5, 5), dtype=np.uint8)
    ring[0, :], ring[4, :], ring[:, 0], ring[:, 4] = 1, 1, 1, 1
    ring[2, 2] = 2  # an object inside another's box
    assert boxes(ring) is None


def test_grown_boxes_stop_at_the_edge_and_must_not_overlap():
    g = np.zeros((6, 7), dtype=np.uint8)
    g[0, 0] = 1
    g[3:5, 3:5] = 2
    assert boxes(g, 1).tolist() == [[0, 1, 0, 1], [2, 5, 2, 5]]
    g[1, 2] = 3  # one cell from the first object: grown by one, its box touches the others'
    assert boxes(g) is not None and boxes(g, 1) is None


def corners(g: np.ndarray) -> np.ndarray:
    """A 6 on the four cells diagonally outside each object's box."""
    out = g.copy()
    for r0, r1, c0, c1 in boxes(g):
        out[[r0 - 1, r0 - 1, r1 + 1, r1 + 1], [c0 - 1, c1 + 1, c0 - 1, c1 + 1]] = 6
    return out


def test_changes_just_outside_the_boxes_make_a_per_object_task_with_grown_boxes():
    g = np.zeros((9, 10), dtype=np.uint8)
    g[1:3, 1:3] = 5
    g[5, 6:8] = 4
    assert object_task([g], [corners(g)], [g]) is None  # the corners lie outside the objects' boxes
    task = object_task([g], [corners(g)], [g], margin=1)
    assert task is not None and task.margin == 1
    assert [c.shape for c in task.inputs] == [(4, 4), (3, 4)]
    assert task.places == ((0, 0, 3, 0, 3), (0, 4, 6, 5, 8))


def bar(g: np.ndarray, r: int, c: int, w: int, colour: int) -> None:
    g[r:r + 3, c:c + w] = colour


def holed(g: np.ndarray) -> np.ndarray:
    """Each 3-row bar with every other cell of its middle row cleared, counted from its own left end."""
    out = g.copy()
    for b in boxes(g):
        out[b[0] + 1, b[2] + 1:b[3] + 1:2] = 0
    return out


def test_a_task_is_per_object_only_when_the_changes_stay_in_the_boxes():
    g = np.zeros((8, 9), dtype=np.uint8)
    bar(g, 0, 1, 5, 4)
    bar(g, 4, 2, 7, 8)
    task = object_task([g], [holed(g)], [g])
    assert task is not None and len(task.inputs) == 2 and task.places == ((0, 0, 2, 1, 5), (0, 4, 6, 2, 8))
    outside = holed(g)
    outside[7, 0] = 1  # a change off every box
    assert object_task([g], [outside], [g]) is None
    assert object_task([g], [g], [g]) is None  # nothing changes
    whole = np.full((3, 3), 5, dtype=np.uint8)  # one object filling its grid: the task itself
    assert object_task([whole], [np.zeros((3, 3), dtype=np.uint8)], [whole]) is None


def test_a_rule_about_each_object_in_its_own_frame_is_solved_per_object():
    """Every other cell of each bar's middle row is cleared, counting from the bar's own left end:
    bars start at odd and even columns alike, so the grid's column parity cannot say which."""
    rng = np.random.default_rng(3)

    def scene(n_bars: int) -> np.ndarray:
        g = np.zeros((4 * n_bars, 14), dtype=np.uint8)
        for i in range(n_bars):
            w = int(rng.integers(3, 8)) | 1  # odd widths: a hole can end each bar's middle row
            bar(g, 4 * i, int(rng.integers(0, 14 - w)), w, int(rng.integers(1, 9)))
        return g

    grids = [scene(2), scene(3), scene(2), scene(3)]
    task = Task("bars", tuple(Example(Grid(g), Grid(holed(g))) for g in grids[:3]), (Grid(grids[3]),),
                (Grid(holed(grids[3])),))
    found = list(DslSolver(SearchConfig(max_answers=1)).solve(task, Deadline.after(8)))
    best = max(found, key=lambda c: c.score)
    assert best.grid == task.test_outputs[0] and "per_object(boxes)" in best.provenance


def test_a_halo_rule_is_solved_on_grown_boxes():
    """Each object gets a 6 on the cells diagonally outside its box's corners: the per-object task on
    boxes grown by one cell finds it, and its answer is pasted back."""
    rng = np.random.default_rng(5)

    def scene() -> np.ndarray:
        g = np.zeros((10, 12), dtype=np.uint8)
        for r, c in ((1, 1), (1, 7), (6, 3)):
            h, w = (int(x) for x in rng.integers(1, 3, 2))
            g[r + 1:r + 1 + h, c + 1:c + 1 + w] = int(rng.integers(1, 6))
        return g

    grids = [scene() for _ in range(4)]
    task = Task("halo", tuple(Example(Grid(g), Grid(corners(g))) for g in grids[:3]), (Grid(grids[3]),),
                (Grid(corners(grids[3])),))
    found = list(DslSolver(SearchConfig(max_answers=1)).solve(task, Deadline.after(4)))
    assert any(c.grid == task.test_outputs[0] and "per_object(boxes+1)" in c.provenance for c in found)
