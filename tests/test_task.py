import pytest

from solvers.task import Task, TaskError
from tests.fixtures import swap_task


def test_from_json_round_trips():
    obj, sol = swap_task()
    task = Task.from_json("x", obj, sol)
    assert task.n_test == 2 and len(task.train) == 2
    assert [g.tolist() for g in task.test_outputs] == sol
    again = Task.from_json("x", task.to_json(with_outputs=True))
    assert again == task


def test_test_outputs_inline_are_read():
    obj = {"train": [{"input": [[1]], "output": [[2]]}], "test": [{"input": [[1]], "output": [[2]]}]}
    assert Task.from_json("x", obj).test_outputs[0].tolist() == [[2]]


@pytest.mark.parametrize("obj,problem", [
    ({"test": [{"input": [[1]]}]}, "missing key 'train'"),
    ({"train": [{"input": [[1]], "output": [[1]]}]}, "missing key 'test'"),
    ({"train": [], "test": [{"input": [[1]]}]}, "empty train"),
    ({"train": [{"input": [[1]], "output": [[1]]}], "test": []}, "no test inputs"),
    ({"train": [{"input": [[1, 2], [1]], "output": [[1]]}], "test": [{"input": [[1]]}]}, r"train\[0\].input: ragged"),
    ({"train": [{"input": [[1]], "output": [[12]]}], "test": [{"input": [[1]]}]}, r"train\[0\].output: value 12"),
    ({"train": [{"input": [[1]]}], "test": [{"input": [[1]]}]}, r"train\[0\]: missing key 'output'"),
    ({"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[0] * 31]}]}, r"test\[0\].input: size 1x31"),
    ([1, 2], "not an object"),
])
def test_malformed_tasks_name_the_task_and_the_problem(obj, problem):
    with pytest.raises(TaskError, match=problem) as e:
        Task.from_json("deadbeef", obj)
    assert str(e.value).startswith("task deadbeef: ")


def test_bad_solutions_are_an_error_for_that_task():
    obj, _ = swap_task()
    with pytest.raises(TaskError, match="one grid per test input"):
        Task.from_json("x", obj, [[[1]]])
