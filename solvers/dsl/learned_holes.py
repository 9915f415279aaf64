"""A learned hole rule: each enclosed background region (4-connected background cells that do not
reach the grid's edge) is filled with a colour, or left empty, by one of its features, read off the
train pairs: its size, height, width, whether it is a rectangle, or whether it is a square.

The object rules of learned.py recolour objects; this is the same lookup over the holes between
them (fill the square holes red, the 1-cell holes blue). It fits when each train output differs from
its input only inside enclosed regions, each filled with one colour, and one feature's values map to
the fills consistently. A test grid is answered only when all its regions' values were seen.
Background is colour 0 (the search runs on frequency-normalised colours).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from solvers.dsl.kernels_common import label, label_boxes
from solvers.dsl.learned_step import Learned, label_colours

FEATURES = ("size", "height", "width", "rectangle", "square")
COST = 3


def holes(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The enclosed background regions of g: (labels (h, w) int32, -1 off them and renumbered 0..k-1
    in scan order; features (k, len(FEATURES)) int64)."""
    lab, n = label((g == 0).astype(np.uint8), 0, 0)
    boxes = label_boxes(lab, n)
    h, w = g.shape
    inner = (boxes[:, 0] > 0) & (boxes[:, 2] > 0) & (boxes[:, 1] < h - 1) & (boxes[:, 3] < w - 1)
    renumber = np.full(n + 1, -1, dtype=np.int32)  # the last entry maps -1 (non-background) to -1
    renumber[np.flatnonzero(inner)] = np.arange(int(inner.sum()), dtype=np.int32)
    lab = renumber[lab]
    b = boxes[inner]
    size = np.bincount(lab[lab >= 0], minlength=len(b)).astype(np.int64)
    height, width = b[:, 1] - b[:, 0] + 1, b[:, 3] - b[:, 2] + 1
    rect = size == height * width
    return lab, np.stack([size, height, width, rect, rect & (height == width)], axis=1).astype(np.int64)


def learn_holes(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The first feature whose values give every train hole its fill, as a learned step."""
    if any(g.shape != o.shape or ((g != o) & (g != 0)).any() for g, o in zip(grids, outputs)) or all(
            np.array_equal(g, o) for g, o in zip(grids, outputs)):
        return []  # only background cells may change
    regions = []
    fills = []
    for g, o in zip(grids, outputs):
        lab, feats = holes(g)
        regions.append((lab, feats))
        if not ((lab >= 0) | (g == o)).all():
            return []  # a change outside the holes
        colours = label_colours(lab, len(feats), o)
        if colours is None:
            return []  # a hole filled with two colours
        fills.append(colours)
    regions += [holes(g) for g in grids[n_train:]]
    fill = np.concatenate(fills)
    for k, feature in enumerate(FEATURES):
        keys = np.concatenate([f[:, k] for _, f in regions[:n_train]])
        table: dict[int, int] = {}
        if any(table.setdefault(int(key), int(v)) != v for key, v in zip(keys, fill)):
            continue
        tests = []
        for (lab, f), g in zip(regions[n_train:], grids[n_train:]):
            if any(int(v) not in table for v in f[:, k]):
                break
            colours = np.array([table[int(v)] for v in f[:, k]] + [0], dtype=np.uint8)
            tests.append(np.where(lab >= 0, colours[lab], g).astype(np.uint8))
        else:
            return [Learned(f"hole_rule({feature})", COST, tuple(tests))]
    return []
