"""What a learned last step gives the search: its text, its cost and its answers for the test grids."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Learned:
    name: str  # the step as program text, e.g. "cell_rule(rays4)"
    cost: int
    tests: tuple[np.ndarray, ...]
