"""Dihedral: the output is one fixed rotation, flip, transpose or anti-transpose of the input."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from solvers.heuristics.common import same
from solvers.heuristics.geom import DIHEDRAL
from solvers.heuristics.rule import Fit, Pair, Rule


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if all(same(i, o) for i, o in pairs):
        return  # transforms that act as identity on every train input were never tested
    # identity is left out: a rule that changes nothing has learned nothing
    for name, transform in DIHEDRAL[1:]:
        # checked here so that a symmetric train set does not yield transforms that cannot fit
        if all(same(transform(i), o) for i, o in pairs):
            yield Fit(lambda g, t=transform: t(g).copy(), name)


RULE = Rule("dihedral", fit, prior=0.9)
