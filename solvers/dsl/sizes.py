"""Output-size prediction: the simplest rule, consistent with every train pair, for the output shape."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np

Shape = tuple[int, int]


def _same(i: Shape) -> Shape:
    return i


def _transposed(i: Shape) -> Shape:
    return (i[1], i[0])


def predict_sizes(inputs: Sequence[np.ndarray], outputs: Sequence[np.ndarray],
                  tests: Sequence[np.ndarray]) -> list[Shape] | None:
    """Test output shapes that every rule explaining all train pairs agrees on, or None.

    Rules: same as the input; one fixed shape; the input scaled by a fixed ratio per axis; the
    input transposed. When no rule fits, or two that fit disagree on a test input (one train pair
    is often explained by several), the answer is None: 'no idea', and nothing is pruned by size.
    """
    ins = [g.shape for g in inputs]
    outs = [g.shape for g in outputs]
    rules: list[Callable[[Shape], Shape]] = [_same]
    if len(set(outs)) == 1:
        fixed = outs[0]
        rules.append(lambda i: fixed)
    ratios = {(Fraction(o[0], i[0]), Fraction(o[1], i[1])) for i, o in zip(ins, outs)}
    if len(ratios) == 1:
        rh, rw = ratios.pop()
        rules.append(lambda i: (int(i[0] * rh), int(i[1] * rw)) if (i[0] * rh).denominator == 1
                     and (i[1] * rw).denominator == 1 else (-1, -1))
    rules.append(_transposed)
    predictions = {tuple(rule(g.shape) for g in tests) for rule in rules
                   if all(rule(i) == o for i, o in zip(ins, outs))}
    predictions = {p for p in predictions if (-1, -1) not in p}  # a ratio that fails on a test input
    return list(predictions.pop()) if len(predictions) == 1 else None
