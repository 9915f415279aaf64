"""What a task costs the DSL solver beyond its search. After `DslSolver.warm_up` a task compiles
nothing: on a cold numba cache, each compile inside a task would take its time from that task's
deadline (and a kernel call cannot be interrupted). The cyclic garbage collector is paused while a
task runs, and resumes however the task ends."""

import gc
import importlib
import pkgutil

import numpy as np
from numba.core.registry import CPUDispatcher

import solvers.dsl
from solvers.deadline import Deadline
from solvers.dsl.solver import DslSolver
from solvers.grid import Grid
from solvers.task import Example, Task


def dispatchers() -> dict[str, CPUDispatcher]:
    """Every numba kernel that a module of solvers.dsl defines, by its full name."""
    out = {}
    for info in pkgutil.iter_modules(solvers.dsl.__path__, "solvers.dsl."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, CPUDispatcher) and value.py_func.__module__ == module.__name__:
                out[f"{module.__name__}.{name}"] = value
    return out


def lattice_pair(seed: int) -> tuple[Grid, Grid]:
    """A 7 x 7 grid cut into four 3 x 3 parts by lines of 5, a speck in one part; the output fills
    that part with the speck's colour (so the coarse and the object splitters both look at it)."""
    rng = np.random.default_rng(seed)
    g = np.zeros((7, 7), dtype=np.uint8)
    g[3, :] = 5
    g[:, 3] = 5
    r, c = rng.integers(0, 2, 2) * 4
    g[r + 1, c + 1] = rng.integers(1, 5)
    o = g.copy()
    o[r:r + 3, c:c + 3] = g[r + 1, c + 1]
    return Grid(g), Grid(o)


def test_a_task_after_warm_up_compiles_no_kernel():
    solver = DslSolver()
    solver.warm_up()
    kernels = dispatchers()
    before = {name: len(k.signatures) for name, k in kernels.items()}
    pairs = [lattice_pair(seed) for seed in range(4)]
    task = Task("lattice", tuple(Example(i, o) for i, o in pairs[:3]), (pairs[3][0],), (pairs[3][1],))
    assert not task.train[0].input.cells.flags.writeable  # the case that used to compile: read-only cells
    list(solver.solve(task, Deadline.after(1.0)))
    grown = sorted(name for name, k in kernels.items() if len(k.signatures) > before[name])
    assert not grown, f"kernels compiled inside the task, after warm_up: {grown}"


def test_the_collector_is_paused_during_a_task_and_resumes_after_it():
    pairs = [lattice_pair(seed) for seed in range(4)]
    task = Task("lattice", tuple(Example(i, o) for i, o in pairs[:3]), (pairs[3][0],), (pairs[3][1],))
    solver = DslSolver()
    assert gc.isenabled()
    run = solver.solve(task, Deadline.after(0.5))
    next(run)
    assert not gc.isenabled()
    run.close()  # a caller that stops reading at its deadline
    assert gc.isenabled()
    list(solver.solve(task, Deadline.after(0.5)))  # a caller that reads to the end
    assert gc.isenabled()
    gc.disable()  # a caller that had paused it keeps it paused
    try:
        list(solver.solve(task, Deadline.after(0.5)))
        assert not gc.isenabled()
    finally:
        gc.enable()
