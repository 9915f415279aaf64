"""A learned selection: the output is one object of the input, cut out, and which object is read off
the train pairs as the one with the largest, the smallest or the only value of one feature.

The crop_object rows fix a few criteria (largest, unique colour, top...) and labellings. Here the
criterion is searched: for each labelling (those of learned.py, and one where colour 0 makes objects
too) and each way of cutting an object out (its bounding box as it stands in the grid, its own cells
alone, or its colour as a 1 x 1 grid), the objects whose cut equals the train output are found; a
(feature, selector) pair fits when, in every train pair, it singles out exactly one object and that
object is one of them. A test grid is answered only when the selector again singles out
exactly one object there. Fits are tried in a fixed order (labelling, cut, feature, selector), and
the first MAX_ANSWERS distinct answers are kept: with two train pairs, some feature separates almost
anything by chance, so more would only crowd out the search's own answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes
from solvers.dsl.learned import OBJECT_FEATURES, OBJECT_LABELLINGS, object_features
from solvers.dsl.learned_step import Learned, answers_key

# features of object_features worth selecting by (the ranks and counts repeat size and colour with
# the selectors below), then those computed here from the object's box
FEATURES = ("size", "colour", "height", "width", "holes", "shape", "shape_count", "colour_count",
            "area", "box_colours", "box_cells", "top", "left", "bottom", "right", "symmetric", "minority")
_BASE = tuple(OBJECT_FEATURES.index(f) for f in FEATURES[:8])
SELECTORS = ("max", "min", "unique")
CUTS = ("box", "cells", "colour")
# the labellings of learned.py, then one where colour 0 makes objects too: colour normalisation
# renumbers the commonest colour to 0, and that may be one of the regions to choose from
LABELLINGS = tuple((diag, multi, False, name) for diag, multi, name in OBJECT_LABELLINGS) + (
    (0, 0, True, "conn4,with_0"),)
COST = 3
MAX_ANSWERS = 2


@njit(cache=True)
def box_features(g, lab, boxes):
    """(n, 9) int64, per object of `lab` with `boxes` (r0, r1, c0, c1): area, colours and non-zero
    cells in its box, top, left, bottom, right, its own cells' mirror symmetries (left-right, up-down:
    0-2), and the minority, the box's non-zero cells not of its commonest colour (odd pixels inside a
    patch)."""
    n = boxes.shape[0]
    f = np.zeros((n, 9), dtype=np.int64)
    for i in range(n):
        r0, r1, c0, c1 = boxes[i, 0], boxes[i, 1], boxes[i, 2], boxes[i, 3]
        counts = np.zeros(10, dtype=np.int64)
        lr = 1
        ud = 1
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                counts[g[r, c]] += 1
                if (lab[r, c] == i) != (lab[r, c1 - (c - c0)] == i) or (
                        lab[r, c] == i and g[r, c] != g[r, c1 - (c - c0)]):
                    lr = 0
                if (lab[r, c] == i) != (lab[r1 - (r - r0), c] == i) or (
                        lab[r, c] == i and g[r, c] != g[r1 - (r - r0), c]):
                    ud = 0
        kinds = 0
        most = 0
        for v in range(1, 10):
            kinds += counts[v] > 0
            most = max(most, counts[v])
        cells = (r1 - r0 + 1) * (c1 - c0 + 1) - counts[0]
        f[i, 0] = (r1 - r0 + 1) * (c1 - c0 + 1)
        f[i, 1] = kinds
        f[i, 2] = cells
        f[i, 3], f[i, 4], f[i, 5], f[i, 6] = r0, c0, r1, c1
        f[i, 7] = lr + ud
        f[i, 8] = cells - most
    return f


@dataclass(frozen=True, slots=True)
class Objects:
    """One grid's objects under one labelling: their features and what is needed to cut them out."""

    g: np.ndarray
    lab: np.ndarray  # (h, w) int32, -1 off the objects
    boxes: np.ndarray  # (n, 4) r0, r1, c0, c1 inclusive
    feats: np.ndarray  # (n, len(FEATURES)) int64

    @classmethod
    def of(cls, g: np.ndarray, lab: np.ndarray, boxes: np.ndarray) -> Objects:
        n = boxes.shape[0]
        feats = np.zeros((n, len(FEATURES)), dtype=np.int64)
        feats[:, :len(_BASE)] = object_features(g, lab, n)[:, _BASE]
        feats[:, len(_BASE):] = box_features(g, lab, boxes)
        return cls(g, lab, boxes, feats)

    def cut(self, i: int, how: int) -> np.ndarray:
        """Object i cut out `CUTS[how]`: its box, its own cells (0 elsewhere in the box), or its
        colour as a 1 x 1 grid (the highest colour of a multicolour object)."""
        if how == 2:
            return np.full((1, 1), self.feats[i, 1], dtype=np.uint8)
        r0, r1, c0, c1 = self.boxes[i]
        box = self.g[r0:r1 + 1, c0:c1 + 1]
        if how == 0:
            return np.ascontiguousarray(box)
        return np.where(self.lab[r0:r1 + 1, c0:c1 + 1] == i, box, 0).astype(np.uint8)

    def hits(self, o: np.ndarray, how: int) -> np.ndarray:
        """(n,) bool: the objects whose cut `CUTS[how]` is `o` (only boxes of o's shape are cut)."""
        if how == 2:
            return (self.feats[:, 1] == o[0, 0]) if o.shape == (1, 1) else np.zeros(len(self.boxes), bool)
        fit = np.flatnonzero(_of_shape(self.boxes, o.shape))
        out = np.zeros(len(self.boxes), dtype=bool)
        out[fit] = [np.array_equal(self.cut(int(i), how), o) for i in fit]
        return out


