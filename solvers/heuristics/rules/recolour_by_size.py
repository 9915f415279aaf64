"""Recolour by size: each object takes a colour given by its size or its size rank."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.heuristics.common import Obj, components
from solvers.heuristics.paint import background_of, shared_background
from solvers.heuristics.rule import Fit, Pair, Rule

Key = Callable[[Obj, list[int]], int]


def _rank(desc: bool) -> Key:
    """Dense rank of the object's size among the distinct sizes (0 = largest if desc)."""
    return lambda o, sizes: sorted(set(sizes), reverse=desc).index(o.size)


KEYS: dict[str, Key] = {
    "size": lambda o, sizes: o.size,
    "rank from largest": _rank(True),
    "rank from smallest": _rank(False),
    "is largest": lambda o, sizes: int(o.size == max(sizes)),
    "is smallest": lambda o, sizes: int(o.size == min(sizes)),
}


def _objects(g: np.ndarray, source: int | None, diagonal: bool, fixed: int | None) -> list[Obj]:
    bg = background_of(g, fixed)
    objs = components(g, diagonal=diagonal, by_colour=True, bg=bg)
    return [o for o in objs if source is None or o.colours == (source,)]


def _learn(pairs: Sequence[Pair], found: list[list[Obj]], key: Key) -> dict[int, int] | None:
    table: dict[int, int] = {}
    for (i, o), objs in zip(pairs, found):
        if not objs:
            return None
        covered = np.zeros(i.shape, dtype=bool)
        sizes = [b.size for b in objs]
        for b in objs:
            colours = np.unique(o[b.mask])
            if colours.size != 1 or table.setdefault(key(b, sizes), int(colours[0])) != colours[0]:
                return None
            covered |= b.mask
        if not np.array_equal(i[~covered], o[~covered]):
            return None  # something other than the objects changed
    return table


def _make(source: int | None, diagonal: bool, key: Key, table: dict[int, int], fixed: int | None):
    def apply(g: np.ndarray) -> np.ndarray | None:
        objs = _objects(g, source, diagonal, fixed)
        sizes = [b.size for b in objs]
        out = g.copy()
        for b in objs:
            k = key(b, sizes)
            if k not in table:
                return None  # a size never seen in training
            out[b.mask] = table[k]
        return out

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(i.shape != o.shape for i, o in pairs) or all(np.array_equal(i, o) for i, o in pairs):
        return
    # candidate source colours: the input colours of every changed cell, if there is one
    changed = {int(c) for i, o in pairs for c in np.unique(i[i != o])}
    fixed = shared_background(pairs)
    sources: list[int | None] = [None] + ([changed.pop()] if len(changed) == 1 else [])
    for source in sources:
        for diagonal in (False, True):
            found = [_objects(i, source, diagonal, fixed) for i, _ in pairs]
            for name, key in KEYS.items():
                table = _learn(pairs, found, key)
                # a single colour for every key is a plain recolouring, which colour_map covers
                if table is None or len(set(table.values())) < 2:
                    continue
                yield Fit(_make(source, diagonal, key, table, fixed),
                          f"objects of {'any colour' if source is None else source} "
                          f"({'8' if diagonal else '4'}-connected), {name} -> colour {table}")


RULE = Rule("recolour_by_size", fit, prior=0.75)
