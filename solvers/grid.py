"""The grid type: a validated, read-only 2-D uint8 array of ARC colours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_SIDE = 30
N_COLOURS = 10


class GridError(ValueError):
    """A value that is not a valid ARC grid; the message says why."""


def check_rows(value: Any) -> np.ndarray:
    """Turn JSON-like rows into a uint8 array, or raise GridError naming the first problem."""
    if isinstance(value, np.ndarray):
        rows = value.tolist() if value.ndim == 2 else None
    else:
        rows = value
    if not isinstance(rows, (list, tuple)) or not rows:
        raise GridError("grid is not a non-empty list of rows")
    if len(rows) > MAX_SIDE:  # before looking at any cell: a huge value must be cheap to reject
        w0 = len(rows[0]) if isinstance(rows[0], (list, tuple)) else "?"
        raise GridError(f"size {len(rows)}x{w0} is outside 1..{MAX_SIDE}")
    width = None
    for r, row in enumerate(rows):
        if not isinstance(row, (list, tuple)) or not row:
            raise GridError(f"row {r} is not a non-empty list")
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise GridError(f"ragged rows: row 0 has {width} cells, row {r} has {len(row)}")
        for c, v in enumerate(row):
            # bool is an int subclass; a JSON true/false in a grid is still a bad value
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 0 <= v < N_COLOURS:
                raise GridError(f"value {v!r} at ({r}, {c}) is outside 0..9")
    h, w = len(rows), width
    if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
        raise GridError(f"size {h}x{w} is outside 1..{MAX_SIDE}")
    return np.array(rows, dtype=np.uint8)


@dataclass(frozen=True, eq=False, slots=True)
class Grid:
    """An ARC grid. Equal grids compare and hash equal, so they group in dicts and sets."""

    cells: np.ndarray  # (h, w) uint8, read-only

    def __post_init__(self) -> None:
        a = self.cells
        if not isinstance(a, np.ndarray) or a.ndim != 2:
            raise GridError("grid is not a 2-D array")
        h, w = a.shape
        if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
            raise GridError(f"size {h}x{w} is outside 1..{MAX_SIDE}")
        if a.dtype != np.uint8:
            if a.size and (a.min() < 0 or a.max() >= N_COLOURS):
                raise GridError("values outside 0..9")
            a = a.astype(np.uint8)
        elif a.max() >= N_COLOURS:
            raise GridError("values outside 0..9")
        if a.flags.writeable or a.base is not None:
            # own a private read-only copy so no caller can mutate a grid after hashing it
            a = a.copy()
            a.flags.writeable = False
        object.__setattr__(self, "cells", a)

    @classmethod
    def from_rows(cls, rows: Any) -> Grid:
        """Validate JSON-like rows (the boundary) and wrap them."""
        return cls(check_rows(rows))

    @property
    def shape(self) -> tuple[int, int]:
        return self.cells.shape  # type: ignore[return-value]

    @property
    def key(self) -> bytes:
        """A compact identity: two bytes of shape, then the cells row-major."""
        h, w = self.cells.shape
        return bytes((h, w)) + self.cells.tobytes()

    def tolist(self) -> list[list[int]]:
        return self.cells.tolist()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Grid) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        h, w = self.shape
        return f"Grid({h}x{w}, {self.cells.tolist()!r})" if h * w <= 16 else f"Grid({h}x{w})"


def true_runs(mask: Any) -> list[tuple[int, int]]:
    """The maximal [start, stop) runs of True in a 1-D bool sequence: with `~is_line`, the blocks
    between a grid's separator lines."""
    runs, start = [], None
    for i, on in enumerate([bool(x) for x in mask] + [False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    return runs
