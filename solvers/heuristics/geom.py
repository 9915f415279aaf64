"""Geometry and object-selection helpers shared by the shape-changing heuristic rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.heuristics.common import Obj, background, components, crop, same
from solvers.heuristics.rule import Fit, Pair

Transform = Callable[[np.ndarray], np.ndarray]

# The eight symmetries of the square, identity first, then the ones people use most.
DIHEDRAL: tuple[tuple[str, Transform], ...] = (
    ("identity", lambda g: g),
    ("flip_lr", np.fliplr),
    ("flip_ud", np.flipud),
    ("rot180", lambda g: np.rot90(g, 2)),
    ("rot90", lambda g: np.rot90(g, 1)),
    ("rot270", lambda g: np.rot90(g, 3)),
    ("transpose", lambda g: g.T),
    ("antitranspose", lambda g: np.rot90(g, 2).T),
)


def integer_ratio(big: int, small: int) -> int | None:
    """big / small when it divides exactly, else None."""
    return big // small if small and big % small == 0 else None


# --- cropping one object out of the input -------------------------------------------------------

# A selector picks one object index out of a grid's objects, or None when no single one qualifies.
Selector = Callable[[list[Obj], np.ndarray, int], "int | None"]


def unique_arg(values: Sequence[float], want_max: bool) -> int | None:
    """Index of the strict maximum (or minimum) of values; None on a tie or when empty."""
    if not values:
        return None
    best = max(values) if want_max else min(values)
    hits = [i for i, v in enumerate(values) if v == best]
    return hits[0] if len(hits) == 1 else None


def only(flags: Sequence[bool]) -> int | None:
    """Index of the single True flag; None unless exactly one is set."""
    hits = [i for i, f in enumerate(flags) if f]
    return hits[0] if len(hits) == 1 else None


# Every crop fit that reproduces the train set becomes a candidate answer; past a few they are noise.
MAX_CROP_FITS = 3
MAX_OBJECTS = 200  # more components than this is noise, not objects

# object parameters, most plausible first: (diagonal, by_colour), then the crop style
_OBJECT_KINDS = ((False, True), (True, True), (True, False), (False, False))
_STYLES = ("patch", "box", "inside")


def _bg_modes(pairs: Sequence[Pair]) -> list[str]:
    # a fixed black background is the common case; the per-grid majority colour only when it differs
    return ["zero"] if all(background(i) == 0 for i, _ in pairs) else ["zero", "common"]


def _cut(grid: np.ndarray, obj: Obj, bg: int, style: str) -> np.ndarray | None:
    """patch: the object alone; box: everything in its box; inside: what the object (a frame) encloses."""
    if style == "patch":
        return obj.patch(grid, bg)
    if style == "box":
        return crop(grid, obj.box)
    t, left, b, r = obj.box
    return grid[t + 1:b - 1, left + 1:r - 1] if b - t > 2 and r - left > 2 else None


def _out_of(obj: Obj, style: str) -> tuple[int, int]:
    """The shape _cut gives, known without cutting (a cheap filter)."""
    t, left, b, r = obj.box
    inset = 2 if style == "inside" else 0
    return b - t - inset, r - left - inset


class _Objects:
    """Components per grid and parameters, computed once and shared by a rule's fits."""

    def __init__(self) -> None:
        self.cache: dict[tuple, tuple[list[Obj], int]] = {}

    def __call__(self, grid: np.ndarray, diag: bool, by_colour: bool, bg_mode: str) -> tuple[list[Obj], int]:
        key = (grid.shape, grid.tobytes(), diag, by_colour, bg_mode)
        if key not in self.cache:
            bg = 0 if bg_mode == "zero" else background(grid)
            self.cache[key] = (components(grid, diag, by_colour, bg), bg)
        return self.cache[key]


def object_crop_fits(pairs: Sequence[Pair], selectors: Sequence[tuple[str, Selector]]) -> Iterator[Fit]:
    """Fits that crop the object a selector picks, for each object kind and crop style that work.

    Only parameterisations that already reproduce every train output are yielded (the best few by
    selector order, then parameter order), so the count stays small.
    """
    if any(o.shape[0] > i.shape[0] or o.shape[1] > i.shape[1] for i, o in pairs):
        return
    if all(same(i, o) for i, o in pairs):
        return
    objects = _Objects()
    found = []  # (selector rank, parameter rank, fit)
    combos = [(b, d, c, s) for b in _bg_modes(pairs) for d, c in _OBJECT_KINDS for s in _STYLES]
    for rank, (bg_mode, diag, by_colour, style) in enumerate(combos):
        # per pair, the objects whose crop is the output
        matches = []
        for i, o in pairs:
            objs, bg = objects(i, diag, by_colour, bg_mode)
            hit = {k for k, ob in enumerate(objs) if _out_of(ob, style) == o.shape
                   and same(_cut(i, ob, bg, style), o)} if len(objs) <= MAX_OBJECTS else set()
            if not hit:
                break
            matches.append(hit)
        else:
            for s_rank, (name, select) in enumerate(selectors):
                if all(select(*_with_grid(objects(i, diag, by_colour, bg_mode), i)) in hit
                       for (i, _), hit in zip(pairs, matches)):
                    found.append((s_rank, rank, _crop_fit(objects, select, diag, by_colour, bg_mode, style, name)))
    for _, _, fit in sorted(found, key=lambda x: x[:2])[:MAX_CROP_FITS]:
        yield fit


def _with_grid(found: tuple[list[Obj], int], grid: np.ndarray) -> tuple[list[Obj], np.ndarray, int]:
    return found[0], grid, found[1]


def _crop_fit(objects: _Objects, select: Selector, diag: bool, by_colour: bool, bg_mode: str,
              style: str, name: str) -> Fit:
    def apply(grid: np.ndarray) -> np.ndarray | None:
        objs, bg = objects(grid, diag, by_colour, bg_mode)
        k = select(objs, grid, bg)
        return None if k is None else _cut(grid, objs[k], bg, style)

    conn = "8" if diag else "4"
    kind = "single-colour" if by_colour else "multicolour"
    return Fit(apply, f"{name} {kind} {conn}-connected object, bg {bg_mode}, crop {style}")
