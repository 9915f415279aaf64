"""Solver names as used on the command line, and how to build each one."""

from __future__ import annotations

from collections.abc import Callable

from solvers.base import Solver


def _heuristics(seed: int) -> Solver:
    from solvers.heuristics.solver import HeuristicSolver

    return HeuristicSolver()


# name -> factory(seed). Imports happen inside the factories so that listing names costs nothing.
FACTORIES: dict[str, Callable[[int], Solver]] = {
    "heuristics": _heuristics,
}

# The default is every solver that exists, in the order a task runs them (cheap ones first, so
# expensive searches get the time the cheap ones leave over).
DEFAULT_SOLVERS: tuple[str, ...] = tuple(FACTORIES)


def parse_solver_names(text: str | None) -> tuple[str, ...]:
    """'a,b' -> ('a', 'b'), checked against the known names; None or '' -> the default set."""
    if not text:
        return DEFAULT_SOLVERS
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in FACTORIES]
    if unknown or not names:
        raise ValueError(f"unknown solver(s) {', '.join(unknown) or text!r}; known: {', '.join(FACTORIES)}")
    return tuple(dict.fromkeys(names))


def make_solver(name: str, seed: int = 0) -> Solver:
    return FACTORIES[name](seed)
