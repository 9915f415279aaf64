"""A learned hole rule: each enclosed background region (4-connected background cells that do not
reach the grid's edge) is filled with a colour, or left empty, by one of its features, read off the
train pairs: whether it reaches the edge (so one colour for every hole), its size, height, width,
whether it is a rectangle or a square, its size rank (the largest, the smallest, or neither), the
parity of its size, height or width, or whether it touches a given colour.

The region rule is the same lookup over every background region, the ones that reach the edge too
(the rooms that walls divide a grid into: fill the largest blue and the smallest red). It is tried
only when some region reaches the edge, after the hole rule, so that a rule about the holes is
preferred when both fit.

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

# "edge" first: whether a region reaches the grid's edge (never, for a hole: then one fill for all);
# then parities (odd-sided squares one colour, even ones another), then whether a region touches a
# cell of colour c (the rooms where a blue pixel is turn blue)
FEATURES = ("edge", "size", "height", "width", "rectangle", "square", "size_rank", "size_odd", "height_odd",
            "width_odd", *(f"touches_{c}" for c in range(1, 10)))
COST = 3
KINDS = ("hole_rule", "region_rule")  # the enclosed regions only, then every region


def holes(g: np.ndarray, enclosed: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The enclosed background regions of g (all of them, without `enclosed`): (labels (h, w) int32,
    -1 off them and renumbered 0..k-1 in scan order; features (k, len(FEATURES)) int64)."""
    lab, n = label((g == 0).astype(np.uint8), 0, 0)
    boxes = label_boxes(lab, n)
    h, w = g.shape
    inner = (boxes[:, 0] > 0) & (boxes[:, 2] > 0) & (boxes[:, 1] < h - 1) & (boxes[:, 3] < w - 1)
    if not enclosed:
        inner[:] = True
    renumber = np.full(n + 1, -1, dtype=np.int32)  # the last entry maps -1 (non-background) to -1
    renumber[np.flatnonzero(inner)] = np.arange(int(inner.sum()), dtype=np.int32)
    lab = renumber[lab]
    b = boxes[inner]
    size = np.bincount(lab[lab >= 0], minlength=len(b)).astype(np.int64)
    height, width = b[:, 1] - b[:, 0] + 1, b[:, 3] - b[:, 2] + 1
    rect = size == height * width
    # 0 the largest, 1 the smallest, 2 neither (a lone region is the largest)
    rank = np.where(size == size.max(), 0, np.where(size == size.min(), 1, 2)) if size.size else size
    edge = (b[:, 0] == 0) | (b[:, 2] == 0) | (b[:, 1] == h - 1) | (b[:, 3] == w - 1)
    touches = np.zeros((len(b), 10), dtype=np.int64)  # [region, colour]: a 4-neighbour of that colour
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        mine = lab[max(0, -dr):h - max(0, dr), max(0, -dc):w - max(0, dc)]
        theirs = g[max(0, dr):h - max(0, -dr), max(0, dc):w - max(0, -dc)]
        on = mine >= 0
        touches[mine[on], theirs[on]] = 1
    shape = np.stack([edge, size, height, width, rect, rect & (height == width), rank, size % 2, height % 2,
                      width % 2], axis=1).astype(np.int64)
    return lab, np.concatenate([shape, touches[:, 1:]], axis=1)


def _split_fill(g: np.ndarray, o: np.ndarray) -> bool:
    """Whether some background region of g is not filled whole in one colour by o: two 4-adjacent
    background cells of g that o leaves in different colours. The cheap test that rejects most
    states before any region is labelled."""
    bg = g == 0
    rows = bg[1:] & bg[:-1] & (o[1:] != o[:-1])
    cols = bg[:, 1:] & bg[:, :-1] & (o[:, 1:] != o[:, :-1])
    return bool(rows.any() or cols.any())


def learn_holes(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The hole rule, and the region rule where a region reaches the edge, as learned steps."""
    if any(g.shape != o.shape or ((g != o) & (g != 0)).any() or _split_fill(g, o) for g, o in zip(grids, outputs)) \
            or all(np.array_equal(g, o) for g, o in zip(grids, outputs)):
        return []  # only background cells may change, each region wholly and in one colour
    found = []
    for kind in KINDS:
        if kind == "region_rule" and not any(
                (g[0] == 0).any() or (g[-1] == 0).any() or (g[:, 0] == 0).any() or (g[:, -1] == 0).any()
                for g in grids):
            break  # no background on any edge: the regions are the holes
        regions = [holes(g, kind == "hole_rule") for g in grids]
        rule = _learn(grids, outputs, n_train, regions)
        if rule is not None:
            feature, tests = rule
            if not found or not all(np.array_equal(a, b) for a, b in zip(found[0].tests, tests)):
                found.append(Learned(f"{kind}({feature})", COST, tests))
    return found


def _learn(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int,
           regions: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[str, tuple[np.ndarray, ...]] | None:
    """The first feature whose values give every train region its fill, and the test answers."""
    fills = []
    for g, o, (lab, feats) in zip(grids, outputs, regions):
        if not ((lab >= 0) | (g == o)).all():
            return None  # a change outside the regions
        colours = label_colours(lab, len(feats), o)
        if colours is None:
            return None  # a region filled with two colours
        fills.append(colours)
    fill = np.concatenate(fills)
    for k, feature in enumerate(FEATURES):
        keys = np.concatenate([f[:, k] for _, f in regions[:n_train]])
        # consistent when each key has one fill: as many (key, fill) pairs as keys (fills are < 16)
        pairs = np.unique(keys * 16 + fill)
        known = np.unique(keys)
        if pairs.size != known.size:
            continue
        colours_of = (pairs % 16).astype(np.uint8)  # sorted by key, like `known`
        tests = []
        for (lab, f), g in zip(regions[n_train:], grids[n_train:]):
            at = np.minimum(np.searchsorted(known, f[:, k]), known.size - 1)
            if (known[at] != f[:, k]).any():
                break  # a value never seen in training
            colours = np.append(colours_of[at], np.uint8(0))
            tests.append(np.where(lab >= 0, colours[lab], g).astype(np.uint8))
        else:
            return feature, tuple(tests)
    return None
