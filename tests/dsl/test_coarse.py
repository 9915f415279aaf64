"""The coarse task: lattices, the exact round trip, when a task is coarse, and the search on it."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.coarse import coarse_task, expand, lattice, reduce
from solvers.dsl.search import SearchConfig
from solvers.dsl.solver import DslSolver
from solvers.grid import Grid
from solvers.task import Example, Task

pytestmark = pytest.mark.usefixtures("warm_dsl")  # a search runs under a deadline


def lattice_grid(parts: list[list[int]], size: int = 2, sep: int = 5) -> np.ndarray:
    """Parts of size x size cells, each its colour in `parts`, between separator lines of `sep`."""
    ny, nx = len(parts), len(parts[0])
    g = np.full((ny * (size + 1) - 1, nx * (size + 1) - 1), sep, dtype=np.uint8)
    for i, row in enumerate(parts):
        for j, v in enumerate(row):
            g[i * (size + 1):i * (size + 1) + size, j * (size + 1):j * (size + 1) + size] = v
    return g


def test_reduce_and_expand_round_trip():
    parts = [[0, 2, 0], [3, 0, 0], [0, 0, 4]]
    g = lattice_grid(parts)
    lat = lattice(g)
    assert (lat.ny, lat.nx) == (3, 3)
    assert reduce(g, lat).tolist() == parts
    assert np.array_equal(expand(reduce(g, lat), g, lat), g)
    painted = expand(np.full((3, 3), 7, dtype=np.uint8), g, lat)
    assert (painted[g == 5] == 5).all() and (painted[g != 5] == 7).all()  # separators kept


def test_no_lattice_without_separators_or_with_mixed_parts():
    assert lattice(np.zeros((5, 5), dtype=np.uint8)) is None
    g = lattice_grid([[0, 2], [3, 0]])
    assert lattice(g) is not None
    g[0, 0] = 1  # a part of two colours
    assert lattice(g) is None
    assert lattice(lattice_grid([[1, 2]])) is None  # two parts are too few


def test_a_task_is_coarse_only_when_outputs_recolour_whole_parts():
    a = lattice_grid([[0, 2], [0, 0]])
    b = lattice_grid([[0, 2], [0, 2]])
    test = lattice_grid([[2, 0], [0, 0]])
    task = coarse_task([a], [b], [test])
    assert task is not None and task.outputs[0].tolist() == [[0, 2], [0, 2]]
    assert task.tests[0].tolist() == [[2, 0], [0, 0]]
    half = b.copy()
    half[3, 3] = 0  # part (1, 1) of two colours
    assert coarse_task([a], [half], [test]) is None
    moved = b.copy()
    moved[2, :] = 0  # a separator changed
    assert coarse_task([a], [moved], [test]) is None
    assert coarse_task([a], [a], [test]) is None  # nothing changed


def test_a_rule_about_the_parts_is_solved_on_the_coarse_grid():
    """Each coloured part sends its colour down through the parts below it; on the grid itself the
    separator lines stop every ray, so only the coarse task makes this one step."""
    def pair(parts):
        down = [row[:] for row in parts]
        for i in range(1, len(down)):
            for j, v in enumerate(down[i]):
                if v == 0:
                    down[i][j] = down[i - 1][j]
        return Grid(lattice_grid(parts, 3)), Grid(lattice_grid(down, 3))

    train = [pair([[2, 0, 0], [0, 0, 3], [0, 0, 0], [0, 0, 0]]),
             pair([[0, 4, 0], [0, 0, 0], [2, 0, 0], [0, 0, 0]]),
             pair([[0, 0, 0], [0, 3, 0], [0, 0, 0], [0, 0, 4]])]
    test_in, test_out = pair([[0, 0, 2], [4, 0, 0], [0, 0, 0], [0, 3, 0]])
    task = Task("parts", tuple(Example(i, o) for i, o in train), (test_in,), (test_out,))
    solver = DslSolver(SearchConfig(max_answers=1))
    found = list(solver.solve(task, Deadline.after(8)))
    best = max(found, key=lambda c: c.score)
    assert best.grid == test_out and "coarse(parts)" in best.provenance
    assert solver.last_stats is not None and solver.last_stats.states > 0
