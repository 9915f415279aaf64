"""Most common object: the output is the object repeated most often, or the one unlike the others, cut out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.heuristics.common import Obj, crop
from solvers.heuristics.geom import Selector, object_crop_fits, only
from solvers.heuristics.rule import Fit, Pair, Rule

# what makes two objects "the same": grid, object, background -> hashable key
Key = Callable[[np.ndarray, Obj, int], bytes]


def _shape(grid: np.ndarray, o: Obj, bg: int) -> bytes:
    m = crop(o.mask, o.box)
    return bytes(m.shape) + np.packbits(m).tobytes()


def _look(grid: np.ndarray, o: Obj, bg: int) -> bytes:
    p = o.patch(grid, bg)
    return bytes(p.shape) + p.tobytes()


def _most_frequent(key: Key) -> Selector:
    def select(objs: list[Obj], grid: np.ndarray, bg: int) -> int | None:
        keys = [key(grid, o, bg) for o in objs]
        ranked = Counter(keys).most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None  # no repeats, or two kinds repeat equally often
        return keys.index(ranked[0][0])
    return select


def _odd_one_out(key: Key) -> Selector:
    def select(objs: list[Obj], grid: np.ndarray, bg: int) -> int | None:
        keys = [key(grid, o, bg) for o in objs]
        counts = Counter(keys)
        return only([counts[k] == 1 for k in keys]) if len(objs) > 2 else None
    return select


def _symmetric(grid: np.ndarray, o: Obj, bg: int) -> bool:
    p = o.patch(grid, bg)
    return bool(np.array_equal(p, p[:, ::-1]) or np.array_equal(p, p[::-1]))


SELECTORS: list[tuple[str, Selector]] = [
    ("most-frequent", _most_frequent(_look)),
    ("odd-one-out", _odd_one_out(_look)),
    ("most-frequent-shape", _most_frequent(_shape)),
    ("odd-shape-out", _odd_one_out(_shape)),
    ("only-symmetric", lambda objs, g, bg: only([_symmetric(g, o, bg) for o in objs])),
    ("only-asymmetric", lambda objs, g, bg: only([not _symmetric(g, o, bg) for o in objs])),
]


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    yield from object_crop_fits(pairs, SELECTORS)


RULE = Rule("most_common_object", fit, prior=0.7)
