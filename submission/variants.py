"""Variants of a task set: every grid of a task (train pairs, test inputs and outputs) turned by one
dihedral transform and recoloured by one permutation, as `SRC@SPEC` in any `--tasks`.

The score is also measured on variants of the public tasks, and a solver designed on those tasks can
lean on their orientation or their colours without anyone noticing (a row that only looks down, a
rule that only works when the background is black). Scoring the same tasks turned and recoloured
shows that: a variant is the same task, so its score should match the original's.

SPEC is one of:
- `dK` (K in 0..7): every task turned by the K-th symmetry of the square (solvers.neural.augment);
- `cSEED`: every task's colours 1..9 permuted, each task by its own permutation drawn from the seed
  and its id; 0 stays 0, since black is the background in most tasks and its role is not symmetric;
- `rSEED`: each task by its own symmetry and permutation of 1..9, drawn from the seed and its id;
- `RSEED`: the same, with 0 permuted too (the background gets some other colour).
The draws depend on the seed and the task id only, so a variant is the same on every machine and in
every run, and a task keeps its id (runs of a split and of its variants compare task by task).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from solvers.grid import Grid
from solvers.neural.augment import IDENTITY_COLOURS, Augment, random_colours
from solvers.task import Example, Task

_SPEC = re.compile(r"^(?:d([0-7])|([crR])(\d+))$")


class VariantError(ValueError):
    """A variant spec that is not one of dK, cSEED, rSEED, RSEED."""


@dataclass(frozen=True, slots=True)
class Variant:
    """How each task is varied: a fixed symmetry, or draws from a seed (see the module docstring)."""

    turn: int | None = None  # a fixed symmetry for every task, or None: drawn per task
    turns: bool = False  # draw a symmetry per task
    colours: bool = False  # draw a colour permutation per task
    background: bool = False  # the permutation moves 0 too
    seed: int = 0

    def augment(self, task_id: str) -> Augment:
        """The transform of one task's grids."""
        rng = random.Random(f"{self.seed}:{task_id}")  # str seeds hash with SHA-512: stable across runs
        k = self.turn if self.turn is not None else (rng.randrange(8) if self.turns else 0)
        perm = random_colours(rng, keep_background=not self.background) if self.colours else IDENTITY_COLOURS
        return Augment(k, perm)


def parse_variant(spec: str) -> Variant:
    m = _SPEC.match(spec)
    if not m:
        raise VariantError(f"@{spec}: not a variant; give dK (K in 0..7), cSEED, rSEED or RSEED")
    if m.group(1) is not None:
        return Variant(turn=int(m.group(1)))
    kind, seed = m.group(2), int(m.group(3))
    return Variant(turns=kind in "rR", colours=True, background=kind == "R", seed=seed)


def _grid(aug: Augment, g: Grid) -> Grid:
    return Grid(aug.apply(g.cells))


def vary_task(task: Task, variant: Variant) -> Task:
    """The task with every grid, known test outputs included, transformed alike."""
    aug = variant.augment(task.id)
    if aug.is_identity():
        return task
    train = tuple(Example(_grid(aug, e.input), _grid(aug, e.output)) for e in task.train)
    tests = tuple(_grid(aug, g) for g in task.test_inputs)
    outs = None if task.test_outputs is None else tuple(_grid(aug, g) for g in task.test_outputs)
    return replace(task, train=train, test_inputs=tests, test_outputs=outs)
