"""The submission as it stands during a run: valid from the first moment, improved task by task."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ensemble.rules import Rule, attempts_for, load_calibration, registry
from submission.io import Attempts, entry_json, write_json_atomic
from submission.sources import TaskSet
from submission.wire import TaskResult


class LiveSubmission:
    """Every task starts on its fallback (the test input, the ensemble's stated default); a finished
    task's entry is replaced by the ensemble's two attempts, and the file is rewritten atomically,
    so a run killed at any moment leaves a valid file that covers every task."""

    def __init__(self, path: str | Path, taskset: TaskSet, weights: Mapping[str, float] | None = None,
                 rule: str = "weighted"):
        self.path = Path(path)
        rules = registry(load_calibration(), weights)
        if rule not in rules:
            raise ValueError(f"unknown ensemble rule {rule!r}; known: {', '.join(rules)}")
        self.rule: Rule = rules[rule]
        self.tasks = {t.id: t for t in taskset.tasks}
        self.entries: dict[str, list[Attempts]] = {}
        for t in taskset.tasks:
            self.entries[t.id] = [(g, g) for g in t.test_inputs]
        for b in taskset.bad:
            self.entries[b.id] = [(g, g) for g in b.fallbacks]
        # the file's content, kept ready so a finished task converts only its own grids
        self.json = {task_id: entry_json(a) for task_id, a in self.entries.items()}
        self.write()

    def record(self, result: TaskResult) -> list[Attempts]:
        """Merge a finished task's candidates into its entry and rewrite the file."""
        task = self.tasks[result.task_id]
        self.entries[task.id] = attempts_for(result.candidates, task.test_inputs, self.rule)
        self.json[task.id] = entry_json(self.entries[task.id])
        self.write()
        return self.entries[task.id]

    def write(self) -> None:
        write_json_atomic(self.path, self.json)
