"""Kaggle submission files: write them atomically, and list every problem in one."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from solvers.grid import Grid, GridError, check_rows

# one entry per test input: (attempt_1, attempt_2)
Attempts = tuple[Grid, Grid]


def write_json_atomic(path: str | Path, obj: Any) -> None:
    """Write JSON so that a reader (or a kill at any moment) sees the old file or the new one, whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, separators=(",", ":"))  # one dumps is ~5x faster than a streaming dump
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def entry_json(attempts: Sequence[Attempts]) -> list[dict[str, list[list[int]]]]:
    """One task's entry: [{"attempt_1": grid, "attempt_2": grid}, ... one per test input, in order]."""
    return [{"attempt_1": a1.tolist(), "attempt_2": a2.tolist()} for a1, a2 in attempts]


def submission_json(entries: Mapping[str, Sequence[Attempts]]) -> dict[str, list[dict[str, list[list[int]]]]]:
    """{task_id: entry} for every task."""
    return {task_id: entry_json(attempts) for task_id, attempts in entries.items()}


def write_submission(path: str | Path, entries: Mapping[str, Sequence[Attempts]]) -> None:
    write_json_atomic(path, submission_json(entries))


def validate_submission(obj: Any, n_tests: Mapping[str, int]) -> list[str]:
    """Every problem in a parsed submission, given each task's number of test inputs; [] if valid."""
    if not isinstance(obj, dict):
        return [f"submission is a {type(obj).__name__}, not a map of task ids"]
    problems = [f"task {t}: missing" for t in n_tests if t not in obj]
    problems += [f"task {t}: not in the tasks" for t in obj if t not in n_tests]
    for task_id, n in n_tests.items():
        entries = obj.get(task_id)
        if task_id not in obj:
            continue
        if not isinstance(entries, list):
            problems.append(f"task {task_id}: not a list of test entries")
            continue
        problems += [f"task {task_id}: test {i}: missing" for i in range(len(entries), n)]
        if len(entries) > n:
            problems.append(f"task {task_id}: {len(entries)} test entries for {n} test inputs")
        for i, entry in enumerate(entries[:n]):
            if not isinstance(entry, dict):
                problems.append(f"task {task_id}: test {i}: not an object with attempt_1 and attempt_2")
                continue
            for key in ("attempt_1", "attempt_2"):
                if key not in entry:
                    problems.append(f"task {task_id}: test {i}: {key} missing")
                    continue
                try:
                    check_rows(entry[key])
                except GridError as e:
                    problems.append(f"task {task_id}: test {i}: {key}: {e}")
    return problems


def validate_file(path: str | Path, n_tests: Mapping[str, int]) -> list[str]:
    try:
        obj = json.loads(Path(path).read_text())
    except OSError as e:
        return [f"{path}: cannot read ({e.strerror})"]
    except json.JSONDecodeError as e:
        return [f"{path}: not valid JSON ({e.msg} at line {e.lineno})"]
    return validate_submission(obj, n_tests)
