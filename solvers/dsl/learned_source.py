"""A learned recolouring from a source: some objects keep their cells and take the colour of another
object related to them (the nearest one, the one in the same columns or rows, one of the same shape,
one that touches it, one inside its box, or the grid's rarest colour), the way a marker, a legend
or a header says what colour a shape becomes.

Which objects are recoloured is read off the train pairs by a key of each object: its colour, or
whether it is a single cell (the marker pixel that the shapes around it copy). A key value is
recoloured when every train object with it takes its source's colour where it has a source, and keeps
its colour where it has none, and at least one of them changes. Every other object keeps its colour
or, in the `erase_src` mode, is erased when its colour was used as a source (the marker that is spent).
The rule must reproduce every train output exactly. A test grid is answered only when every key in it
was seen in training and at least one object in it is recoloured.

It is only tried where each train output has no non-zero cell where its input has none, and at the root:
the learned object rule (solvers.dsl.learned) covers colours read off the object itself; this step
covers colours read off another object. Background is colour 0 (the search runs on
frequency-normalised colours).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from solvers.dsl.kernels_common import label, label_boxes
from solvers.dsl.learned_step import Learned, answers_key, label_colours

COST = 4
MAX_ANSWERS = 2
MAX_OBJECTS = 30  # more is noise; the pairwise sources are quadratic in the objects
NONE = -1  # an object without a source
LABELLINGS = ((0, "conn4"), (1, "conn8"))  # one colour per object: a marker is not part of its shape
KEYS = ("colour", "single")
MODES = ("keep", "erase_src")


@dataclass(frozen=True, slots=True)
class Obj:
    colour: int
    rows: np.ndarray  # (k,) int64 row of each cell
    cols: np.ndarray  # (k,) int64 column of each cell
    box: tuple[int, int, int, int]  # r0, r1, c0, c1 inclusive
    shape: bytes  # the mask over its box, with the box's size: equal shapes, equal bytes
    ring: np.ndarray  # (h, w) bool: the cells 8-adjacent to the object and not in it


def objects(g: np.ndarray, diag: int) -> tuple[np.ndarray, list[Obj]] | None:
    """g's one-colour objects (4- or 8-connected) and the label array they come from; None past
    MAX_OBJECTS."""
    lab, n = label(g, diag, 0)
    if n > MAX_OBJECTS:
        return None
    h, w = g.shape
    out = []
    for i, (r0, r1, c0, c1) in enumerate(label_boxes(lab, n)):
        mask = lab == i
        rows, cols = np.nonzero(mask)
        grown = np.zeros((h + 2, w + 2), dtype=bool)
        for dr in range(3):
            for dc in range(3):
                grown[dr:dr + h, dc:dc + w] |= mask
        ring = grown[1:-1, 1:-1] & ~mask
        box_mask = mask[r0:r1 + 1, c0:c1 + 1]
        out.append(Obj(int(g[rows[0], cols[0]]), rows.astype(np.int64), cols.astype(np.int64),
                       (int(r0), int(r1), int(c0), int(c1)), box_mask.tobytes() + bytes([r1 - r0, c1 - c0]), ring))
    return lab, out


def _one(colours: Sequence[int] | np.ndarray) -> int:
    """The colour when all of `colours` agree (and there is one), else NONE."""
    s = set(int(c) for c in colours)
    return s.pop() if len(s) == 1 else NONE


def _nearest(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
    """The colour of the object of another colour nearest to each (Manhattan, cell to cell), if the
    nearest ones agree on it."""
    out = []
    for a in objs:
        best, colours = 10 ** 9, []
        for b in objs:
            if b.colour == a.colour:
                continue
            d = int((np.abs(a.rows[:, None] - b.rows[None]) + np.abs(a.cols[:, None] - b.cols[None])).min())
            if d < best:
                best, colours = d, [b.colour]
            elif d == best:
                colours.append(b.colour)
        out.append(_one(colours))
    return out


def _overlapping(lo: int, hi: int) -> Callable[[np.ndarray, Sequence[Obj]], list[int]]:
    """The colour of the objects of another colour whose box spans share rows (or columns) with each."""
    def source(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
        return [_one([b.colour for b in objs
                      if b.colour != a.colour and b.box[lo] <= a.box[hi] and a.box[lo] <= b.box[hi]]) for a in objs]
    return source


def _same_shape(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
    return [_one([b.colour for b in objs if b.colour != a.colour and b.shape == a.shape]) for a in objs]


def _touching(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
    out = []
    for a in objs:
        near = g[a.ring]
        out.append(_one(near[(near != 0) & (near != a.colour)]))
    return out


def _in_box(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
    out = []
    for a in objs:
        r0, r1, c0, c1 = a.box
        inside = g[r0:r1 + 1, c0:c1 + 1].ravel()
        out.append(_one(inside[(inside != 0) & (inside != a.colour)]))
    return out


def _rarest(g: np.ndarray, objs: Sequence[Obj]) -> list[int]:
    """The grid's one least common non-zero colour, for every object of another colour."""
    counts = np.bincount(g.ravel(), minlength=10)[1:]
    present = counts[counts > 0]
    if present.size < 2 or (present == present.min()).sum() != 1:
        return [NONE] * len(objs)
    rare = int(np.flatnonzero(counts == present.min())[0]) + 1
    return [rare if a.colour != rare else NONE for a in objs]


