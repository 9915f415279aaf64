"""The learned count: measures, the run of cells, the refusals, and the search."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_count import learn_count, measures
from solvers.dsl.search import Search, SearchConfig
from solvers.dsl.table import build_table

pytestmark = pytest.mark.usefixtures("warm_dsl")  # the search test runs under a deadline


def scene(rng: np.random.Generator, blocks: int, pixels: int) -> np.ndarray:
    """A 12 x 12 grid with `blocks` 2 x 2 blocks of 1 and `pixels` lone pixels of 1 (noise), apart."""
    g = np.zeros((12, 12), dtype=np.uint8)
    spots = rng.permutation([(r, c) for r in range(0, 12, 3) for c in range(0, 12, 3)])
    for r, c in spots[:blocks]:
        g[r:r + 2, c:c + 2] = 1
    for r, c in spots[blocks:blocks + pixels]:
        g[r, c] = 1
    return g


def bar(k: int, width: int = 5) -> np.ndarray:
    o = np.zeros((1, width), dtype=np.uint8)
    o[0, :k] = 2
    return o


def test_measures_count_objects_blocks_and_cells_per_colour():
    g = np.zeros((5, 5), dtype=np.uint8)
    g[0:2, 0:2] = 1  # a block
    g[4, 4] = 1  # a pixel
    g[3, 2] = 1  # another pixel
    g[4, 0] = g[3, 1] = 3  # two diagonal pixels: 2 objects, one 8-connected object
    m = measures(g)
    assert (m["objects(1)"], m["blocks(1)"], m["cells(1)"]) == (3, 1, 6)
    assert (m["objects(3)"], m["objects8(3)"], m["blocks(3)"]) == (2, 1, 0)
    assert (m["objects"], m["colours"], m["cells(2)"]) == (5, 2, 0)


def test_counts_blocks_among_noise_into_a_bar():
    rng = np.random.default_rng(0)
    counts = [(2, 3), (4, 1), (3, 4), (1, 2)]  # (blocks, noise pixels); the last is the test
    grids = [scene(rng, b, p) for b, p in counts]
    found = learn_count(grids, [bar(b) for b, _ in counts[:3]], 3)
    assert [f.name for f in found] == ["count_fill(blocks(1),rows)"]
    assert np.array_equal(found[0].tests[0], bar(1))


def test_fills_dots_in_reading_order_by_columns():
    # dots on a 3 x 3 checkerboard, filled down the columns first: (0,0), (2,0), (1,1), (0,2), (2,2)
    order = [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)]

    def dots(k: int) -> np.ndarray:
        o = np.zeros((3, 3), dtype=np.uint8)
        for r, c in order[:k]:
            o[r, c] = 1
        return o

    rng = np.random.default_rng(1)
    counts = [4, 2, 5, 3]
    grids = [scene(rng, 0, k) for k in counts]  # k lone pixels: k objects
    found = learn_count(grids, [dots(k) for k in counts[:3]], 3)
    assert [f.name for f in found] == ["count_fill(objects(1),cols)"]
    assert np.array_equal(found[0].tests[0], dots(3))


def test_refusals():
    rng = np.random.default_rng(2)
    grids = [scene(rng, b, 0) for b in (2, 3, 5)]
    # the test counts 5, past the end of the run (3 cells) that the train outputs show
    assert learn_count(grids, [bar(2, 4), bar(3, 4)], 2) == []
    # one count only: a constant output, not a count
    assert learn_count(grids[:1] + grids[2:], [bar(2)], 1) == []
    # the filled cells are not a prefix of one run: the second output skips the first cell
    skip = bar(3)
    skip[0, 0] = 0
    assert learn_count(grids, [bar(2), skip], 2) == []
    # two fill colours
    two = bar(3)
    two[0, 0] = 4
    assert learn_count(grids, [bar(2), two], 2) == []


def test_the_search_finds_a_count_at_the_root():
    rng = np.random.default_rng(3)
    counts = [(3, 2), (1, 3), (4, 2), (2, 1)]
    grids = [scene(rng, b, p) for b, p in counts]
    outputs = [bar(b) for b, _ in counts[:3]]
    search = Search(build_table(("geometry",)), grids[:3], outputs, grids[3:], SearchConfig(max_depth=1))
    found = next(f for f in search.run(Deadline.after(5.0)) if f.program[-1].startswith("count_fill("))
    assert np.array_equal(found.tests[0], bar(2))
