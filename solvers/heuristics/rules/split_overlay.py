"""Split overlay: equal parts (cut by separator lines or into halves/thirds) combine cell-wise by a boolean table."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.grid import true_runs
from solvers.heuristics.rule import Fit, Pair, Rule

Splitter = Callable[[np.ndarray], list[np.ndarray] | None]


def by_lines(colour: int) -> Splitter:
    """Blocks between full rows/columns of `colour`, row-major; None unless all share a shape."""

    def split(g: np.ndarray) -> list[np.ndarray] | None:
        line_r, line_c = (g == colour).all(axis=1), (g == colour).all(axis=0)
        if not line_r.any() and not line_c.any():
            return None
        parts = [g[a:b, c:d] for a, b in true_runs(~line_r) for c, d in true_runs(~line_c)]
        if len(parts) < 2 or len({p.shape for p in parts}) != 1:
            return None
        return parts

    return split


def by_halves(k: int, axis: int) -> Splitter:
    def split(g: np.ndarray) -> list[np.ndarray] | None:
        if g.shape[axis] % k:
            return None
        return np.split(g, k, axis=axis)

    return split


def _splitters(pairs: Sequence[Pair]) -> Iterator[tuple[str, Splitter]]:
    i0 = pairs[0][0]
    for c in range(10):
        if (i0 == c).all(axis=1).any() or (i0 == c).all(axis=0).any():
            yield f"lines of {c}", by_lines(c)
    for k in (2, 3, 4):
        for axis in (0, 1):
            yield f"{k} parts along axis {axis}", by_halves(k, axis)


def _codes(parts: list[np.ndarray], bg: int, by_count: bool) -> np.ndarray:
    bits = np.stack([p != bg for p in parts])
    if by_count:
        return bits.sum(axis=0)
    return (bits * (1 << np.arange(len(parts)))[:, None, None]).sum(axis=0)


def _table(splits: list[list[np.ndarray]], outs: list[np.ndarray], bg: int, by_count: bool) -> dict[int, int] | None:
    """code -> output colour, consistent over all pairs; None if some code needs two colours."""
    table: dict[int, int] = {}
    for parts, o in zip(splits, outs):
        codes = _codes(parts, bg, by_count)
        for code in np.unique(codes):
            colours = np.unique(o[codes == code])
            if colours.size != 1 or table.setdefault(int(code), int(colours[0])) != colours[0]:
                return None
    return table


def _make(split: Splitter, n: int, bg: int, by_count: bool, table: dict[int, int]):
    lut = np.full((1 << n) + 1, 255, dtype=np.int16)
    for code, colour in table.items():
        lut[code] = colour

    def apply(g: np.ndarray) -> np.ndarray | None:
        parts = split(g)
        if parts is None or len(parts) != n:
            return None
        out = lut[_codes(parts, bg, by_count)]
        return None if (out == 255).any() else out.astype(np.uint8)  # an unseen combination

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    for name, split in _splitters(pairs):
        splits = [split(i) for i, _ in pairs]
        if any(s is None for s in splits):
            continue
        n = len(splits[0])
        if any(len(s) != n or s[0].shape != o.shape for s, (_, o) in zip(splits, pairs)):
            continue
        counts = np.bincount(np.concatenate([p.ravel() for s in splits for p in s]), minlength=10)
        for bg in dict.fromkeys([0, int(counts.argmax())]):
            for by_count in (False, True):
                table = _table(splits, [o for _, o in pairs], bg, by_count)
                # one output colour for every combination is no combination at all
                if table is None or len(set(table.values())) < 2:
                    continue
                kind = "count" if by_count else "table"
                yield Fit(_make(split, n, bg, by_count, table), f"{name}, background {bg}, {kind} {table}")


RULE = Rule("split_overlay", fit, prior=0.8)