SOURCES: tuple[tuple[str, Callable[[np.ndarray, Sequence[Obj]], list[int]]], ...] = (
    ("nearest", _nearest),
    ("cols", _overlapping(2, 3)),
    ("rows", _overlapping(0, 1)),
    ("same_shape", _same_shape),
    ("touching", _touching),
    ("in_box", _in_box),
    ("rarest", _rarest),
)


def _key(ob: Obj, kind: str) -> int:
    return ob.colour if kind == "colour" else int(ob.rows.size == 1)


def recoloured_keys(objs: Sequence[Sequence[Obj]], srcs: Sequence[Sequence[int]], targets: Sequence[np.ndarray],
                    kind: str) -> set[int]:
    """The key values whose objects all take their source's colour, or keep theirs without a source,
    with at least one change."""
    changed: set[int] = set()
    bad: set[int] = set()
    for obs, src, t in zip(objs, srcs, targets):
        for ob, s, c in zip(obs, src, t):
            k = _key(ob, kind)
            if s != NONE and c == s and c != ob.colour:
                changed.add(k)
            elif c != (ob.colour if s == NONE else s):
                bad.add(k)
    return changed - bad


def render(g: np.ndarray, lab: np.ndarray, objs: Sequence[Obj], src: Sequence[int], kind: str, keys: set[int],
           mode: str) -> tuple[np.ndarray, int]:
    """g with the objects of the recoloured keys in their source's colour (and, in `erase_src` mode,
    the other objects of a colour used as a source erased), and how many objects were recoloured."""
    new = np.array([ob.colour for ob in objs] + [0], dtype=np.uint8)  # the extra entry: background
    used = [s for ob, s in zip(objs, src) if _key(ob, kind) in keys and s != NONE]
    for i, (ob, s) in enumerate(zip(objs, src)):
        if _key(ob, kind) in keys:
            if s != NONE:
                new[i] = s
        elif mode == "erase_src" and ob.colour in used:
            new[i] = 0
    return np.where(lab >= 0, new[lab], g).astype(np.uint8), len(used)


def learn_source(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The source recolourings that reproduce every train output, up to MAX_ANSWERS distinct answers."""
    if any(g.shape != o.shape or ((g == 0) & (o != 0)).any() for g, o in zip(grids, outputs)):
        return []
    found: list[Learned] = []
    seen: set[bytes] = set()
    for diag, lname in LABELLINGS:
        maybe = [objects(g, diag) for g in grids]
        if any(x is None for x in maybe):
            continue
        labelled = [x for x in maybe if x is not None]
        targets = [label_colours(lab, len(objs), o) for (lab, objs), o in zip(labelled, outputs)]
        if any(t is None for t in targets):
            continue
        for sname, source in SOURCES:
            srcs = [source(g, objs) for g, (_, objs) in zip(grids, labelled)]
            for kind in KEYS:
                keys = recoloured_keys([objs for _, objs in labelled[:n_train]], srcs[:n_train], targets, kind)
                seen_keys = {_key(ob, kind) for _, objs in labelled[:n_train] for ob in objs}
                if not keys or any(_key(ob, kind) not in seen_keys for _, objs in labelled[n_train:] for ob in objs):
                    continue
                for mode in MODES:
                    made = [render(g, lab, objs, src, kind, keys, mode)
                            for g, (lab, objs), src in zip(grids, labelled, srcs)]
                    if any(n == 0 for _, n in made[n_train:]) or any(
                            not np.array_equal(m, o) for (m, _), o in zip(made[:n_train], outputs)):
                        continue
                    tests = tuple(m for m, _ in made[n_train:])
                    k = answers_key(tests)
                    if k not in seen:
                        seen.add(k)
                        found.append(Learned(f"source_recolour({sname},{kind},{lname},{mode})", COST, tests))
                        if len(found) >= MAX_ANSWERS:
                            return found
                    break  # keep before erase: the plainer mode that fits is the rule
    return found
