"""The DSL solver: colour-normalise the task, search, map answers back, yield scored candidates; where
the grids are lattices of one-colour parts, search the parts' colours first (solvers.dsl.coarse), and
where outputs change only the objects' boxes, the boxes cut out (solvers.dsl.object_task)."""

from __future__ import annotations

import gc
import logging
import math
from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np

from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.dsl.coarse import CoarseTask, coarse_task, expand
from solvers.dsl.colours import ColourMap, normalising_map, per_grid_maps
from solvers.dsl.learned import learn_all
from solvers.dsl.learned_crop import learn_crop
from solvers.dsl.learned_features import learn_feature_rule
from solvers.dsl.object_task import ObjectTask, object_task, paste
from solvers.dsl.prims_fit import entries_for
from solvers.dsl.recolour import learn_map
from solvers.dsl.search import Found, Search, SearchConfig, Stats
from solvers.dsl.table import build_table
from solvers.grid import Grid, GridError
from solvers.task import Example, Task

log = logging.getLogger(__name__)


# Each unit of program cost multiplies the score by this (MDL: the shorter description is the
# likelier rule). Chosen offline on arc1-training: re-ranking the candidates of ten 2 s runs of that
# split with decays from 0.97 to 0.4, 0.7 solved the most tasks in every run (1 or 2 more than
# 0.97, none fewer). It is steep enough that two agreeing programs of cost 8 no longer outvote one
# of cost 3, and that a short program fitting all but one train pair can outrank a long one that
# fits them all (those long fits are right about a fifth of the time).
COST_DECAY = 0.7

# Where each pair has its own palette (see per_grid_maps), a second search numbers every grid's
# colours by its own frequencies. It gets this share of the task's time, after the main search.
# Its programs cost one unit more: "renumber each grid on its own" is one more thing the rule says,
# and such fits are more often coincidences (on arc1-training, 8 of 15 full fits were right).
PER_GRID_SHARE = 1 / 3
PER_GRID_EXTRA_COST = 1

# Where normalising moves colour 0 (the grids' commonest colour is not black: a lattice, a full
# picture), the rules learned at the root and the table's rows are also tried on the raw colours,
# where black may be the background the rule needs (the objects sit on black, the lattice is just
# another colour) or the colour a row fills new cells with (a full picture sheared onto black). One
# step only, with no pieces and no learned rule after the row: one expansion, so it takes
# milliseconds. "Keep the raw colours" is one more thing the rule says: one more unit of cost, as
# for the per-grid search.
RAW_EXTRA_COST = 1
RAW_DEPTH = 1

# Where every grid is a lattice of one-colour parts (see solvers.dsl.coarse), the task on the parts'
# colours is searched first, with this share of the time: its grids are small, so the search covers
# much in little time. "Work on the parts" is one more thing the rule says: one more unit of cost.
COARSE_SHARE = 1 / 4
COARSE_EXTRA_COST = 1

# Where each output changes only the boxes of its input's objects (see solvers.dsl.object_task), the
# task on the objects' boxes, cut out, is searched next, with this share of the time that is left:
# its grids are small, and the task keeps most of its time for the search that needs no such reading.
# Where the changes reach one cell past the boxes, the boxes grown by one cell are used instead.
OBJECTS_SHARE = 1 / 5
OBJECTS_EXTRA_COST = 1

# Where the main search has DEEP_LEARN_MIN_SECONDS or more, it runs DEEP_LEARN_AFTER_SECONDS with the
# learned last steps tried after depth-1 states only, then starts again and also tries them after
# depth-2 states, to its deadline. Those steps are dear: tried after depth 2 from the start, they
# lower the states per second from some 30,000 to 10,000, and arc1-training at 2 s per task falls
# from 330 to 327 tasks. But on arc1-evaluation the plain search has found all it finds by 10 s (the same 148
# tasks at 10 s and 30 s), and on the 70 arc1-training tasks unsolved at 2 s, 10 s of the plain
# search and then the deeper one solve 4 at 15 s per task, against 3 for the plain search. The
# second search repeats the first one's programs; those are not yielded twice (a repeat would count
# as a second vote). Its new programs cost one unit more. It learns deeper only where the first found
# no program that fits every train pair: it is a fallback, since its full fits are more often
# coincidences (on arc1-evaluation at 30 s, run after every first pass, it found 4 right answers
# where the first pass had no full fit, and pushed 4 right ones, from full fits of cost 3 to 21, out
# of the top two with full fits of cost 8 to 10). Where the first found one, the second is the plain
# search again, to the deadline: its pieces, combined at a share of its time, then get the time the
# uncut search gave them.
DEEP_LEARN_AFTER_SECONDS = 10.0
DEEP_LEARN_MIN_SECONDS = 12.0
DEEP_LEARN_DEPTH = 2
DEEP_LEARN_EXTRA_COST = 1


