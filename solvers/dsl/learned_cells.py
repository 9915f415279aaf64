"""A learned rule over the cells of a grid split by separator lines: each cell is kept, cleared,
filled with its colour, or given the pattern of a template cell (the one with the most coloured
cells, or the top-left one), chosen by the cell's rank among the cells (empty, the fullest, the
emptiest non-empty, other).

The separator lines are the full rows and columns of one non-zero colour; the cells are the blocks
between them. Which action each rank takes is read off the train pairs: the first action, in
`ACTIONS` order, that every train cell of that rank agrees with. The rule must change something, and
a test grid is answered only when every rank it has was seen in training and the template actions
have a template of the right shape. This covers the table's whole-grid split steps' same-shape
siblings: copy the one filled cell into every cell, fill the fullest cells and clear the rest, draw
the template's shape into the other cells in the separators' colour.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from solvers.dsl.learned_step import Learned
from solvers.grid import true_runs

COST = 4
# in order of preference: the plainer action first when several fit a rank
ACTIONS = ("keep", "clear", "fill", "template", "template_sep")
RANKS = ("empty", "fullest", "emptiest", "other")
TEMPLATES = ("fullest", "first")  # which cell is the template
Box = tuple[int, int, int, int]  # r0, r1, c0, c1, end-exclusive


def split_cells(g: np.ndarray) -> tuple[int, list[Box]] | None:
    """The separator colour and the cells (reading order) of a grid split by full rows and columns
    of one non-zero colour; None without such lines or with fewer than two cells."""
    rows = [(r, int(g[r, 0])) for r in range(g.shape[0]) if g[r, 0] != 0 and (g[r] == g[r, 0]).all()]
    cols = [(c, int(g[0, c])) for c in range(g.shape[1]) if g[0, c] != 0 and (g[:, c] == g[0, c]).all()]
    colours = {v for _, v in rows} | {v for _, v in cols}
    if len(colours) != 1:
        return None
    is_row = np.zeros(g.shape[0], dtype=bool)
    is_col = np.zeros(g.shape[1], dtype=bool)
    is_row[[r for r, _ in rows]] = True
    is_col[[c for c, _ in cols]] = True
    cells = [(r0, r1, c0, c1) for r0, r1 in true_runs(~is_row) for c0, c1 in true_runs(~is_col)]
    return (colours.pop(), cells) if len(cells) >= 2 else None


def ranks(counts: Sequence[int]) -> list[int]:
    """Each cell's index into RANKS by its count of coloured cells."""
    full = [c for c in counts if c > 0]
    hi, lo = (max(full), min(full)) if full else (0, 0)
    return [0 if c == 0 else 1 if c == hi else 2 if c == lo else 3 for c in counts]


def act(action: int, cell: np.ndarray, template: np.ndarray | None, sep: int) -> np.ndarray | None:
    """The cell after ACTIONS[action]; None where the action is undefined for it."""
    name = ACTIONS[action]
    if name == "keep":
        return cell
    if name == "clear":
        return np.zeros_like(cell)
    if name == "fill":
        colours = np.unique(cell[cell != 0])
        return np.full_like(cell, colours[0]) if colours.size == 1 else None
    if template is None or template.shape != cell.shape:
        return None
    if name == "template":
        return np.where(template != 0, template, cell).astype(np.uint8)
    return np.where((cell == 0) & (template != 0), sep, cell).astype(np.uint8)  # template_sep


def _template(g: np.ndarray, cells: Sequence[Box], counts: Sequence[int], which: str) -> np.ndarray | None:
    """The template cell: the first (top left) cell, or the one with the most coloured cells if one
    has more than all the others."""
    best = max(counts)
    if which == "fullest" and (best == 0 or counts.count(best) != 1):
        return None
    r0, r1, c0, c1 = cells[0 if which == "first" else counts.index(best)]
    return g[r0:r1, c0:c1]


def _describe(g: np.ndarray, which: str) -> tuple[int, list[Box], list[int], np.ndarray | None] | None:
    split = split_cells(g)
    if split is None:
        return None
    sep, cells = split
    counts = [int((g[r0:r1, c0:c1] != 0).sum()) for r0, r1, c0, c1 in cells]
    return sep, cells, ranks(counts), _template(g, cells, counts, which)


def learn_cells(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The cell rule that reproduces every train output, as a one-element list, or []."""
    if any(g.shape != o.shape for g, o in zip(grids, outputs)) or split_cells(grids[0]) is None:
        return []
    for which in TEMPLATES:
        found = _learn(grids, outputs, n_train, which)
        if found:
            return found
    return []


def _learn(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int, which: str) -> list[Learned]:
    described = [_describe(g, which) for g in grids]
    if any(d is None for d in described):
        return []
    allowed = [(1 << len(ACTIONS)) - 1] * len(RANKS)
    seen = [False] * len(RANKS)
    for g, o, d in zip(grids, outputs, described[:n_train]):
        sep, cells, rank, template = d  # type: ignore[misc]
        inside = np.zeros(g.shape, dtype=bool)
        for (r0, r1, c0, c1), k in zip(cells, rank):
            inside[r0:r1, c0:c1] = True
            seen[k] = True
            mask = 0
            for a in range(len(ACTIONS)):
                made = act(a, g[r0:r1, c0:c1], template, sep)
                if made is not None and np.array_equal(made, o[r0:r1, c0:c1]):
                    mask |= 1 << a
            allowed[k] &= mask
        if not np.array_equal(g[~inside], o[~inside]) or any(s and not a for s, a in zip(seen, allowed)):
            return []  # the separators must stay, and each rank seen so far needs an action
    choice = [next((a for a in range(len(ACTIONS)) if allowed[k] >> a & 1), 0) for k in range(len(RANKS))]
    if all(choice[k] == 0 for k in range(len(RANKS)) if seen[k]):
        return []  # every rank keeps its cells: nothing to learn
    tests = []
    for g, d in zip(grids[n_train:], described[n_train:]):
        sep, cells, rank, template = d  # type: ignore[misc]
        out = g.copy()
        for (r0, r1, c0, c1), k in zip(cells, rank):
            made = act(choice[k], g[r0:r1, c0:c1], template, sep) if seen[k] else None
            if made is None:
                return []
            out[r0:r1, c0:c1] = made
        tests.append(out)
    rule = ",".join(f"{RANKS[k]}:{ACTIONS[choice[k]]}" for k in range(len(RANKS)) if seen[k] and choice[k])
    uses_template = any(ACTIONS[choice[k]].startswith("template") for k in range(len(RANKS)) if seen[k])
    if not uses_template and which != TEMPLATES[0]:
        return []  # the same rule as with the first template choice
    return [Learned(f"cells({rule}{';' + which if uses_template else ''})", COST, tuple(tests))]
