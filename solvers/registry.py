"""Solver names as used on the command line, and how to build each one."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import MappingProxyType

from solvers.base import Solver


def _heuristics(seed: int) -> Solver:
    from solvers.heuristics.solver import HeuristicSolver

    return HeuristicSolver()


def _dsl(seed: int) -> Solver:
    from solvers.dsl.solver import DslSolver

    return DslSolver()


def _neural(seed: int) -> Solver:
    from solvers.neural.solver import NeuralSolver

    return NeuralSolver(seed=seed)


# name -> factory(seed). Imports happen inside the factories so that listing names costs nothing.
FACTORIES: MappingProxyType[str, Callable[[int], Solver]] = MappingProxyType({
    "heuristics": _heuristics,
    "dsl": _dsl,
    "neural": _neural,
})

# The default set, in the order a task runs them (cheap ones first, so expensive searches get the
# time the cheap ones leave over). `neural` joins it once it is measured to add to the ensemble at
# the same total time per task (issue 5); until then it is asked for by name.
DEFAULT_SOLVERS: tuple[str, ...] = ("heuristics", "dsl")


# Solvers that use a GPU when one is visible: the budget manager gives them one worker per device.
GPU_SOLVERS: tuple[str, ...] = ("neural",)


def visible_gpus() -> int:
    """CUDA devices this process can use (0 without torch or CUDA). Imports torch: call it only
    when a GPU solver is asked for."""
    try:
        import torch
    except ImportError:
        return 0
    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def default_solvers(gpus: int) -> tuple[str, ...]:
    """The default set, with the GPU solvers added when there is a device for them: a GPU that no
    solver uses is budget thrown away."""
    return DEFAULT_SOLVERS + GPU_SOLVERS if gpus > 0 else DEFAULT_SOLVERS


def gpu_workers(solvers: tuple[str, ...], requested: int | None = None) -> int:
    """GPU workers for a run: as requested, else one per visible device when a GPU solver is in it
    (torch is imported only then)."""
    if requested is not None:
        return max(0, requested)
    return visible_gpus() if set(solvers) & set(GPU_SOLVERS) else 0


def parse_solver_names(text: str | None) -> tuple[str, ...]:
    """'a,b' -> ('a', 'b'), checked against the known names; None or '' -> the default set.

    Besides the built-in names, 'package.module:factory' names a plug-in: a callable taking the seed
    and returning a Solver. Worker processes import it by that path, so it works across processes.
    """
    if not text:
        return DEFAULT_SOLVERS
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in FACTORIES and ":" not in n]
    if unknown or not names:
        shown = ", ".join(unknown) or repr(text)
        raise ValueError(f"unknown solver(s) {shown}; known: {', '.join(FACTORIES)}, or module:factory")
    return tuple(dict.fromkeys(names))


def make_solver(name: str, seed: int = 0) -> Solver:
    if name in FACTORIES:
        return FACTORIES[name](seed)
    module, _, attr = name.partition(":")
    try:
        factory = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as e:
        raise ValueError(f"solver {name!r}: cannot import the factory ({e})") from None
    return factory(seed)