def score(found: Found) -> float:
    """Confidence in [0, 1]: a full fit starts at 0.9 and loses 30% per unit of program cost past
    the first; a partial fit starts at 0.3 times the share of train pairs it matches."""
    decay = math.pow(COST_DECAY, max(0, found.cost - 1))
    if found.matched == found.n_train:
        return 0.9 * decay
    return 0.3 * found.matched / found.n_train * decay


def describe(found: Found, colours: ColourMap | None, raw: bool = False) -> str:
    """The program as text, one primitive per line, with the colour renumbering it ran under (None:
    each grid by its own colour frequencies; raw: the task's own colours, where normalising would
    have renumbered them)."""
    head = f"program cost {found.cost}, {found.matched}/{found.n_train} train pairs"
    lines = [head]
    if raw:
        lines.append("raw_colours")
    elif colours is None:
        lines.append("normalise_colours(per_grid)")
    elif not colours.is_identity():
        lines.append("normalise_colours(" + "".join(str(int(c)) for c in colours.inverse) + ")")
    lines += list(found.program)
    return "\n".join(lines)


class DslSolver:
    """Named `dsl` on the command line."""

    name = "dsl"

    def __init__(self, config: SearchConfig | None = None, normalise: bool = True):
        self.config = config or SearchConfig()
        self.normalise = normalise
        self.table = build_table()
        self._stats: list[Stats] = []  # the most recent task's searches', filled in as they run

    @property
    def last_stats(self) -> Stats | None:
        """The most recent task's search counts, merged, for benchmarks; live while it runs, and
        whole even when the caller stopped reading candidates at its deadline."""
        return merged(self._stats) if self._stats else None

    def warm_up(self) -> None:
        """Compile (or load from numba's cache) every kernel now, outside any task's time: a cold
        compile inside a search would overrun that task's deadline, since a kernel call cannot be
        interrupted."""
        g = np.ascontiguousarray(np.arange(9, dtype=np.uint8).reshape(3, 3) % 3)
        for prim in (*self.table, *entries_for((2, 2))):
            prim.kernel(g, prim.param)
        # a pair that only paints background next to a cell, so every learned rule gets to its kernels
        a = np.zeros((5, 5), dtype=np.uint8)
        a[2, 2] = 1
        b = a.copy()
        b[1, 2] = 2
        learn_all([a, a], [b], 1)
        learn_feature_rule([a, a], [b], 1)
        learn_map([a], [b])
        learn_crop([b, b], [np.ones((1, 1), dtype=np.uint8)], 1)
        # the task splitters call their kernels from Python (the table's calls are inside numba)
        coarse_task([a], [b], [a])
        object_task([a], [b], [a])

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        # a search holds hundreds of thousands of states, and each full pass of the cyclic collector
        # rescans them all: with it paused, 4-9% more states are expanded in 10-30 s. The states are
        # freed by reference counting all the same; the collector resumes when the task ends.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            yield from self._solve_task(task, deadline)
        finally:
            if was_enabled:
                gc.enable()

    def _solve_task(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        self._stats = stats = []
        # writable copies: a Grid's cells are read-only, and numba compiles a second specialisation
        # of a kernel for a read-only array, inside this task's time on a cold cache
        ins = [np.array(e.input.cells) for e in task.train]
        outs = [np.array(e.output.cells) for e in task.train]
        tests = [np.array(g.cells) for g in task.test_inputs]
        coarse = coarse_task(ins, outs, tests)
        if coarse is not None:
            yield from self._coarse(task, coarse, deadline.share(COARSE_SHARE), stats)
        objects = object_task(ins, outs, tests) or object_task(ins, outs, tests, margin=1)
        if objects is not None:
            yield from self._objects(task, objects, deadline.share(OBJECTS_SHARE), stats)
        yield from self._solve(task, deadline, stats)
        log.debug("task %s: dsl %s", task.id, self.last_stats)

    def _solve(self, task: Task, deadline: Deadline, stats: list[Stats], extra_cost: int = 0) -> Iterator[Candidate]:
        """The searches of one task (the main one, then the per-grid one), each appending its Stats;
        their programs cost `extra_cost` more."""
        ins = [e.input.cells for e in task.train]
        outs = [e.output.cells for e in task.train]
        tests = [g.cells for g in task.test_inputs]
        table = self.table
        shapes = {o.shape for o in outs}
        if len(shapes) == 1:  # one output shape for every pair: add the rows that fit to it
            table = tuple(sorted((*table, *entries_for(shapes.pop())), key=lambda p: p.cost))
        colours = normalising_map(ins + tests, outs) if self.normalise else ColourMap.identity()
        per_grid = per_grid_maps(ins, outs, tests) if self.normalise else None
        main_deadline = deadline if per_grid is None else deadline.share(1 - PER_GRID_SHARE)
        if self.normalise and colours.forward[0] != 0:
            # first: one expansion takes milliseconds, and the main search runs to its deadline
            stats.append(Stats())
            one_step = replace(self.config, max_depth=RAW_DEPTH, learn_depth=0, max_pieces=0)
            yield from self._search(task, table, [ColourMap.identity()] * (len(ins) + len(tests)), deadline,
                                    extra_cost + RAW_EXTRA_COST, stats[-1], raw=True, config=one_step)
        maps = [colours] * (len(ins) + len(tests))
        deep = main_deadline.remaining() >= DEEP_LEARN_MIN_SECONDS
        seen: set[tuple] | None = set() if deep else None
        fitted = False  # the first pass found a program that fits every train pair
        stats.append(Stats())
        for c in self._search(task, table, maps, main_deadline.cap(DEEP_LEARN_AFTER_SECONDS) if deep else main_deadline,
                              extra_cost, stats[-1], seen=seen):
            fitted = fitted or c.train_fit == 1.0
            yield c
        if deep:
            # a full fit: search plainly again with the rest of the time (its pieces come later, at
            # the share of the longer deadline); none: search with the deeper learning, a fallback
            stats.append(Stats())
            deeper = replace(self.config, learn_depth=max(self.config.learn_depth, DEEP_LEARN_DEPTH))
            yield from self._search(task, table, maps, main_deadline,
                                    extra_cost + (0 if fitted else DEEP_LEARN_EXTRA_COST), stats[-1],
                                    config=self.config if fitted else deeper, seen=seen)
        if per_grid is not None:
            stats.append(Stats())
            yield from self._search(task, table, per_grid, deadline, extra_cost + PER_GRID_EXTRA_COST, stats[-1])

    def _coarse(self, task: Task, coarse: CoarseTask, deadline: Deadline, stats: list[Stats]) -> Iterator[Candidate]:
        """The searches of the coarse task, their answers painted back onto the test inputs' lattices."""
        small = sub_task(task.id, coarse.inputs, coarse.outputs, coarse.tests)
        for c in self._solve(small, deadline, stats, COARSE_EXTRA_COST):
            lat = coarse.test_lattices[c.test_index]
            if c.grid.cells.shape != (lat.ny, lat.nx):
                continue  # not a colouring of the parts
            grid = Grid(expand(c.grid.cells, task.test_inputs[c.test_index].cells, lat))
            head, _, rest = c.provenance.partition("\n")
            yield replace(c, grid=grid, provenance=f"{head}\ncoarse(parts)\n{rest}")

    def _objects(self, task: Task, objects: ObjectTask, deadline: Deadline, stats: list[Stats]
                 ) -> Iterator[Candidate]:
        """The searches of the per-object task; a program's answers for every object of a test input
        are pasted back into it. A program's candidates arrive together (one per test crop, with
        the program's text), so each run of one text is one program's answers. Only programs that
        fit every crop count: a share of the crops says nothing about how many train pairs fit."""
        small = sub_task(task.id, objects.inputs, objects.outputs, objects.tests)
        run: list[Candidate] = []
        for c in self._solve(small, deadline, stats, OBJECTS_EXTRA_COST):
            if c.train_fit < 1.0:
                continue
            if run and c.provenance != run[0].provenance:
                yield from self._pasted(task, objects, run)
                run = []
            run.append(c)
        yield from self._pasted(task, objects, run)

    def _pasted(self, task: Task, objects: ObjectTask, run: Sequence[Candidate]) -> Iterator[Candidate]:
        """One program's answers for the test crops, pasted into each test input whose every crop has
        an answer of its box's shape."""
        if not run:
            return
        answers = {c.test_index: c.grid.cells for c in run}
        head, _, rest = run[0].provenance.partition("\n")
        where = f"per_object(boxes{f'+{objects.margin}' if objects.margin else ''})"
        for k, g in enumerate(task.test_inputs):
            out = g.cells
            for i, (index, r0, r1, c0, c1) in enumerate(objects.places):
                if index != k:
                    continue
                part = answers.get(i)
                if part is None or part.shape != (r1 - r0 + 1, c1 - c0 + 1):
                    break
                out = paste(out, (r0, r1, c0, c1), part)
            else:
                yield replace(run[0], test_index=k, grid=Grid(out), provenance=f"{head}\n{where}\n{rest}")

    def _search(self, task: Task, table: Sequence, maps: Sequence[ColourMap], deadline: Deadline,
                extra_cost: int, stats: Stats, raw: bool = False, config: SearchConfig | None = None,
                seen: set[tuple] | None = None) -> Iterator[Candidate]:
        """One search with `maps[k]` numbering the colours of input k (train inputs, then test
        inputs; a train output takes its input's map); its programs cost `extra_cost` more. raw: the
        maps are the identity in place of a normalisation (the program's text says so). config: in
        place of the solver's own (a shallower or a deeper-learning search). seen: the programs
        already yielded (their steps, whatever their cost, and their test answers), skipped here and
        added to."""
        ins = [e.input.cells for e in task.train]
        n = len(ins)
        search = Search(table, [m.apply(g) for m, g in zip(maps, ins)],
                        [m.apply(e.output.cells) for m, e in zip(maps, task.train)],
                        [m.apply(g.cells) for m, g in zip(maps[n:], task.test_inputs)], config or self.config, stats)
        shared = maps[0] if all(m is maps[0] for m in maps) else None
        for found in search.run(deadline):
            if seen is not None:
                key = (found.program, tuple(g.tobytes() + bytes(g.shape) for g in found.tests))
                if key in seen:
                    continue
                seen.add(key)
            found = replace(found, cost=found.cost + extra_cost)
            text = describe(found, shared, raw)
            for index, g in enumerate(found.tests):
                try:
                    grid = Grid(maps[n + index].invert(g))
                except GridError:
                    continue
                yield Candidate(task.id, index, grid, score(found), self.name, text,
                                found.matched / found.n_train)


def sub_task(task_id: str, inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray],
             tests: Sequence[np.ndarray]) -> Task:
    """A task made of a transform's grids (the coarse grids, the objects' boxes), under the task's id."""
    return Task(task_id, tuple(Example(Grid(a), Grid(b)) for a, b in zip(inputs, outputs)),
                tuple(Grid(g) for g in tests))


def merged(stats: Sequence[Stats]) -> Stats:
    """The stats of searches run one after the other: counts add up, memory and depth take the most."""
    return Stats(states=sum(s.states for s in stats), applied=sum(s.applied for s in stats),
                 idle=sum(s.idle for s in stats), expanded=sum(s.expanded for s in stats),
                 bytes=max(s.bytes for s in stats),
                 capped=any(s.capped for s in stats), depth=max(s.depth for s in stats))
