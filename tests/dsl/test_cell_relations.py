"""The relation columns of the feature rule: same shapes, enclosed objects, and a template task."""

import numpy as np
import pytest

from solvers.dsl.cell_relations import (
    enclosed_objects,
    holders,
    relation_colours,
    same_shape,
    twin_colours,
    twin_holder_colours,
)
from solvers.dsl.kernels_common import label, label_boxes, object_sizes
from solvers.dsl.learned_features import learn_feature_rule


def g(rows) -> np.ndarray:
    return np.array(rows, dtype=np.uint8)


def _mask(lab: np.ndarray, j: int) -> np.ndarray:
    rows, cols = np.nonzero(lab == j)
    return (lab == j)[rows.min():rows.max() + 1, cols.min():cols.max() + 1]


def _turns(m: np.ndarray) -> list[np.ndarray]:
    return [t for k in range(4) for t in (np.rot90(m, k), np.rot90(m, k).T)]


@pytest.mark.parametrize("seed", range(12))
def test_same_shape_is_equal_masks_up_to_translation_or_turns(seed):
    rng = np.random.default_rng(seed)
    grid = np.where(rng.random((9, 9)) < 0.35, rng.integers(1, 3, (9, 9)), 0).astype(np.uint8)
    lab, n = label(grid, 1, 0)
    box = label_boxes(lab, n)
    for a in range(n):
        for b in range(n):
            ma, mb = _mask(lab, a), _mask(lab, b)
            moved = ma.shape == mb.shape and (ma == mb).all()
            turned = any(t.shape == mb.shape and (t == mb).all() for t in _turns(ma))
            assert same_shape(lab, a, b, box, False) == moved
            assert same_shape(lab, a, b, box, True) == turned


def test_enclosed_objects_are_the_ones_inside_a_closed_frame():
    grid = g([[0, 0, 0, 0, 0, 0, 0, 0],
              [0, 5, 5, 5, 5, 0, 3, 0],
              [0, 5, 2, 0, 5, 0, 3, 0],
              [0, 5, 0, 0, 5, 0, 3, 3],
              [0, 5, 5, 5, 5, 0, 4, 3],
              [0, 0, 0, 0, 0, 0, 0, 0]])
    lab, n = label(grid, 1, 0)
    enclosed = enclosed_objects(grid, lab, n)
    # the frame touches the outside; the 2 is inside it; the 3s touch the outside and the edge; the 4
    # sits in the open cup of 3s, which the outside reaches from below
    assert {int(grid[lab == j][0]): bool(enclosed[j]) for j in range(n)} == {5: False, 2: True, 3: False, 4: False}


def test_twins_that_disagree_give_the_own_colour():
    grid = g([[1, 0, 2, 0, 3, 0, 4, 4]])  # three lone pixels of three colours, and a domino
    lab, n = label(grid, 1, 0)
    box, sizes = label_boxes(lab, n), object_sizes(lab, n)
    colour = np.array([grid[lab == j][0] for j in range(n)], dtype=np.int64)
    twins = twin_colours(lab, n, box, sizes, colour, False, np.zeros(n, dtype=np.bool_), False)
    assert twins.tolist() == [1, 2, 3, 4]


def test_a_key_in_a_corner_gives_its_twins_the_lines_colour():
    grid = g([[1, 1, 0, 5, 0, 0],
              [0, 1, 0, 5, 0, 0],
              [5, 5, 5, 5, 0, 0],
              [0, 0, 0, 0, 6, 6],
              [0, 0, 0, 0, 0, 6]])
    lab, n = label(grid, 1, 0)
    box, sizes = label_boxes(lab, n), object_sizes(lab, n)
    colour = np.array([grid[lab == j][0] for j in range(n)], dtype=np.int64)
    assert colour.tolist() == [1, 5, 6]
    # the L of 5s holds the key of 1s (their boxes share the top and left edges); nothing holds the rest
    assert holders(box, colour, n).tolist() == [1, -1, -1]
    # the 6s repeat the held key, so they take the 5s' colour; the key's own twin is held by nothing
    assert twin_holder_colours(lab, n, box, sizes, colour).tolist() == [1, 5, 5]


def test_relation_colours_of_background_cells_are_zero():
    grid = g([[1, 0], [0, 2]])
    assert relation_colours(grid)[0, 1].tolist() == [0, 0, 0, 0]
    # two lone pixels: one shape in two colours (one-colour objects, so the diagonal does not join
    # them), but neither is enclosed nor held, so the enclosed twin and the holder are its own colour
    assert relation_colours(grid)[0, 0].tolist() == [2, 2, 1, 1]


SHAPES = (g([[1, 1], [1, 0]]), g([[0, 1, 0], [1, 1, 1], [0, 1, 0]]), g([[1, 1, 1]]), g([[1, 0], [1, 1], [1, 0]]))
SPOTS = ((7, 0), (7, 5), (0, 7), (4, 9))  # top-left corners of the shapes drawn outside the frame


def _template_task(template: int, colour: int, others: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A frame of 5s holds shape `template` in `colour`; outside, 1s in the shapes `others` (by
    SHAPES index). The output paints the 1s of the template's shape in its colour (as 776ffc46)."""
    x = np.zeros((11, 13), dtype=np.uint8)
    x[0, :5] = x[4, :5] = x[:5, 0] = x[:5, 4] = 5
    s = SHAPES[template]
    x[1:1 + s.shape[0], 1:1 + s.shape[1]] = s * colour
    y = x.copy()
    for (r, c), k in zip(SPOTS, others):
        t = SHAPES[k]
        x[r:r + t.shape[0], c:c + t.shape[1]] = t
        y[r:r + t.shape[0], c:c + t.shape[1]] = t * (colour if k == template else 1)
    return x, y


def test_learns_to_paint_the_template_shape_in_its_colour():
    pairs = [_template_task(0, 2, (0, 1, 2, 0)), _template_task(1, 3, (2, 1, 3, 0)), _template_task(2, 4, (2, 3, 2, 1))]
    test_in, test_out = _template_task(3, 6, (3, 0, 3, 2))  # a new shape in a new colour
    found = learn_feature_rule([x for x, _ in pairs] + [test_in], [y for _, y in pairs], 3)
    # colour 6 is in no train grid, so the rule can only have copied it from the template
    assert all(6 not in x for x, _ in pairs)
    assert found and found[0].tests[0].tolist() == test_out.tolist()
