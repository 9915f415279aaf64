"""The object facts of the feature rule, each checked against a plain-Python reading of the grid."""

import numpy as np
import pytest

from solvers.dsl.cell_objects import NONE, chessboard_distance, nearest_colour, object_colours, rank_of
from solvers.dsl.kernels_common import label


def random_grid(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    h, w = rng.integers(1, 12, 2)
    return np.where(rng.random((h, w)) < 0.15, rng.integers(1, 10, (h, w)), 0).astype(np.uint8)


def brute_distance(g: np.ndarray, r: int, c: int) -> int:
    cells = np.argwhere(g != 0)
    return min(15, min((max(abs(a - r), abs(b - c)) for a, b in cells), default=15))


@pytest.mark.parametrize("seed", range(20))
def test_chessboard_distance_is_the_nearest_coloured_cell(seed):
    g = random_grid(seed)
    d = chessboard_distance(g)
    assert d.tolist() == [[brute_distance(g, r, c) for c in range(g.shape[1])] for r in range(g.shape[0])]


@pytest.mark.parametrize("seed", range(20))
def test_nearest_colour_is_the_one_colour_at_that_distance(seed):
    g = random_grid(seed)
    d = chessboard_distance(g)
    for r in range(g.shape[0]):
        for c in range(g.shape[1]):
            if g[r, c] != 0 or d[r, c] == 15:
                continue
            ring = {int(g[a, b]) for a, b in np.argwhere(g != 0) if max(abs(a - r), abs(b - c)) == d[r, c]}
            assert nearest_colour(g, d, r, c) == (ring.pop() if len(ring) == 1 else NONE)


def test_object_colours_main_and_second():
    g = np.array([[1, 1, 2, 0, 3, 3, 4, 4, 0, 5, 6, 7]], dtype=np.uint8)
    lab, n = label(g, 1, 1)
    assert n == 3
    # {1, 1, 2}: main 1, second 2; {3, 3, 4, 4}: a tie, no main; {5, 6, 7}: a tie of three
    assert object_colours(g, lab, n).tolist() == [[1, 2], [NONE, NONE], [NONE, NONE]]
    g = np.array([[5, 5, 6, 7]], dtype=np.uint8)  # three colours: a main one, no second
    lab, n = label(g, 1, 1)
    assert object_colours(g, lab, n).tolist() == [[5, NONE]]


def test_rank_of():
    assert [rank_of(v, 5, 1) for v in (5, 1, 3)] == [1, 2, 4]
    assert rank_of(2, 2, 2) == 3
