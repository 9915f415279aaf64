"""A row of the primitive table, and the one kernel signature every primitive shares.

Kernel contract (every family module follows it, so the search can treat the table as data):
- a numba `@njit(cache=True)` function `kernel(g, p) -> out`;
- `g` is a C-contiguous (h, w) uint8 array with 1 <= h, w <= 30 and values 0..9; never written to;
- `p` is an int64 parameter (a colour, a factor, a direction, bit flags...; 0 when unused);
- `out` is a NEW C-contiguous uint8 array (never a view of `g`) with 1..30 per side and values
  0..9, or an array of shape (0, 0) meaning "not applicable to this grid";
- no isinstance branches, no Python objects, no allocation beyond the output and small scratch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Kernel = Callable[[np.ndarray, int], np.ndarray]

MAX_SIDE = 30


@dataclass(frozen=True, slots=True)
class Primitive:
    """One table entry: a kernel with one parameter value bound, and what using it costs.

    `cost` is the description length the search adds for using this entry (1 for the commonest
    moves, up to ~4 for rare or highly parameterised ones); it orders the enumeration and ranks
    programs that fit equally well.
    """

    name: str  # readable, with the parameter: "rot90", "replace_colour(1,2)"
    kernel: Kernel
    param: int = 0
    cost: int = 1

    def __call__(self, g: np.ndarray) -> np.ndarray | None:
        """Apply to one grid; None where the kernel says 'not applicable'."""
        out = self.kernel(g, self.param)
        return out if out.shape[0] > 0 and out.shape[1] > 0 else None


def empty() -> np.ndarray:
    """The 'not applicable' result, for use outside kernels (inside, write np.zeros((0, 0), np.uint8))."""
    return np.zeros((0, 0), dtype=np.uint8)
