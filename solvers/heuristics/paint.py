"""Helpers shared by the painting rules: masked-picture completion and train verification."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from solvers.heuristics.common import background, bbox, same
from solvers.heuristics.rule import Fit, Pair

FULL, REGION = "full", "region"


def reproduces(apply: Callable[[np.ndarray], np.ndarray | None], pairs: Sequence[Pair]) -> bool:
    """Does `apply` give every train output? Rules with many variants check this themselves so
    that only the few that work reach the solver (which caps the fits it tries)."""
    return all(same(apply(i), o) for i, o in pairs)


def mask_modes(pairs: Sequence[Pair]) -> Iterator[tuple[int, str]]:
    """(mask colour, output mode) pairs consistent with the train shapes and differences.

    FULL: output has the input's shape and differs only where the input shows the mask colour.
    REGION: output has the shape of the mask colour's bounding box.
    """
    full = all(i.shape == o.shape for i, o in pairs)
    common = set(range(10))
    for i, _ in pairs:
        common &= set(np.unique(i).tolist())
    for c in sorted(common):
        if full:
            diffs = [i != o for i, o in pairs]
            if any(d.any() for d in diffs) and all((i[d] == c).all() for (i, _), d in zip(pairs, diffs)):
                yield c, FULL
        boxes = [bbox(i == c) for i, _ in pairs]
        if all(b is not None and (b[2] - b[0], b[3] - b[1]) == o.shape for b, (_, o) in zip(boxes, pairs)):
            yield c, REGION


def masked_fit(complete: Callable[[np.ndarray, np.ndarray], np.ndarray | None], colour: int, mode: str,
               text: str) -> Fit:
    """A Fit that completes the cells of `colour` with `complete(grid, known)` and outputs the
    whole grid or just the mask's bounding box."""

    def apply(g: np.ndarray) -> np.ndarray | None:
        unknown = g == colour
        box = bbox(unknown)
        if box is None:
            return None
        done = complete(g, ~unknown)
        if done is None:
            return None
        if mode == FULL:
            return done
        t, left, b, r = box
        return done[t:b, left:r]

    return Fit(apply, f"{text}, mask {colour}, output {mode}")


def shared_background(pairs: Sequence[Pair]) -> int | None:
    """The background all train inputs agree on, or None when it varies (then each grid's own)."""
    bgs = {background(i) for i, _ in pairs}
    return bgs.pop() if len(bgs) == 1 else None


def background_of(g: np.ndarray, fixed: int | None) -> int:
    return background(g) if fixed is None else fixed


@dataclass(frozen=True, slots=True)
class Painting:
    """What the train pairs say about a rule that paints new cells onto same-shaped grids."""

    fixed: int | None  # the background every train input shares, if they do
    options: tuple[tuple[frozenset[int], int | None], ...]  # (emitting colours, paint colour or own)
    over: bool  # some train pair painted over a non-background cell


def painting(pairs: Sequence[Pair]) -> Painting | None:
    """None unless every pair keeps its shape and some pair changes a cell.

    Options, broadest first: every colour emits in its own colour; only the painted colours do;
    and, when one colour is painted, the colours all inputs share, or each one of them, emit it.
    """
    if any(i.shape != o.shape for i, o in pairs):
        return None
    diffs = [i != o for i, o in pairs]
    if not any(d.any() for d in diffs):
        return None
    bgs = [background(i) for i, _ in pairs]
    painted = {int(c) for (_, o), d in zip(pairs, diffs) for c in np.unique(o[d])}
    present = set.intersection(*({int(c) for c in np.unique(i)} - {bg} for (i, _), bg in zip(pairs, bgs)))
    options: list[tuple[frozenset[int], int | None]] = [(frozenset(range(10)), None), (frozenset(painted), None)]
    if len(painted) == 1:
        (only,) = painted
        options += [(frozenset(present), only)] + [(frozenset({c}), only) for c in sorted(present)]
    over = any((i[d] != bg).any() for (i, _), d, bg in zip(pairs, diffs, bgs))
    return Painting(shared_background(pairs), tuple(options), over)
