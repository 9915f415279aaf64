import zlib

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.neural.solver import NeuralConfig, NeuralSolver
from solvers.neural.ttt import TrainConfig
from solvers.task import Task
from tests.timing import shortest_wall


def swap(task_id: str = "swap0001") -> tuple[Task, list]:
    """Colours 1 and 2 trade places on random 4x4 grids of colours 0-3: three pairs, two tests."""
    rng = np.random.default_rng(zlib.crc32(task_id.encode()))
    lut = np.array([0, 2, 1, 3])

    def pair():
        g = rng.integers(0, 4, (4, 4))
        return g.tolist(), lut[g].tolist()

    train = [dict(zip(("input", "output"), pair())) for _ in range(3)]
    tests = [pair() for _ in range(2)]
    t = {"train": train, "test": [{"input": i} for i, _ in tests]}
    answers = [o for _, o in tests]
    return Task.from_json(task_id, t, answers), answers


def from_scratch() -> NeuralSolver:
    return NeuralSolver(NeuralConfig(checkpoint=None), seed=0)


@pytest.mark.parametrize("task_id", ["swap0001", "swap0002"])
def test_it_learns_a_colour_swap_on_the_cpu_in_80_steps(task_id):
    task, answers = swap(task_id)
    # A step count, not a deadline: a faster machine trains longer under a deadline, and swap0002 then
    # fits all train pairs with a net that miscolours one test cell (seen at 200 steps), so a timed
    # version of this test passed or failed with the machine. 80 steps take about 1.5 s here.
    solver = NeuralSolver(NeuralConfig(checkpoint=None, train=TrainConfig(max_steps=80)), seed=0)
    cands = list(solver.solve(task, Deadline.after(120.0)))
    assert solver.last_stats.steps == 80
    for i, truth in enumerate(answers):
        top = max((c for c in cands if c.test_index == i), key=lambda c: c.score)
        assert top.grid.tolist() == truth
        assert 0 < top.score <= 1 and top.train_fit == 1.0


def test_the_deadline_is_respected():
    task, _ = swap()
    solver = from_scratch()
    solver.warm_up()
    assert shortest_wall(lambda: list(solver.solve(task, Deadline.after(1.0))), 1.5) < 1.5


def test_same_candidates_from_the_same_seed():
    task, _ = swap()
    # a fixed number of steps, not a deadline, makes the runs comparable
    cfg = NeuralConfig(checkpoint=None, train=TrainConfig(max_steps=30))
    runs = [[(c.test_index, c.grid, round(c.score, 5)) for c in NeuralSolver(cfg).solve(task, Deadline.after(60.0))]
            for _ in range(2)]
    assert runs[0] == runs[1] and runs[0]


def test_no_agreed_output_size_means_no_candidates():
    t = {"train": [{"input": [[1, 2]], "output": [[1]]}, {"input": [[1, 2, 3]], "output": [[1, 2, 3, 4, 5]]}],
         "test": [{"input": [[4]]}]}
    assert list(from_scratch().solve(Task.from_json("nosize01", t), Deadline.after(1.0))) == []
