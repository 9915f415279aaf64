"""Learned last steps: rules whose table is read off the train pairs, like the free colour map.

A state whose train grids already have the output shapes is often one lookup away from the outputs:
- a *cell rule*: each output cell is a function of a description of the cell's surroundings (its
  colour and its neighbours', or the first colour met along each of the four rays);
- an *object rule*: each object keeps its cells and takes a colour that is a function of one of its
  properties (size, shape, holes, touching the border...);
- a *stamp rule* (solvers.dsl.learned_stamp): each coloured cell paints a pattern around itself;
- a *hole rule* (solvers.dsl.learned_holes): each enclosed background region is filled with a colour
  that is a function of one of its features.

The lookup is learned from the train pairs and must be consistent (one key, one colour) and change
something. It is applied to a test grid only when every key that grid needs was seen in training:
a rule with an unseen case is a guess, and we do not answer with guesses. The exceptions are
variants of their own, each costing one more: with `,stable`, a cell of a colour that no train pair
ever changes keeps its colour when its key is new; with `,otherwise` and `,threshold`, an object rule
with two colours gives a new key one of them (see _object_colours); with `,unseen`, a stamp rule lets
a colour that no train grid had paint nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import enclosed_cells, label
from solvers.dsl.learned_holes import learn_holes
from solvers.dsl.learned_stamp import learn_stamp
from solvers.dsl.learned_step import Learned, label_colours

OUTSIDE = 10  # what a neighbour beyond the grid edge reads as

# cell-key kinds, simplest (fewest distinct keys) first; the cost grows with the key's richness
CELL_KINDS = ("nbr4_set", "nbr8_set", "nbr8_count", "rays4", "nbr4", "mirrors", "line_sets", "rays8", "nbr8")
CELL_COSTS = (3, 3, 3, 4, 4, 4, 5, 5, 5)

# object features (columns of object_features), and the labelling they are computed under; the
# stroke features (TOPOLOGY_FEATURES) come last, as learn_object_rule stops at them once another fits
# holes counts the enclosed cells, hole_count the enclosed regions (an 8 has 2, a ring of any size 1)
OBJECT_FEATURES = ("size", "colour", "height", "width", "border", "holes", "shape", "size_rank_desc",
                   "size_rank_asc", "shape_count", "colour_count", "size_extreme", "hole_count", "ends", "bends",
                   "branches", "topology")
# features whose values are quantities, where a threshold between two colours means something
ORDERED_FEATURES = ("size", "height", "width", "holes", "size_rank_desc", "size_rank_asc", "shape_count",
                    "colour_count", "hole_count", "ends", "bends", "branches")
OBJECT_LABELLINGS = ((0, 0, "conn4"), (1, 0, "conn8"), (1, 1, "conn8,multi"))
OBJECT_COST = 3
# features read off the object's outline (ends, bends and branches of its strokes): tried only under
# a labelling where no other feature fits, and they cost 2 more, as they fit a few objects by chance
TOPOLOGY_FEATURES = ("ends", "bends", "branches", "topology")
TOPOLOGY_EXTRA_COST = 2
# neighbour offsets: N, E, S, W; then the 8 neighbours in reading order
DR4 = np.array([-1, 0, 1, 0])
DC4 = np.array([0, 1, 0, -1])
DR8 = np.array([-1, -1, -1, 0, 0, 1, 1, 1])
DC8 = np.array([-1, 0, 1, -1, 1, -1, 0, 1])


@njit(cache=True)
def _at(g, r, c):
    h, w = g.shape
    if r < 0 or c < 0 or r >= h or c >= w:
        return np.int64(OUTSIDE)
    return np.int64(g[r, c])


@njit(cache=True)
def _ray(g, r, c, dr, dc):
    """The first non-zero colour from (r, c) in direction (dr, dc), excluding the cell; 10 if none."""
    h, w = g.shape
    r += dr
    c += dc
    while 0 <= r < h and 0 <= c < w:
        if g[r, c] != 0:
            return np.int64(g[r, c])
        r += dr
        c += dc
    return np.int64(OUTSIDE)


@njit(cache=True)
def _line_colours(g, kind):
    """Bitmasks of the colours in each row and each column (kind 6 only; empty masks otherwise)."""
    h, w = g.shape
    rows = np.zeros(h, dtype=np.int64)
    cols = np.zeros(w, dtype=np.int64)
    if kind == 6:
        for r in range(h):
            for c in range(w):
                rows[r] |= 1 << g[r, c]
                cols[c] |= 1 << g[r, c]
    return rows, cols


@njit(cache=True)
def _cell_key(g, r, c, kind, rows, cols):
    """Cell (r, c)'s colour and a description of its surroundings of the given kind (an index into
    CELL_KINDS); `rows` and `cols` from _line_colours. Keys of different kinds are never compared."""
    h, w = g.shape
    dr4, dc4, dr8, dc8 = DR4, DC4, DR8, DC8
    k = np.int64(g[r, c])
    if kind == 0 or kind == 1:  # the set of neighbour colours, as a bitmask
        m = 0
        n = 4 if kind == 0 else 8
        for i in range(n):
            if kind == 0:
                m |= 1 << _at(g, r + dr4[i], c + dc4[i])
            else:
                m |= 1 << _at(g, r + dr8[i], c + dc8[i])
        k = k * 2048 + m
    elif kind == 2:  # how many of the 8 neighbours are not background
        m = 0
        for i in range(8):
            v = _at(g, r + dr8[i], c + dc8[i])
            if v != 0 and v != OUTSIDE:
                m += 1
        k = k * 9 + m
    elif kind == 3 or kind == 7:  # first colour along N, E, S, W (and the diagonals)
        for i in range(4 if kind == 3 else 8):
            if kind == 3:
                k = k * 11 + _ray(g, r, c, dr4[i], dc4[i])
            else:
                k = k * 11 + _ray(g, r, c, dr8[i], dc8[i])
    elif kind == 4:  # the 4 neighbours, in order
        for i in range(4):
            k = k * 11 + _at(g, r + dr4[i], c + dc4[i])
    elif kind == 5:  # the cells at the mirror images of this one (left-right, up-down, both)
        k = ((k * 10 + g[r, w - 1 - c]) * 10 + g[h - 1 - r, c]) * 10 + g[h - 1 - r, w - 1 - c]
    elif kind == 6:  # the colours present in the cell's row and column
        k = (k * 1024 + rows[r]) * 1024 + cols[c]
    else:  # the whole 3 x 3 neighbourhood, in order
        for i in range(8):
            k = k * 11 + _at(g, r + dr8[i], c + dc8[i])
    return k


@njit(cache=True)
def cell_keys(g, kind):
    """(h, w) int64: per cell, its key of the given kind (see _cell_key)."""
    h, w = g.shape
    rows, cols = _line_colours(g, kind)
    out = np.empty((h, w), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            out[r, c] = _cell_key(g, r, c, kind, rows, cols)
    return out


@njit(cache=True)
def _slot(slots, k):
    """Where key k (>= 0) is, or goes, in the open-addressing table `slots` (-1: empty)."""
    mask = slots.size - 1
    j = np.int64((np.uint64(k) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(33)) & mask
    while slots[j] != -1 and slots[j] != k:
        j = (j + 1) & mask
    return j


@njit(cache=True)
def grid_fits(g, o, kind, slots, vals):
    """Adds each cell's key of the given kind, with its output colour in o, to the hash table
    (slots, vals) shared by the train pairs; False at the first key seen with another colour. Most
    kinds clash within a few cells, so the keys of a kind that does not fit are mostly never made."""
    h, w = g.shape
    rows, cols = _line_colours(g, kind)
    for r in range(h):
        for c in range(w):
            k = _cell_key(g, r, c, kind, rows, cols)
            j = _slot(slots, k)
            if slots[j] == -1:
                slots[j] = k
                vals[j] = o[r, c]
            elif vals[j] != o[r, c]:
                return False
    return True


@njit(cache=True)
def fitting_kinds(grids, outputs, shapes, kinds):
    """(len(kinds),) bool: for each cell-key kind, whether every train cell's key gives its output
    colour (grid_fits over all the pairs). The pairs come stacked and zero-padded, (n, H, W) each,
    with their (n, 2) shapes: one compiled call per state tries every kind."""
    size = 2
    while size < 2 * grids.size:
        size *= 2
    slots = np.empty(size, dtype=np.int64)
    vals = np.empty(size, dtype=np.int64)
    ok = np.zeros(kinds.size, dtype=np.bool_)
    for q in range(kinds.size):
        slots[:] = -1
        fits = True
        for s in range(shapes.shape[0]):
            h, w = shapes[s, 0], shapes[s, 1]
            if not grid_fits(grids[s, :h, :w], outputs[s, :h, :w], kinds[q], slots, vals):
                fits = False
                break
        ok[q] = fits
    return ok


def _stacked(grids: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The grids zero-padded into one (n, H, W) uint8 array, and their (n, 2) shapes."""
    shapes = np.array([g.shape for g in grids], dtype=np.int64)
    out = np.zeros((len(grids), int(shapes[:, 0].max()), int(shapes[:, 1].max())), dtype=np.uint8)
    for i, g in enumerate(grids):
        out[i, :g.shape[0], :g.shape[1]] = g
    return out, shapes


