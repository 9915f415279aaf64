"""A learned last step: a cell rule over a small *searched* set of the cell's features.

The cell rules of solvers.dsl.learned key each cell on one fixed description (its 3 x 3
neighbourhood, say): rich keys fit often but leave test cells with keys no train cell had. Here every
cell gets a row of simple features (its colour, each neighbour, each ray and the parity of its
length, its row parity, its component's size, its object's main colour, the grid's rarest
colour...), and the rule keys on the fewest of them, 1 to 3, that explain every train cell: the
shortest description that fits, so the test grids' keys have mostly been seen.

The value of a key is not only a colour: it may be "keep the cell's colour" or "take the colour of
feature f" (the north neighbour's, the first colour along the west ray, the nearest coloured
cell's...), so one rule covers every colour of a task that moves colours around. A key may allow
several values; the first allowed is used: keep the colour, then a fixed colour, then the copied
features in table order.

Like the other learned rules, it answers only when every key of the test grids was seen in training,
and only when it changes some cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numba import njit

from solvers.dsl import cell_objects, cell_relations
from solvers.dsl.learned_step import Learned, answers_key

# columns of cell_features; the first N_COLOUR are colours (10: beyond the edge, or nothing met),
# which an output cell may copy: the neighbourhood, then cell_objects.COLOURS and
# cell_relations.COLOURS; then the cell's place and counts, then cell_objects.PLAIN
NEIGHBOURHOOD = (
    "colour", "nbr_n", "nbr_w", "nbr_e", "nbr_s", "nbr_nw", "nbr_ne", "nbr_sw", "nbr_se",
    "ray_n", "ray_w", "ray_e", "ray_s", "ray_nw", "ray_ne", "ray_sw", "ray_se",
    "between_we", "between_ns", "mirror_lr", "mirror_ud", "mirror_both",
)
PLACE = (
    "row_mod2", "col_mod2", "row_mod3", "col_mod3", "row_end_mod2", "col_end_mod2",
    "nbr4_count", "nbr8_count", "same_nbr8", "component_size", "component_border", "on_border",
    "row_others", "col_others", "between_any", "rays4_all", "mid_row", "mid_col",
    # the parity of the distance to the colour the ray met, 2 when it met none: dashed rays and lines
    "ray_n_odd", "ray_w_odd", "ray_e_odd", "ray_s_odd",
)
FEATURES = NEIGHBOURHOOD + cell_objects.COLOURS + cell_relations.COLOURS + PLACE + cell_objects.PLAIN
N_COLOUR = len(NEIGHBOURHOOD) + len(cell_objects.COLOURS) + len(cell_relations.COLOURS)
N_NEIGHBOURHOOD = len(NEIGHBOURHOOD)
P = N_COLOUR  # the first PLACE column
Q = P + len(PLACE)  # the first of cell_objects.PLAIN
N_COLOUR_FACTS = len(cell_objects.COLOURS)
N_FEATURES = len(FEATURES)
MAX_FEATURES = 3  # features in one key
MAX_FITS = 4096  # fitting sets of one size tried on the test grids (at most 76 on an arc1-training task)
BASE_COST = 3  # plus one per feature in the key
# distinct answers reported, fewest table entries first: one, since a second rule of the same size
# was right on 1 of 61 arc1-training tasks, and two rules that disagree push a costlier right answer
# out of the two attempts
MAX_RULES = 1
NONE = cell_objects.NONE
# N, W, E, S, then the diagonals NW, NE, SW, SE: the order of the nbr_ and ray_ columns
DR8 = np.array([-1, 0, 0, 1, -1, -1, 1, 1])
DC8 = np.array([0, -1, 1, 0, -1, 1, -1, 1])


@njit(cache=True)
def _components(g):
    """Per cell, the size of its 4-connected one-colour component (capped at 15) and whether that
    component touches the border: two (h, w) int64 grids."""
    h, w = g.shape
    comp = np.full((h, w), -1, dtype=np.int64)
    size = np.zeros(h * w, dtype=np.int64)
    border = np.zeros(h * w, dtype=np.int64)
    stack = np.empty(h * w, dtype=np.int64)
    n = 0
    for r0 in range(h):
        for c0 in range(w):
            if comp[r0, c0] >= 0:
                continue
            comp[r0, c0] = n
            stack[0] = r0 * w + c0
            top = 1
            while top > 0:
                top -= 1
                r = stack[top] // w
                c = stack[top] % w
                size[n] += 1
                if r == 0 or c == 0 or r == h - 1 or c == w - 1:
                    border[n] = 1
                for i in range(4):
                    rr = r + DR8[i]
                    cc = c + DC8[i]
                    if 0 <= rr < h and 0 <= cc < w and comp[rr, cc] < 0 and g[rr, cc] == g[r0, c0]:
                        comp[rr, cc] = n
                        stack[top] = rr * w + cc
                        top += 1
            n += 1
    sizes = np.empty((h, w), dtype=np.int64)
    borders = np.empty((h, w), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            sizes[r, c] = min(size[comp[r, c]], 15)
            borders[r, c] = border[comp[r, c]]
    return sizes, borders


@njit(cache=True)
def cell_features(g):
    """(h * w, N_FEATURES) int64, cells in reading order, columns as FEATURES; every value is < 16."""
    h, w = g.shape
    f = np.zeros((h * w, N_FEATURES), dtype=np.int64)
    sizes, borders = _components(g)
    facts = cell_objects.object_facts(g, sizes)
    related = cell_relations.relation_colours(g)
    row_n = np.zeros(h, dtype=np.int64)
    col_n = np.zeros(w, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if g[r, c] != 0:
                row_n[r] += 1
                col_n[c] += 1
    for r in range(h):
        for c in range(w):
            i = r * w + c
            v0 = g[r, c]
            f[i, 0] = v0
            nz4 = 0
            nz8 = 0
            same = 0
            for k in range(8):
                rr = r + DR8[k]
                cc = c + DC8[k]
                v = NONE
                if 0 <= rr < h and 0 <= cc < w:
                    v = g[rr, cc]
                f[i, 1 + k] = v
                if v != 0 and v != NONE:
                    nz8 += 1
                    nz4 += k < 4
                same += v == v0
                ray = NONE  # the first non-zero colour along direction k, d cells away
                d = 1
                while 0 <= rr < h and 0 <= cc < w:
                    if g[rr, cc] != 0:
                        ray = g[rr, cc]
                        break
                    rr += DR8[k]
                    cc += DC8[k]
                    d += 1
                f[i, 9 + k] = ray
                if k < 4:
                    f[i, P + 18 + k] = 2 if ray == NONE else d % 2
            f[i, 17] = f[i, 10] if f[i, 10] == f[i, 11] else NONE  # the same colour west and east
            f[i, 18] = f[i, 9] if f[i, 9] == f[i, 12] else NONE  # north and south
            f[i, 19] = g[r, w - 1 - c]
            f[i, 20] = g[h - 1 - r, c]
            f[i, 21] = g[h - 1 - r, w - 1 - c]
            f[i, P] = r % 2
            f[i, P + 1] = c % 2
            f[i, P + 2] = r % 3
            f[i, P + 3] = c % 3
            f[i, P + 4] = (h - 1 - r) % 2
            f[i, P + 5] = (w - 1 - c) % 2
            f[i, P + 6] = nz4
            f[i, P + 7] = nz8
            f[i, P + 8] = same
            f[i, P + 9] = sizes[r, c]
            f[i, P + 10] = borders[r, c]
            f[i, P + 11] = r == 0 or c == 0 or r == h - 1 or c == w - 1
            f[i, P + 12] = min(row_n[r] - (v0 != 0), 15)
            f[i, P + 13] = min(col_n[c] - (v0 != 0), 15)
            f[i, P + 14] = f[i, 17] != NONE or f[i, 18] != NONE
            f[i, P + 15] = f[i, 9] != NONE and f[i, 10] != NONE and f[i, 11] != NONE and f[i, 12] != NONE
            # the middle row (column), or the two middle ones of an even height (width)
            f[i, P + 16] = 2 * r == h - 1 or (h % 2 == 0 and (2 * r == h or 2 * r == h - 2))
            f[i, P + 17] = 2 * c == w - 1 or (w % 2 == 0 and (2 * c == w or 2 * c == w - 2))
            for k in range(N_COLOUR_FACTS):
                f[i, N_NEIGHBOURHOOD + k] = facts[r, c, k]
            for k in range(cell_relations.N_COLUMNS):
                f[i, N_NEIGHBOURHOOD + N_COLOUR_FACTS + k] = related[r, c, k]
            for k in range(facts.shape[2] - N_COLOUR_FACTS):
                f[i, Q + k] = facts[r, c, N_COLOUR_FACTS + k]
    return f


@njit(cache=True)
def allowed_values(f, out):
    """(n,) int64 bitmask per cell of the values that give its output colour: bit 0 keeps the cell's
    colour, bit 1 + k paints colour k, bit 10 + j copies colour feature j (1 <= j < N_COLOUR)."""
    m = np.zeros(f.shape[0], dtype=np.int64)
    for i in range(f.shape[0]):
        o = out[i]
        b = np.int64(1) << (1 + o)
        if f[i, 0] == o:
            b |= 1
        for j in range(1, N_COLOUR):
            if f[i, j] == o:
                b |= np.int64(1) << (10 + j)
        m[i] = b
    return m


@njit(cache=True)
def _keys(f, cols):
    k = np.zeros(f.shape[0], dtype=np.int64)
    for j in cols:
        k = k * 16 + f[:, j]
    return k


@njit(cache=True)
def fit_table(f, allowed, cols):
    """(table, seen) over the 16 ** len(cols) keys: the values every train cell of a key allows; an
    empty table when some key allows no value."""
    keys = _keys(f, cols)
    table = np.full(16 ** len(cols), -1, dtype=np.int64)
    seen = np.zeros(16 ** len(cols), dtype=np.bool_)
    for i in range(keys.size):
        table[keys[i]] &= allowed[i]
        seen[keys[i]] = True
        if table[keys[i]] == 0:
            return np.zeros(0, dtype=np.int64), seen
    return table, seen


@njit(cache=True)
def apply_table(f, table, seen, cols):
    """(n,) int64 output colours, or an empty array when a key was never seen or copies nothing."""
    keys = _keys(f, cols)
    out = np.empty(keys.size, dtype=np.int64)
    for i in range(keys.size):
        if not seen[keys[i]]:
            return np.zeros(0, dtype=np.int64)
        m = table[keys[i]]
        j = 0
        while not (m >> j) & 1:
            j += 1
        v = f[i, 0] if j == 0 else (j - 1 if j <= 10 else f[i, j - 10])
        if v == NONE:
            return np.zeros(0, dtype=np.int64)
        out[i] = v
    return out


@njit(cache=True)
def fitting_subsets(f, allowed, size, limit):
    """(k, size) int64: the sets of `size` feature columns, in lexicographic order, whose table
    (see fit_table) gives every train cell a value it allows; at most `limit` of them. One compiled
    loop over all C(N_FEATURES, size) sets, with one table cleared after each: the sets are tens of
    thousands, and a call per set from Python cost more than the test itself."""
    n_feat = f.shape[1]
    table = np.full(16 ** size, -1, dtype=np.int64)
    touched = np.empty(f.shape[0], dtype=np.int64)
    out = np.empty((limit, size), dtype=np.int64)
    found = 0
    cols = np.arange(size)
    while found < limit:
        n_touched = 0
        fits = True
        for i in range(f.shape[0]):
            k = 0
            for j in range(size):
                k = k * 16 + f[i, cols[j]]
            if table[k] == -1:
                touched[n_touched] = k
                n_touched += 1
            table[k] &= allowed[i]
            if table[k] == 0:
                fits = False
                break
        for t in range(n_touched):
            table[touched[t]] = -1
        if fits:
            out[found] = cols
            found += 1
        j = size - 1  # the next set: the last column that can still move on, and the rest after it
        while j >= 0 and cols[j] == n_feat - size + j:
            j -= 1
        if j < 0:
            break
        cols[j] += 1
        for m in range(j + 1, size):
            cols[m] = cols[m - 1] + 1
    return out[:found]


def learn_feature_rule(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int,
                       max_features: int = MAX_FEATURES) -> list[Learned]:
    """The rules on the fewest features that fit every train pair and cover every test grid; among
    those, up to MAX_RULES distinct answers, smallest table first."""
    if any(g.shape != o.shape for g, o in zip(grids[:n_train], outputs)):
        return []
    feats = [cell_features(g) for g in grids]
    f = np.concatenate(feats[:n_train])
    allowed = np.concatenate([allowed_values(x, o.ravel().astype(np.int64)) for x, o in zip(feats, outputs)])
    if (allowed & 1).all():
        return []  # every train output equals its input: there is nothing to learn
    for size in range(1, max_features + 1):
        found: list[tuple[int, Learned]] = []
        for cols in fitting_subsets(f, allowed, size, MAX_FITS):
            subset = tuple(int(j) for j in cols)
            table, seen = fit_table(f, allowed, cols)
            tests = []
            for x, g in zip(feats[n_train:], grids[n_train:]):
                out = apply_table(x, table, seen, cols)
                if out.size == 0:
                    break
                tests.append(np.ascontiguousarray(out.reshape(g.shape).astype(np.uint8)))
            else:
                name = f"feature_rule({','.join(FEATURES[j] for j in subset)})"
                found.append((int(seen.sum()), Learned(name, BASE_COST + size, tuple(tests))))
        if found:
            found.sort(key=lambda x: x[0])
            distinct: dict[bytes, Learned] = {}
            for _, rule in found:
                distinct.setdefault(answers_key(rule.tests), rule)
            return list(distinct.values())[:MAX_RULES]
    return []
