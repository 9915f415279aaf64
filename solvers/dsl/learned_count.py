"""A learned count: the output is a fixed frame in which the first k of a fixed run of cells take one
colour, k being a count read off the input (its blue objects, its 2 x 2 red blocks, its cells of a
colour...).

Tasks of this kind (count the squares, show the count as a bar or as dots in a 3 x 3) give outputs
of one shape whose filled cells grow with the count, each train output's cells a prefix of the
next. The run is the cells that some train output fills, in reading order (rows first, or columns
first); every train output must fill exactly a prefix of it. The count is the first of a fixed list
of measures that equals every train output's number of filled cells; at least two different counts
must occur (one count is a constant output, which learned_choice covers). A test grid is answered
only when its count fits in the run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from solvers.dsl.kernels_common import label
from solvers.dsl.learned_step import Learned

COST = 4  # below the 5 of a chain of a crop and a cell rule: in a scan of both splits its four fits were all right
ORDERS = ("rows", "cols")


def _per_colour(g: np.ndarray, diag: int, min_size: int) -> np.ndarray:
    """(10,) int64: how many one-colour components (8-connected with diag) of at least min_size
    cells each colour has."""
    lab, n = label(g, diag, 0)
    counts = np.zeros(10, dtype=np.int64)
    if n == 0:
        return counts
    flat = lab.ravel()
    on = flat >= 0
    sizes = np.bincount(flat[on], minlength=n)
    # the colour of each component: the colour of any of its cells
    colour = np.zeros(n, dtype=np.int64)
    colour[flat[on]] = g.ravel()[on]
    np.add.at(counts, colour[sizes >= min_size], 1)
    return counts


def measures(g: np.ndarray) -> dict[str, int]:
    """The counts a rule may read, by name, in the order they are tried: objects first (counting
    things is the common rule), then blocks (objects of two or more cells: single pixels are noise),
    then cells; each per colour, then over all colours."""
    cells = np.bincount(g.ravel(), minlength=10).astype(np.int64)
    families = (("objects", _per_colour(g, 0, 1)), ("objects8", _per_colour(g, 1, 1)),
                ("blocks", _per_colour(g, 0, 2)), ("cells", cells))
    out: dict[str, int] = {}
    for name, per in families:
        for colour in range(1, 10):
            out[f"{name}({colour})"] = int(per[colour])
        out[name] = int(per[1:].sum())
    out["colours"] = int((cells[1:] > 0).sum())
    return out


def _run(filled: Sequence[np.ndarray], order: str) -> np.ndarray | None:
    """(k, 2) int64: the cells that some output fills, in reading order, when every output fills a
    prefix of them; else None."""
    union = np.zeros_like(filled[0])
    for f in filled:
        union |= f
    cells = np.argwhere(union if order == "rows" else union.T)
    if order == "cols":
        cells = cells[:, ::-1]
    for f in filled:
        k = int(f.sum())
        if not f[cells[:k, 0], cells[:k, 1]].all():
            return None
    return cells


def learn_count(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The count whose value is the number of filled cells of every train output, with the test
    answers it draws."""
    shape = outputs[0].shape
    if any(o.shape != shape for o in outputs):
        return []
    # the frame is background, 0 (the search runs on frequency-normalised colours): an output that
    # counts high may hold more of the fill colour than of 0
    fill = {int(v) for o in outputs for v in np.unique(o) if v != 0}
    if len(fill) != 1:
        return []
    colour = fill.pop()
    filled = [o == colour for o in outputs]
    ks = [int(f.sum()) for f in filled]
    if len(set(ks)) < 2:
        return []
    values = [measures(g) for g in grids]
    names = [m for m in values[0] if all(v[m] == k for v, k in zip(values, ks))]
    if not names:
        return []
    for order in ORDERS:
        cells = _run(filled, order)
        if cells is None:
            continue
        tests = []
        for v in values[n_train:]:
            k = v[names[0]]
            if k > len(cells):
                return []
            t = np.zeros(shape, dtype=np.uint8)
            t[cells[:k, 0], cells[:k, 1]] = colour
            tests.append(t)
        return [Learned(f"count_fill({names[0]},{order})", COST, tuple(tests))]
    return []
