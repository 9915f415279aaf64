"""Crop object: the output is one connected component cut out, picked by size, colour or position."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import Obj
from solvers.heuristics.geom import Selector, object_crop_fits, only, unique_arg
from solvers.heuristics.rule import Fit, Pair, Rule


def _area(o: Obj) -> int:
    t, left, b, r = o.box
    return (b - t) * (r - left)


def _touches_border(o: Obj, grid: np.ndarray) -> bool:
    t, left, b, r = o.box
    h, w = grid.shape
    return t == 0 or left == 0 or b == h or r == w


def _unique_colour(objs: list[Obj], grid: np.ndarray, bg: int) -> int | None:
    # the object owning a colour that no other object has
    counts: dict[int, int] = {}
    for o in objs:
        for c in o.colours:
            counts[c] = counts.get(c, 0) + 1
    return only([any(counts[c] == 1 for c in o.colours) for o in objs])


def _has_colour(c: int) -> Selector:
    return lambda objs, grid, bg: only([c in o.colours for o in objs])


def _most_of(c: int) -> Selector:
    # the object with the most cells of colour c (say, the most red marks on it)
    return lambda objs, grid, bg: unique_arg([int((grid[o.mask] == c).sum()) for o in objs], True)


SELECTORS: list[tuple[str, Selector]] = [
    ("largest", lambda objs, g, bg: unique_arg([o.size for o in objs], True)),
    ("smallest", lambda objs, g, bg: unique_arg([o.size for o in objs], False)),
    ("largest-box", lambda objs, g, bg: unique_arg([_area(o) for o in objs], True)),
    ("smallest-box", lambda objs, g, bg: unique_arg([_area(o) for o in objs], False)),
    ("unique-colour", _unique_colour),
    ("most-colours", lambda objs, g, bg: unique_arg([len(o.colours) for o in objs], True)),
    ("touching-border", lambda objs, g, bg: only([_touches_border(o, g) for o in objs])),
    ("inside", lambda objs, g, bg: only([not _touches_border(o, g) for o in objs])),
    ("densest", lambda objs, g, bg: unique_arg([o.size / _area(o) for o in objs], True)),
] + [(f"with-colour-{c}", _has_colour(c)) for c in range(1, 10)] + [
    (f"most-of-colour-{c}", _most_of(c)) for c in range(1, 10)]


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    yield from object_crop_fits(pairs, SELECTORS)


RULE = Rule("crop_object", fit, prior=0.7)
