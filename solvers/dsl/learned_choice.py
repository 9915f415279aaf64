"""A learned choice among the train outputs: tasks whose outputs are a few fixed grids, one of them
picked by a property of the input (its shape, its colours, whether it is symmetric).

The table from the property's value to the output is read off the train pairs. It must be
consistent, must pick between at least two outputs, and at least one output must repeat (otherwise
every pair has its own value, and the table only memorises). A test grid gets an answer only when its
value was seen in training: this step never invents a grid, it only picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from solvers.dsl.learned_step import Learned


def _top_colour(g: np.ndarray) -> bytes:
    counts = np.bincount(g.ravel(), minlength=10)[1:]
    return bytes([int(counts.argmax()) + 1 if counts.any() else 0])


def _colours(g: np.ndarray) -> bytes:
    # 0 counts like any colour: a task without background has its commonest colour renumbered to 0
    return np.flatnonzero(np.bincount(g.ravel(), minlength=10)).astype(np.uint8).tobytes()


def _colour_count(g: np.ndarray) -> bytes:
    return bytes([len(_colours(g))])


def _symmetries(g: np.ndarray) -> bytes:
    return bytes([np.array_equal(g, g[:, ::-1]), np.array_equal(g, g[::-1])])


def _mask(g: np.ndarray) -> bytes:
    return bytes(g.shape) + (g != 0).tobytes()


# (name, cost, property): the cheaper and coarser first; the mask (the exact shape) names the most
PROPERTIES: tuple[tuple[str, int, Callable[[np.ndarray], bytes]], ...] = (
    ("top_colour", 5, _top_colour),
    ("colour_count", 5, _colour_count),
    ("colours", 5, _colours),
    ("symmetries", 5, _symmetries),
    ("mask", 6, _mask),
)


def _key(g: np.ndarray) -> bytes:
    return bytes(g.shape) + g.tobytes()


def learn_choice(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The properties whose value picks every train output, with the test answers they pick."""
    outs = [_key(o) for o in outputs]
    if len(set(outs)) == len(outs) or len(set(outs)) < 2:
        return []
    found = []
    answers: set[bytes] = set()
    by_key = dict(zip(outs, outputs))
    for name, cost, prop in PROPERTIES:
        table: dict[bytes, bytes] = {}
        if any(table.setdefault(prop(g), o) != o for g, o in zip(grids[:n_train], outs)):
            continue
        if len(table) < 2:
            continue
        values = [prop(g) for g in grids[n_train:]]
        if not all(v in table for v in values):
            continue
        picked = tuple(np.ascontiguousarray(by_key[table[v]]) for v in values)
        key = b"".join(_key(t) for t in picked)
        if key not in answers:
            answers.add(key)
            found.append(Learned(f"choose_output({name})", cost, picked))
    return found
