"""The per-object task: where each output changes its input only inside the boxes of the input's
objects, the task is solved on the objects' boxes, cut out, and the answers are pasted back.

Each object's box, cut out of a train input and out of its output at the same place, makes one
train pair of a smaller task; each object of a test input makes one of its test inputs. A rule
about every object alike (holes in every bar, every other cell of each box's middle row, the cell
beside the red one turns green) is then a rule on small grids, read in the object's own frame:
row parity counts from the top of its box, not of the grid. Pasting is the exact inverse of
cutting: an unchanged answer gives the input again.

Objects are 8-connected and multicoloured (solvers.dsl.kernels_common.label); the boxes of a grid
must not overlap, and the cells outside every box must not change. Where the outputs also paint just
outside the objects (a halo, marks at the corners: arc1-training 95990924), the boxes may be grown by
a margin of one cell on every side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from solvers.dsl.kernels_common import label, label_boxes

MAX_OBJECTS = 40  # train crops: more make a slow search of a rule the first few already show


@dataclass(frozen=True, slots=True)
class ObjectTask:
    """The crops, and where each test crop goes: (test index, r0, r1, c0, c1), inclusive; the boxes
    were grown by `margin` cells."""

    inputs: tuple[np.ndarray, ...]
    outputs: tuple[np.ndarray, ...]
    tests: tuple[np.ndarray, ...]
    places: tuple[tuple[int, int, int, int, int], ...]
    margin: int = 0


def boxes(g: np.ndarray, margin: int = 0) -> np.ndarray | None:
    """(n, 4) r0, r1, c0, c1 (inclusive) of g's objects, each grown by `margin` cells on every side
    (up to the grid's edge), or None when g has none or two boxes overlap."""
    lab, n = label(np.ascontiguousarray(g, dtype=np.uint8), 1, 1)
    if n == 0:
        return None
    box = label_boxes(lab, n)
    if margin:
        box = box + np.array([-margin, margin, -margin, margin])
        box[:, :2] = box[:, :2].clip(0, g.shape[0] - 1)
        box[:, 2:] = box[:, 2:].clip(0, g.shape[1] - 1)
    cover = np.zeros(g.shape, dtype=np.int64)
    for r0, r1, c0, c1 in box:
        cover[r0:r1 + 1, c0:c1 + 1] += 1
    return None if (cover > 1).any() else box


def crop(g: np.ndarray, box: Sequence[int]) -> np.ndarray:
    r0, r1, c0, c1 = box
    return np.ascontiguousarray(g[r0:r1 + 1, c0:c1 + 1])


def paste(g: np.ndarray, box: Sequence[int], part: np.ndarray) -> np.ndarray:
    """g with the box's cells replaced by `part` (of the box's shape)."""
    r0, r1, c0, c1 = box
    out = g.copy()
    out[r0:r1 + 1, c0:c1 + 1] = part
    return out


def object_task(ins: Sequence[np.ndarray], outs: Sequence[np.ndarray],
                tests: Sequence[np.ndarray], margin: int = 0) -> ObjectTask | None:
    """The per-object task, or None unless every grid has objects with disjoint boxes, each output
    differs from its input only inside them (and somewhere), the train pairs make at most MAX_OBJECTS
    crops, and some crop is smaller than its grid (else this is the task itself)."""
    crops_in, crops_out = [], []
    smaller = False
    for g, o in zip(ins, outs):
        box = boxes(g, margin)
        if box is None or o.shape != g.shape:
            return None
        inside = np.zeros(g.shape, dtype=bool)
        for b in box:
            inside[b[0]:b[1] + 1, b[2]:b[3] + 1] = True
            crops_in.append(crop(g, b))
            crops_out.append(crop(o, b))
            smaller |= crops_in[-1].shape != g.shape
        if ((g != o) & ~inside).any():
            return None
    if len(crops_in) > MAX_OBJECTS or not smaller:
        return None
    if all(np.array_equal(a, b) for a, b in zip(crops_in, crops_out)):
        return None
    crops_test, places = [], []
    for k, g in enumerate(tests):
        box = boxes(g, margin)
        if box is None:
            return None
        for b in box:
            crops_test.append(crop(g, b))
            places.append((k, *(int(x) for x in b)))
    return ObjectTask(tuple(crops_in), tuple(crops_out), tuple(crops_test), tuple(places), margin)
