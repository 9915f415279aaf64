"""A learned overlay of a grid's parts: the grid is cut into two to four equal parts (side by side,
stacked, or two by two; on each axis with a one-cell separator line between them, none, or sharing
one line of cells) and the parts are laid over each other, some part's non-zero cells winning over
another's.

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
# cells between neighbouring parts (rows, columns): a separator line, none, or -1 for parts that
# share their edge line (a 5x7 grid's four 3x3 corners); the plain layouts first
SEPS = ((0, 0), (1, 1), (0, 1), (1, 0), (-1, -1), (-1, 0), (0, -1), (-1, 1), (1, -1))


def part_shape(shape: tuple[int, ...], ny: int, nx: int, sep: tuple[int, int]) -> tuple[int, int] | None:
    """The shape of each of the ny * nx equal parts of a grid of this shape, with sep = (rows,
    columns) cells between neighbours (-1: they share a line); None when the shape does not divide so."""
    sy, sx = sep
    ph, rem_h = divmod(shape[0] - (ny - 1) * sy, ny)
    pw, rem_w = divmod(shape[1] - (nx - 1) * sx, nx)
    if rem_h or rem_w or ph < 1 or pw < 1 or ph + sy < 1 or pw + sx < 1:
        return None
    return ph, pw


def cut(g: np.ndarray, ny: int, nx: int, sep: tuple[int, int]) -> list[np.ndarray] | None:
    """The ny * nx equal parts of `g` in reading order (see part_shape); None when `g`'s shape does
    not divide so."""
    part = part_shape(g.shape, ny, nx, sep)
    if part is None:
        return None
    (ph, pw), (sy, sx) = part, sep
    return [g[i * (ph + sy):i * (ph + sy) + ph, j * (pw + sx):j * (pw + sx) + pw]
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
    tried: set[tuple[int, int, int, int]] = set()
    for (ny, nx), (sy, sx) in itertools.product(GRIDS, SEPS):
        # an axis with one part has no separator: it takes the other axis's, so "1x3,sep" stays one
        sep = (sy if ny > 1 else sx, sx if nx > 1 else sy)
        if (ny, nx, *sep) in tried:
            continue
        tried.add((ny, nx, *sep))
        if any(part_shape(g.shape, ny, nx, sep) != o.shape for g, o in zip(grids, outputs)):
            continue  # the cheap test first: most layouts do not cut the outputs' shapes
        cuts = [cut(g, ny, nx, sep) for g in grids]
        if any(c is None for c in cuts):
            continue
        for order in itertools.permutations(range(ny * nx)):
            if not all(np.array_equal(stack(c, order), o) for c, o in zip(cuts[:n_train], outputs)):
                continue
            tests = tuple(stack(c, order) for c in cuts[n_train:])
            key = answers_key(tests)
            if key in answers:
                continue
            answers.add(key)
            layout = f"{ny}x{nx}" + {(0, 0): "", (1, 1): ",sep"}.get(sep, f",sep({sep[0]},{sep[1]})")
            found.append(Learned(f"overlay_parts({layout},{''.join(map(str, order))})", PARTS_COST, tests))
            if len(found) >= MAX_ANSWERS:
                return found
    return found