def select(values: np.ndarray, selector: int) -> int:
    """The one object that `SELECTORS[selector]` singles out by these feature values, or -1 when
    none or several do."""
    if values.size == 0:
        return -1
    if selector == 2:
        uniq, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
        single = np.flatnonzero(counts[inverse] == 1)
        return int(single[0]) if single.size == 1 else -1
    best = values.max() if selector == 0 else values.min()
    hits = np.flatnonzero(values == best)
    return int(hits[0]) if hits.size == 1 else -1


def _of_shape(b: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """(n,) bool: the boxes (r0, r1, c0, c1 rows of b) of this shape."""
    return (b[:, 1] - b[:, 0] + 1 == shape[0]) & (b[:, 3] - b[:, 2] + 1 == shape[1])


def learn_crop(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """Object selections whose cut reproduces every train output, up to MAX_ANSWERS distinct answers."""
    if not all(o.shape[0] <= g.shape[0] and o.shape[1] <= g.shape[1] and o.size < g.size
               for g, o in zip(grids, outputs)):
        return []
    found: list[Learned] = []
    answers: set[bytes] = set()
    for diag, multi, with_0, conn in LABELLINGS:
        labels = [label(g + 1 if with_0 else g, diag, multi) for g in grids]
        boxes = [label_boxes(lab, n) for lab, n in labels]
        # the cheap test first: every train output is 1 x 1 or has the shape of some object's box
        if not all(o.shape == (1, 1) or _of_shape(b, o.shape).any() for b, o in zip(boxes, outputs)):
            continue
        objects = [Objects.of(g, lab, b) for g, (lab, _), b in zip(grids, labels, boxes)]
        for how, cut_name in enumerate(CUTS):
            # (pair, object) -> whether the object's cut is the train output
            hits = [obj.hits(o, how) for obj, o in zip(objects, outputs)]
            if not all(h.any() for h in hits):
                continue
            for k, feature in enumerate(FEATURES):
                for s, selector in enumerate(SELECTORS):
                    if not all((i := select(obj.feats[:, k], s)) >= 0 and h[i] for obj, h in zip(objects, hits)):
                        continue
                    picks = [select(obj.feats[:, k], s) for obj in objects[n_train:]]
                    if min(picks, default=0) < 0:
                        continue
                    tests = tuple(obj.cut(i, how) for obj, i in zip(objects[n_train:], picks))
                    key = answers_key(tests)
                    if key in answers:
                        continue
                    answers.add(key)
                    found.append(Learned(f"crop_select({conn},{cut_name},{selector} {feature})", COST, tests))
                    if len(found) >= MAX_ANSWERS:
                        return found
    return found
