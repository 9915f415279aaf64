"""A learned layout: the output is an a x b arrangement of blocks of the input's shape, each block
one fixed symmetry of the input (or empty: all of the train outputs' commonest colour, which is 0
unless colour normalisation has renumbered the output background).

Which symmetry each block holds is read off the train pairs: the first one, in the order of
`SYMMETRIES`, that every pair agrees on. This is the general form of the fixed tiling and
mirror-extension rows (tile(2x2), mirror_extend(four_way), mirror_extend(pinwheel) in the table):
one lookup covers every arrangement of the eight symmetries, which no table could list (8^4 for a
2x2 layout alone), and costs the search nothing on states whose shapes are not multiples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from solvers.dsl.learned_step import Learned, commonest_colour

LAYOUT_COST = 3
MAX_BLOCKS = 36  # a 30x30 output of 5x5 inputs; more blocks than that is no layout anyone draws
# mirror images before rotations: ARC's arrangements are mostly reflections, and when a symmetric
# input lets several symmetries fit, the first one is the answer
SYMMETRIES: tuple[tuple[str, Callable[[np.ndarray], np.ndarray]], ...] = (
    ("id", lambda g: g),
    ("flip_lr", lambda g: g[:, ::-1]),
    ("flip_ud", lambda g: g[::-1, :]),
    ("rot180", lambda g: g[::-1, ::-1]),
    ("transpose", lambda g: g.T),
    ("rot90", lambda g: np.rot90(g, 1)),
    ("rot270", lambda g: np.rot90(g, 3)),
    ("antitranspose", lambda g: g[::-1, ::-1].T),
)
EMPTY = len(SYMMETRIES)  # the block index of an empty block


def ratio(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray]) -> tuple[int, int] | None:
    """(a, b) when every output is exactly a x b blocks of its input's shape, with a * b > 1."""
    found: set[tuple[int, int]] = set()
    for g, o in zip(inputs, outputs):
        (h, w), (oh, ow) = g.shape, o.shape
        if oh % h or ow % w:
            return None
        found.add((oh // h, ow // w))
    if len(found) != 1:
        return None
    a, b = found.pop()
    return (a, b) if 1 < a * b <= MAX_BLOCKS else None


def block(g: np.ndarray, k: int, z: int = 0) -> np.ndarray | None:
    """Symmetry k of `g` (all z for EMPTY); None when it does not keep g's shape."""
    if k == EMPTY:
        return np.full_like(g, z)
    t = SYMMETRIES[k][1](g)
    return t if t.shape == g.shape else None


def arrange(g: np.ndarray, a: int, b: int, choice: Sequence[int], z: int = 0) -> np.ndarray | None:
    """The a x b arrangement of `g`'s blocks, `choice` in reading order; None when a block cannot be made."""
    h, w = g.shape
    out = np.zeros((a * h, b * w), dtype=g.dtype)
    for n, k in enumerate(choice):
        t = block(g, k, z)
        if t is None:
            return None
        i, j = divmod(n, b)
        out[i * h:(i + 1) * h, j * w:(j + 1) * w] = t
    return out


def _fits(k: int, i: int, j: int, inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray], z: int) -> bool:
    for g, o in zip(inputs, outputs):
        h, w = g.shape
        t = block(g, k, z)
        if t is None or not np.array_equal(t, o[i * h:(i + 1) * h, j * w:(j + 1) * w]):
            return False
    return True


def learn_layout(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The arrangement of symmetries that makes every train output, with its answers for the tests."""
    inputs = grids[:n_train]
    ab = ratio(inputs, outputs)
    if ab is None:
        return []
    a, b = ab
    z = commonest_colour(outputs)
    choice = []
    for n in range(a * b):
        i, j = divmod(n, b)
        k = next((k for k in range(EMPTY + 1) if _fits(k, i, j, inputs, outputs, z)), None)
        if k is None:
            return []
        choice.append(k)
    tests = tuple(arrange(g, a, b, choice, z) for g in grids[n_train:])
    if any(t is None for t in tests):
        return []
    names = ",".join("empty" if k == EMPTY else SYMMETRIES[k][0] for k in choice)
    return [Learned(f"layout({a}x{b}:{names})", LAYOUT_COST, tuple(np.ascontiguousarray(t) for t in tests))]
