"""Small grid helpers shared by the heuristic rules (plain numpy; grids are at most 30x30)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# neighbour offsets for 4- and 8-connectivity
N4 = ((-1, 0), (1, 0), (0, -1), (0, 1))
N8 = N4 + ((-1, -1), (-1, 1), (1, -1), (1, 1))


def background(grid: np.ndarray) -> int:
    """The most common colour; ties go to the lowest colour (usually 0, black)."""
    return int(np.bincount(grid.ravel(), minlength=10).argmax())


def bbox(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) of the True cells, bottom/right exclusive; None if empty."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def crop(grid: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    t, left, b, r = box
    return grid[t:b, left:r]


@dataclass(frozen=True, slots=True)
class Obj:
    """A connected component: its cells as a mask over the whole grid, and its bounding box."""

    mask: np.ndarray  # (h, w) bool
    box: tuple[int, int, int, int]
    colours: tuple[int, ...]  # distinct colours, ascending
    size: int

    def patch(self, grid: np.ndarray, fill: int) -> np.ndarray:
        """The object cut out to its box, cells outside the object set to `fill`."""
        sub = crop(grid, self.box).copy()
        sub[~crop(self.mask, self.box)] = fill
        return sub


def components(grid: np.ndarray, diagonal: bool = False, by_colour: bool = True,
               bg: int | None = None) -> list[Obj]:
    """Connected components of non-`bg` cells, in row-major order of their first cell.

    by_colour: neighbours must share a colour (single-colour objects); otherwise any two non-bg
    neighbours join (multicolour objects). bg=None treats every colour as foreground.
    """
    h, w = grid.shape
    seen = np.zeros((h, w), dtype=bool)
    if bg is not None:
        seen |= grid == bg
    steps = N8 if diagonal else N4
    out: list[Obj] = []
    for r0 in range(h):
        for c0 in range(w):
            if seen[r0, c0]:
                continue
            seen[r0, c0] = True
            stack = [(r0, c0)]
            mask = np.zeros((h, w), dtype=bool)
            mask[r0, c0] = True
            colour = grid[r0, c0]
            while stack:
                r, c = stack.pop()
                for dr, dc in steps:
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < h and 0 <= cc < w and not seen[rr, cc]:
                        if by_colour and grid[rr, cc] != colour:
                            continue
                        seen[rr, cc] = True
                        mask[rr, cc] = True
                        stack.append((rr, cc))
            box = bbox(mask)
            assert box is not None
            cols = tuple(int(x) for x in np.unique(grid[mask]))
            out.append(Obj(mask, box, cols, int(mask.sum())))
    return out


def same(a: np.ndarray | None, b: np.ndarray) -> bool:
    """Exact equality of two grids, shape included; None never matches."""
    return a is not None and a.shape == b.shape and bool(np.array_equal(a, b))
