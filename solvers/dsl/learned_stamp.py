"""A learned stamp: every coloured cell paints a fixed pattern, chosen by its colour, on the
background around it (a halo of 4s at the corners of each 2, a frame of 1s around each 2).

The pattern is read off the train pairs. For each colour and each offset within the stamp's window,
every background cell at that offset from a cell of that colour shows what the output put there; the
offset paints that colour when all of them agree on a non-background one. Offsets whose evidence
disagrees paint nothing (a neighbouring stamp's paint shows up as such evidence), and the learned
stamp must then reproduce every train output exactly, so a disagreement that matters rejects it.
Painting is composable where a cell-neighbourhood rule is not: two stamps side by side in a test grid
make a surrounding that no train pair showed, but each stamp was seen.

With `,any`, one stamp serves every colour, and it may paint the stamping cell's own colour (each
coloured cell grows the same halo or cross, whatever its colour): a test grid's new colour then has a
stamp too. It is tried only where the per-colour stamps give no answer without guessing.

With `,recentred`, the stamping cells change colour too, by one lookup per colour (each 2 paints its
corners and turns 0); it is tried only where a train output changes a coloured cell.

Background is colour 0 (the search runs on frequency-normalised colours, where 0 is the commonest).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numba import njit

from solvers.dsl.learned_step import Learned

UNSEEN, MIXED = -2, -1  # table entries that are not a colour
SELF = 10  # a table entry: the stamping cell's own colour
STAMP_RADII = (1, 2)  # 3x3 and 5x5 windows; the wider one is dearer (it explains more by chance)
STAMP_COSTS = (4, 5)


@njit(cache=True)
def stamp_observe(g, o, table, pooled):
    """Add the evidence of one train pair to `table` (10, 2r+1, 2r+1) int64, in place; with `pooled`,
    every colour's evidence goes to table[0] (colour 0 never stamps)."""
    h, w = g.shape
    r = table.shape[1] // 2
    for y in range(h):
        for x in range(w):
            col = g[y, x]
            if col == 0:
                continue
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    yy, xx = y + dy, x + dx
                    if yy < 0 or xx < 0 or yy >= h or xx >= w or g[yy, xx] != 0:
                        continue
                    v = np.int64(o[yy, xx])
                    if v == col:
                        v = SELF
                    k = 0 if pooled else col
                    cur = table[k, dy + r, dx + r]
                    if cur == UNSEEN:
                        table[k, dy + r, dx + r] = v
                    elif cur != v:
                        table[k, dy + r, dx + r] = MIXED


@njit(cache=True)
def stamp_apply(g, table, pooled):
    """`g` with each coloured cell's stamp painted on the background around it. A cell that two
    stamps paint takes the first, in reading order of the painting cells."""
    h, w = g.shape
    r = table.shape[1] // 2
    out = g.copy()
    for y in range(h):
        for x in range(w):
            col = g[y, x]
            if col == 0:
                continue
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    yy, xx = y + dy, x + dx
                    v = table[0 if pooled else col, dy + r, dx + r]
                    if yy < 0 or xx < 0 or yy >= h or xx >= w or v <= 0:
                        continue
                    if g[yy, xx] == 0 and out[yy, xx] == 0:
                        out[yy, xx] = col if v == SELF else v
    return out


def learn_stamp(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The stamps, one per window size, that turn every train grid into its output and paint
    something. A test cell of a colour no train grid had paints nothing: that guess costs one more."""
    found = []
    train = grids[:n_train]
    if not any((g != o).any() for g, o in zip(train, outputs)):
        return found
    # a stamp only paints background; a change of the stamping cells themselves is the recentred
    # variant's, and any other change rules a stamp out before the tables are made
    if any(((g != o) & (g != 0)).any() for g, o in zip(train, outputs)):
        return _recentred(grids, outputs, n_train)
    seen = np.zeros(10, dtype=bool)
    for g in train:
        seen[np.unique(g)] = True
    guess = any(not seen[np.unique(t)].all() for t in grids[n_train:])
    for pooled in (False, True):
        if pooled and found and not guess:
            break  # the per-colour stamps answer without guessing: no need to pool the colours
        for radius, cost in zip(STAMP_RADII, STAMP_COSTS):
            table = np.full((10, 2 * radius + 1, 2 * radius + 1), UNSEEN, dtype=np.int64)
            for g, o in zip(train, outputs):
                stamp_observe(g, o, table, pooled)
            if not (table > 0).any():
                continue
            if all((stamp_apply(g, table, pooled) == o).all() for g, o in zip(train, outputs)):
                tests = tuple(np.ascontiguousarray(stamp_apply(t, table, pooled)) for t in grids[n_train:])
                side = 2 * radius + 1
                variant = ",any" if pooled else (",unseen" if guess else "")
                found.append(Learned(f"stamp_rule({side}x{side}{variant})", cost + (pooled or guess), tests))
    return found


def _recentred(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The stamps whose stamping cells also change colour, by one lookup per colour (each 2 paints
    its corners and turns 0): the stamp is learned on the outputs with the input's coloured cells
    put back, then the lookup recolours those cells. A test colour the lookup lacks gets no answer."""
    pairs = np.unique(np.concatenate([g[g != 0].astype(np.int64) * 16 + o[g != 0]
                                      for g, o in zip(grids[:n_train], outputs)]))
    if np.unique(pairs // 16).size != pairs.size:
        return []  # a colour whose cells change in two ways
    lut = np.full(10, -1, dtype=np.int64)
    lut[pairs // 16] = pairs % 16
    restored = [np.where(g != 0, g, o).astype(np.uint8) for g, o in zip(grids[:n_train], outputs)]
    if any((g != 0).any() and (lut[np.unique(g[g != 0])] < 0).any() for g in grids[n_train:]):
        return []
    found = []
    for stamp in learn_stamp(grids, restored, n_train):
        if stamp.name.endswith("unseen)"):
            continue  # an unseen colour has no lookup entry either
        tests = tuple(np.ascontiguousarray(np.where(g != 0, lut[g], t).astype(np.uint8))
                      for g, t in zip(grids[n_train:], stamp.tests))
        found.append(Learned(stamp.name[:-1] + ",recentred)", stamp.cost + 1, tests))
    return found