def _lookup(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Sorted unique keys and the one value of each, or None when a key has two values."""
    pairs = np.unique(keys * 16 + values)
    uk = pairs // 16
    if np.unique(uk).size != uk.size:
        return None
    return uk, (pairs % 16).astype(np.uint8)


def _apply(table: tuple[np.ndarray, np.ndarray], keys: np.ndarray,
           keep: np.ndarray | None = None) -> np.ndarray | None:
    """Values of `keys` from a lookup; None if a key is missing from it. With `keep` (a grid of
    keys' shape, 255 where there is no default), a missing key takes keep's value instead."""
    uk, vals = table
    at = np.searchsorted(uk, keys.ravel())
    at = np.minimum(at, uk.size - 1)
    hit = uk[at] == keys.ravel()
    out = vals[at]
    if not hit.all():
        if keep is None or (keep.ravel()[~hit] == 255).any():
            return None
        out = np.where(hit, out, keep.ravel())
    return np.ascontiguousarray(out.reshape(keys.shape))


def _stable(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray]) -> np.ndarray:
    """(10,) bool: colours that every train pair keeps wherever they are (and that occur at all)."""
    seen = np.zeros(10, dtype=bool)
    moved = np.zeros(10, dtype=bool)
    for g, o in zip(grids, outputs):
        seen[np.unique(g)] = True
        moved[np.unique(g[g != o])] = True
    return seen & ~moved


def learn_cell_rule(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int,
                    kinds: Sequence[int] = tuple(range(len(CELL_KINDS)))) -> list[Learned]:
    """Cell rules of each kind that map every train grid to its output and cover every test grid."""
    found = []
    changed = any((g != o).any() for g, o in zip(grids[:n_train], outputs))
    if not changed:
        return found
    keep = None  # per test grid, the default for a missing key (255: none); made once, when first needed
    values = np.concatenate([o.ravel().astype(np.int64) for o in outputs])
    stacked, shapes = _stacked(grids[:n_train])
    fits = fitting_kinds(stacked, _stacked(outputs)[0], shapes, np.array(kinds, dtype=np.int64))
    for kind, fit in zip(kinds, fits):
        if not fit:
            continue  # a key with two colours: the other keys, and the test grids', are never made
        table = _lookup(np.concatenate([cell_keys(g, kind).ravel() for g in grids[:n_train]]), values)
        if table is None:
            continue
        keys = [cell_keys(g, kind) for g in grids[n_train:]]
        tests = [_apply(table, k) for k in keys]
        if all(t is not None for t in tests):
            found.append(Learned(f"cell_rule({CELL_KINDS[kind]})", CELL_COSTS[kind], tuple(tests)))
            continue
        # an unseen surrounding is no guess for a colour that the train pairs never change: it stays
        if keep is None:
            stable = _stable(grids[:n_train], outputs)
            keep = [np.where(stable[g], g, 255).astype(np.uint8) for g in grids[n_train:]]
        tests = [_apply(table, k, d) for k, d in zip(keys, keep)]
        if all(t is not None for t in tests):
            found.append(Learned(f"cell_rule({CELL_KINDS[kind]},stable)", CELL_COSTS[kind] + 1, tuple(tests)))
    return found


@njit(cache=True)
def object_features(g, lab, n):
    """(n, len(OBJECT_FEATURES)) int64: the features of each labelled object, in that order."""
    h, w = g.shape
    f = np.zeros((n, 17), dtype=np.int64)
    r0 = np.full(n, h)
    r1 = np.full(n, -1)
    c0 = np.full(n, w)
    c1 = np.full(n, -1)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                f[i, 0] += 1
                f[i, 1] = max(f[i, 1], np.int64(g[r, c]))  # the highest colour stands for a multicolour one
                r0[i] = min(r0[i], r)
                r1[i] = max(r1[i], r)
                c0[i] = min(c0[i], c)
                c1[i] = max(c1[i], c)
                if r == 0 or c == 0 or r == h - 1 or c == w - 1:
                    f[i, 4] = 1
                # the cell's 4-neighbours in the same object: 1 is the end of a stroke, 2 at a right
                # angle a bend, 3 or 4 a branch (an L has 2 ends and a bend, a U 2 bends, a T a branch)
                up = r > 0 and lab[r - 1, c] == i
                down = r < h - 1 and lab[r + 1, c] == i
                left = c > 0 and lab[r, c - 1] == i
                right = c < w - 1 and lab[r, c + 1] == i
                deg = int(up) + int(down) + int(left) + int(right)
                if deg == 1:
                    f[i, 13] += 1
                elif deg == 2 and not ((up and down) or (left and right)):
                    f[i, 14] += 1
                elif deg >= 3:
                    f[i, 15] += 1
    for i in range(n):
        bh, bw = r1[i] - r0[i] + 1, c1[i] - c0[i] + 1
        f[i, 2], f[i, 3] = bh, bw
        holes = enclosed_cells(lab, i, r0[i], c0[i], bh, bw)
        shape = bh * 31 + bw
        for r in range(bh):
            for c in range(bw):
                inside = lab[r0[i] + r, c0[i] + c] == i
                if holes[r, c]:
                    f[i, 5] += 1
                shape = (shape * 3 + (1 if inside else 0)) % 2305843009213693951
        f[i, 6] = shape
        f[i, 12] = label(holes.astype(np.uint8), 0, 0)[1]  # the holes' 4-connected regions
    for i in range(n):
        for j in range(n):
            if f[j, 0] > f[i, 0]:  # rank (0 = largest): the number of bigger objects
                f[i, 7] += 1
            if f[j, 0] < f[i, 0]:
                f[i, 8] += 1
            if f[j, 6] == f[i, 6]:
                f[i, 9] += 1
            if f[j, 1] == f[i, 1]:
                f[i, 10] += 1
        # 0 the largest, 1 the smallest, 2 neither: the tallest bar one colour, the shortest another
        f[i, 11] = 0 if f[i, 7] == 0 else 1 if f[i, 8] == 0 else 2
        f[i, 16] = (f[i, 13] * 64 + f[i, 14]) * 64 + f[i, 15]  # ends, bends and branches together
    return f


def _objects(g: np.ndarray, diag: int, multi: int) -> tuple[np.ndarray, np.ndarray]:
    lab, n = label(g, diag, multi)
    return lab, object_features(g, lab, n)


def _object_colours(table: tuple[np.ndarray, np.ndarray], keys: np.ndarray, fallback: str) -> np.ndarray | None:
    """The colours of objects with feature values `keys`; None when one is undecided. A key the
    train pairs never showed is undecided unless a `fallback` decides it, which needs the objects to
    take two colours:
    - "otherwise": one colour marks exactly one key and the other several, so the other is what
      any new key gets (the size-6 objects turn red, the rest blue);
    - "threshold" (ordered features): the keys of one colour all lie below those of the other, and a
      new key takes the colour of its side; one in the gap between them stays undecided."""
    out = _apply(table, keys)
    if out is not None or not fallback:
        return out
    uk, vals = table
    colours, counts = np.unique(vals, return_counts=True)
    if colours.size != 2:
        return None
    seen = np.isin(keys, uk)
    known = np.where(seen, vals[np.minimum(np.searchsorted(uk, keys), uk.size - 1)], 0)
    if fallback == "otherwise":
        if counts.min() != 1 or counts.max() < 2:
            return None
        return np.where(seen, known, colours[np.argmax(counts)]).astype(np.uint8)
    lo, hi = colours if uk[vals == colours[0]].max() < uk[vals == colours[1]].min() else colours[::-1]
    below, above = uk[vals == lo].max(), uk[vals == hi].min()
    if below >= above or ((keys > below) & (keys < above)).any():
        return None
    return np.where(keys <= below, lo, hi).astype(np.uint8)


def learn_object_rule(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """Object recolourings keyed by one feature, for the first labelling under which the outputs
    are the grids with whole objects recoloured (background kept)."""
    for diag, multi, conn in OBJECT_LABELLINGS:
        objs = [_objects(g, diag, multi) for g in grids]
        targets = []
        for (lab, feats), g, o in zip(objs[:n_train], grids[:n_train], outputs):
            if not ((lab >= 0) | (g == o)).all():
                break  # the background changed: not a recolouring
            colours = label_colours(lab, feats.shape[0], o)
            if colours is None:
                break  # an object took two colours
            targets.append(colours)
        else:
            if not any((g != o).any() for g, o in zip(grids[:n_train], outputs)):
                return []
            found = []
            for k, feature in enumerate(OBJECT_FEATURES):
                topological = feature in TOPOLOGY_FEATURES
                if topological and found:
                    break
                keys = np.concatenate([f[:, k] for _, f in objs[:n_train]])
                table = _lookup(keys, np.concatenate(targets)) if keys.size else None
                if table is None:
                    continue
                for fallback in ("", "otherwise", "threshold")[:3 if feature in ORDERED_FEATURES else 2]:
                    tests = []
                    for (lab, f), g in zip(objs[n_train:], grids[n_train:]):
                        # a grid without objects stays as it is (one dummy colour: np.where reads both sides)
                        colours = (_object_colours(table, f[:, k], fallback) if f.shape[0]
                                   else np.zeros(1, dtype=np.uint8))
                        if colours is None:
                            break
                        tests.append(np.ascontiguousarray(np.where(lab >= 0, colours[np.maximum(lab, 0)], g)
                                                          .astype(np.uint8)))
                    else:
                        name = f"object_rule({conn},{feature}{',' + fallback if fallback else ''})"
                        cost = OBJECT_COST + bool(fallback) + TOPOLOGY_EXTRA_COST * topological
                        found.append(Learned(name, cost, tuple(tests)))
                        if not fallback:
                            break  # every test key was seen: no fallback is needed
            if found:
                return found
    return []


def learn_all(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """Every learned last step that fits, cheapest first."""
    found = (learn_object_rule(grids, outputs, n_train) + learn_holes(grids, outputs, n_train)
             + learn_cell_rule(grids, outputs, n_train) + learn_stamp(grids, outputs, n_train))
    return sorted(found, key=lambda x: x.cost)
