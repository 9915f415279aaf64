"""Crop bbox: the output is the input cut to the bounding box of its non-background (or one colour's) cells."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.heuristics.common import background, bbox, crop, same
from solvers.heuristics.rule import Fit, Pair, Rule

# which cells span the box: grid -> bool mask
Cells = Callable[[np.ndarray], np.ndarray]


def _cropper(cells: Cells, inset: int) -> Callable[[np.ndarray], np.ndarray | None]:
    def apply(grid: np.ndarray) -> np.ndarray | None:
        box = bbox(cells(grid))
        if box is None:
            return None
        t, left, b, r = box
        t, left, b, r = t + inset, left + inset, b - inset, r - inset
        if b <= t or r <= left:
            return None
        return crop(grid, (t, left, b, r)).copy()
    return apply


def _ranked_colour(grid: np.ndarray, commonest: bool) -> int:
    """The least (or most) common colour other than 0; -1 (matching nothing) on a tie or none."""
    counts = np.bincount(grid.ravel(), minlength=10)[1:]
    present = [(int(n), c + 1) for c, n in enumerate(counts) if n]
    if not present:
        return -1
    present.sort(reverse=commonest)
    if len(present) > 1 and present[0][0] == present[1][0]:
        return -1
    return present[0][1]


def _cell_sets(pairs: Sequence[Pair]) -> Iterator[tuple[str, Cells]]:
    yield "non-0", lambda g: g != 0
    if any(background(i) != 0 for i, _ in pairs):
        yield "non-majority", lambda g: g != background(g)
    # the rarest / commonest colour other than black marks the region (it varies from pair to pair)
    yield "rarest colour", lambda g: g == _ranked_colour(g, False)
    yield "commonest non-0 colour", lambda g: g == _ranked_colour(g, True)
    # one colour marks the region (a frame, corners): any colour every train input has
    shared = set(range(10))
    for i, _ in pairs:
        shared &= set(np.unique(i).tolist())
    for c in sorted(shared):
        yield f"colour {c}", lambda g, c=c: g == c


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    if any(o.shape[0] > i.shape[0] or o.shape[1] > i.shape[1] for i, o in pairs):
        return
    if all(o.shape == i.shape for i, o in pairs):
        return
    for text, cells in _cell_sets(pairs):
        # inset 1: the box is drawn by a frame and the answer is what it encloses
        for inset in (0, 1):
            apply = _cropper(cells, inset)
            if all(same(apply(i), o) for i, o in pairs):
                yield Fit(apply, f"bbox of {text}" + (" inside its frame" if inset else ""))


RULE = Rule("crop_bbox", fit, prior=0.85)
