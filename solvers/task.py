"""Examples and tasks, and the one place where a task's JSON is checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from solvers.grid import Grid, GridError


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages about files (a 'list', not a 'NoneType')."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    if type(value) in names:
        return names[type(value)]
    return "a number" if isinstance(value, (int, float)) else f"a {type(value).__name__}"


class TaskError(ValueError):
    """A malformed task. The message names the task and the problem."""

    def __init__(self, task_id: str, problem: str, n_test: int = 1):
        super().__init__(f"task {task_id}: {problem}")
        self.task_id = task_id
        self.problem = problem
        # how many test entries the submission still owes this task
        self.n_test = max(1, n_test)


@dataclass(frozen=True, slots=True)
class Example:
    """One demonstration pair."""

    input: Grid
    output: Grid


@dataclass(frozen=True, slots=True)
class Task:
    """An ARC task: demonstrations, test inputs, and the test outputs when known."""

    id: str
    train: tuple[Example, ...]
    test_inputs: tuple[Grid, ...]
    test_outputs: tuple[Grid, ...] | None = None

    def __post_init__(self) -> None:
        if not self.train:
            raise TaskError(self.id, "empty train")
        if not self.test_inputs:
            raise TaskError(self.id, "no test inputs", 0)
        if self.test_outputs is not None and len(self.test_outputs) != len(self.test_inputs):
            raise TaskError(self.id, "test outputs do not match test inputs", len(self.test_inputs))

    @property
    def n_test(self) -> int:
        return len(self.test_inputs)

    @classmethod
    def from_json(cls, task_id: str, obj: Any, solutions: Any = None) -> Task:
        """Build a task from the challenges format; `solutions` is the list of test outputs, if known.

        Test outputs may also sit inside the test entries (the per-task file format). Any problem
        raises TaskError naming this task, the field and the fault.
        """
        if not isinstance(obj, dict):
            raise TaskError(task_id, f"task is {json_type(obj)}, not an object")
        raw_test = obj.get("test")
        n_test = len(raw_test) if isinstance(raw_test, list) else 1
        for key in ("train", "test"):
            if key not in obj:
                raise TaskError(task_id, f"missing key '{key}'", n_test)
            if not isinstance(obj[key], list):
                raise TaskError(task_id, f"'{key}' is not a list", n_test)
        if not obj["train"]:
            raise TaskError(task_id, "empty train", n_test)
        if not raw_test:
            raise TaskError(task_id, "no test inputs", n_test)

        def grid(value: Any, where: str) -> Grid:
            try:
                return Grid.from_rows(value)
            except GridError as e:
                raise TaskError(task_id, f"{where}: {e}", n_test) from None

        def field(pair: Any, where: str, key: str) -> Any:
            if not isinstance(pair, dict) or key not in pair:
                raise TaskError(task_id, f"{where}: missing key '{key}'", n_test)
            return pair[key]

        train = tuple(
            Example(grid(field(p, f"train[{i}]", "input"), f"train[{i}].input"),
                    grid(field(p, f"train[{i}]", "output"), f"train[{i}].output"))
            for i, p in enumerate(obj["train"])
        )
        tests = tuple(grid(field(p, f"test[{i}]", "input"), f"test[{i}].input") for i, p in enumerate(raw_test))
        outputs: tuple[Grid, ...] | None = None
        if solutions is not None:
            if not isinstance(solutions, list) or len(solutions) != len(tests):
                raise TaskError(task_id, f"solutions do not give one grid per test input ({len(tests)})", n_test)
            outputs = tuple(grid(s, f"solution[{i}]") for i, s in enumerate(solutions))
        elif all(isinstance(p, dict) and "output" in p for p in raw_test):
            outputs = tuple(grid(p["output"], f"test[{i}].output") for i, p in enumerate(raw_test))
        return cls(task_id, train, tests, outputs)

    def to_json(self, with_outputs: bool = False) -> dict[str, Any]:
        """The challenges format (test outputs inline only when asked)."""
        test = [{"input": g.tolist()} for g in self.test_inputs]
        if with_outputs and self.test_outputs is not None:
            for t, g in zip(test, self.test_outputs):
                t["output"] = g.tolist()
        return {"train": [{"input": e.input.tolist(), "output": e.output.tolist()} for e in self.train], "test": test}
