"""Content fingerprints of tasks, to keep what is measured out of what is trained or fitted on:
ARC-AGI-2 training holds most ARC-AGI-1 evaluation tasks, under other ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from solvers.task import Task

# Grids this small recur by chance across unrelated tasks (a 2x2 of zeros), so they prove nothing.
MIN_KEY_CELLS = 9


def grid_keys(task: Task) -> set[str]:
    """Every input grid of a task (train and test) of at least MIN_KEY_CELLS, fingerprinted."""
    grids = [e.input.cells for e in task.train] + [g.cells for g in task.test_inputs]
    return {hashlib.sha1(bytes(g.shape) + g.tobytes()).hexdigest() for g in grids if g.size >= MIN_KEY_CELLS}


def overlapping(tasks: Sequence[Task], held_out: Iterable[Task]) -> list[str]:
    """Ids of `tasks` that share an id or any input grid with a held-out (evaluation) task."""
    banned: set[str] = set()
    ids: set[str] = set()
    for t in held_out:
        banned |= grid_keys(t)
        ids.add(t.id)
    return [t.id for t in tasks if t.id in ids or grid_keys(t) & banned]
