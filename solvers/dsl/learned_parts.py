"""A learned overlay of a grid's parts: the grid is cut into two to four equal parts (side by side,
stacked, or two by two, with or without one-cell separator lines between them) and the parts are
laid over each other, some part's non-zero cells winning over another's.

Which layout and which order of precedence are read off the train pairs: the layout is the one whose
part has the output's shape in every pair, and the order is the first permutation of the parts that
reproduces every output. A test grid is cut with the same layout, its part size following from its
own shape. This replaces a table row per layout and permutation (up to 24 per layout), which every
node of the search would pay for.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from solvers.dsl.learned_step import Learned, answers_key

PARTS_COST = 4
MAX_ANSWERS = 2  # distinct test answers from different precedence orders that fit the train pairs
# (rows of parts, columns of parts): two to four parts
GRIDS = tuple((ny, nx) for ny in range(1, 5) for nx in range(1, 5) if 2 <= ny * nx <= 4)


def cut(g: np.ndarray, ny: int, nx: int, sep: int) -> list[np.ndarray] | None:
    """The ny * nx equal parts of `g` in reading order, with `sep` cells between neighbours; None
    when `g`'s shape does not divide so."""
    h, w = g.shape
    ph, rem_h = divmod(h - (ny - 1) * sep, ny)
    pw, rem_w = divmod(w - (nx - 1) * sep, nx)
    if rem_h or rem_w or ph < 1 or pw < 1:
        return None
    return [g[i * (ph + sep):i * (ph + sep) + ph, j * (pw + sep):j * (pw + sep) + pw]
            for i in range(ny) for j in range(nx)]


def stack(parts: Sequence[np.ndarray], order: Sequence[int]) -> np.ndarray:
    """The parts laid over each other: `order[0]`'s non-zero cells win over everything else."""
    out = np.zeros_like(parts[0])
    for k in reversed(order):
        out = np.where(parts[k] != 0, parts[k], out)
    return np.ascontiguousarray(out)


def learn_parts(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """Overlays of parts that make every train output, each with its own answers for the tests."""
    found: list[Learned] = []
    answers: set[bytes] = set()
    for (ny, nx), sep in itertools.product(GRIDS, (0, 1)):
        cuts = [cut(g, ny, nx, sep) for g in grids]
        if any(c is None for c in cuts):
            continue
        if any(c[0].shape != o.shape for c, o in zip(cuts[:n_train], outputs)):
            continue
        for order in itertools.permutations(range(ny * nx)):
            if not all(np.array_equal(stack(c, order), o) for c, o in zip(cuts[:n_train], outputs)):
                continue
            tests = tuple(stack(c, order) for c in cuts[n_train:])
            key = answers_key(tests)
            if key in answers:
                continue
            answers.add(key)
            layout = f"{ny}x{nx}{',sep' if sep else ''}"
            found.append(Learned(f"overlay_parts({layout},{''.join(map(str, order))})", PARTS_COST, tests))
            if len(found) >= MAX_ANSWERS:
                return found
    return found
