"""A learned self-similar product: an h x w input becomes an (h*h) x (w*w) output whose block (r, c)
is made from the whole input, in a way chosen by the colour of input cell (r, c).

The table rows self_kron(nonzero|zero|most_common) and upscale(3) are four fixed cases of one rule:
a key of the cell (zero or not, its colour, or whether it is the input's most common colour) picks
one of a few block makers (`BLOCKS`), on the train outputs' commonest colour as their ground (0,
unless colour normalisation has renumbered the output background). Which maker each key picks is
read off the train pairs, the first one that every block with that key agrees on; a test grid is
answered only when all its keys were seen in training.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from solvers.dsl.learned_step import Learned, answers_key, commonest_colour

# the block makers, from the whole input g, the keying cell's colour v and the ground colour z
BLOCKS = ("empty", "copy", "paint_nonzero", "paint_zero", "solid", "paint_common", "paint_rare")
# cell keys, fewest distinct keys first; the colour key costs one more, as it has the most entries
KEYS = ("nonzero", "common", "colour")
KEY_COSTS = (3, 3, 4)
MAX_ANSWERS = 2


def make_block(g: np.ndarray, v: int, b: int, z: int) -> np.ndarray:
    """Block maker `BLOCKS[b]` on input g, for a cell of colour v, on ground colour z."""
    if b == 0:
        return np.full_like(g, z)
    if b == 1:
        return g.copy()
    if b == 4:
        return np.full_like(g, v)
    if b < 4:
        mask = g != 0 if b == 2 else g == 0
    else:
        common = g == commonest_colour([g])
        mask = common if b == 5 else ~common
    return np.where(mask, v, z).astype(g.dtype)


def cell_key(g: np.ndarray, v: int, kind: int) -> int:
    if kind == 0:
        return int(v != 0)
    if kind == 1:
        return int(v == commonest_colour([g]))
    return int(v)


def is_kron_shape(g: np.ndarray, o: np.ndarray) -> bool:
    h, w = g.shape
    return o.shape == (h * h, w * w) and h * w > 1


def kron(g: np.ndarray, choose: dict[int, int], kind: int, z: int) -> np.ndarray | None:
    """The product of g with itself, block makers picked by `choose[key]`; None past 30 a side or
    when a cell's key is not in `choose`."""
    h, w = g.shape
    if h * h > 30 or w * w > 30:
        return None
    out = np.zeros((h * h, w * w), dtype=g.dtype)
    for r in range(h):
        for c in range(w):
            b = choose.get(cell_key(g, int(g[r, c]), kind))
            if b is None:
                return None
            out[r * h:(r + 1) * h, c * w:(c + 1) * w] = make_block(g, int(g[r, c]), b, z)
    return out


def _learn_choose(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray], kind: int,
                  z: int) -> dict[int, int] | None:
    """{key: block maker} that every train block agrees on, the first maker where several do."""
    allowed: dict[int, set[int]] = {}
    for g, o in zip(inputs, outputs):
        h, w = g.shape
        for r in range(h):
            for c in range(w):
                v = int(g[r, c])
                part = o[r * h:(r + 1) * h, c * w:(c + 1) * w]
                fits = {b for b in range(len(BLOCKS)) if np.array_equal(make_block(g, v, b, z), part)}
                k = cell_key(g, v, kind)
                allowed[k] = allowed.get(k, fits) & fits
                if not allowed[k]:
                    return None
    return {k: min(bs) for k, bs in allowed.items()}


def learn_kron(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """Self-similar products that make every train output, one per cell key, up to MAX_ANSWERS."""
    inputs = grids[:n_train]
    if not all(is_kron_shape(g, o) for g, o in zip(inputs, outputs)):
        return []
    z = commonest_colour(outputs)
    found: list[Learned] = []
    answers: set[bytes] = set()
    for kind, (name, cost) in enumerate(zip(KEYS, KEY_COSTS)):
        choose = _learn_choose(inputs, outputs, kind, z)
        if choose is None:
            continue
        tests = [kron(g, choose, kind, z) for g in grids[n_train:]]
        if any(t is None for t in tests):
            continue
        key = answers_key(tests)
        if key in answers:
            continue
        answers.add(key)
        table = ",".join(f"{k}:{BLOCKS[b]}" for k, b in sorted(choose.items()))
        found.append(Learned(f"kron({name};{table})", cost, tuple(np.ascontiguousarray(t) for t in tests)))
        if len(found) >= MAX_ANSWERS:
            break
    return found
