"""What a heuristic rule is: a function from train pairs to candidate parameterisations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

# A train pair as the rules see it: (input, output), both read-only (h, w) uint8 arrays.
Pair = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True, slots=True)
class Fit:
    """One parameterisation of a rule, inferred from the train pairs.

    `apply` maps an input grid to an output grid, or None where the rule does not apply to that
    input. `text` gives the parameters in a readable form, for provenance.
    """

    apply: Callable[[np.ndarray], np.ndarray | None]
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A heuristic rule.

    `fit` proposes parameterisations (most plausible first). The solver keeps only those that
    reproduce every train output exactly, so `fit` may be generous; it must not be slow (a few ms).
    `prior` is how much an exact fit of this rule is trusted, in [0, 1]: rules that can only fit by
    coincidence on a broad family of tasks get less.
    """

    name: str
    fit: Callable[[Sequence[Pair]], Iterable[Fit]]
    prior: float = 0.9
