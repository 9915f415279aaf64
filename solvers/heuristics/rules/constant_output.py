"""Constant output: every train output is the same grid, so propose that grid for every test."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from solvers.heuristics.common import same
from solvers.heuristics.rule import Fit, Pair, Rule


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if len(pairs) < 2:
        return  # one pair always agrees with itself: no evidence of a constant
    first = pairs[0][1]
    if not all(same(o, first) for _, o in pairs):
        return
    if all(same(i, o) for i, o in pairs):
        return  # a single identity pair says nothing about a constant
    answer = first.copy()
    yield Fit(lambda g: answer.copy(), f"constant {answer.shape[0]}x{answer.shape[1]}")


# a single train pair always "agrees with itself", so this fits by coincidence easily
RULE = Rule("constant_output", fit, prior=0.3)
