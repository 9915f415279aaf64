"""Extend rays: chosen pixels shoot lines in a set of directions to the border or the first obstacle."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from solvers.heuristics.common import N8
from solvers.heuristics.paint import background_of, painting, reproduces
from solvers.heuristics.rule import Fit, Pair, Rule

UP, DOWN, LEFT, RIGHT = (-1, 0), (1, 0), (0, -1), (0, 1)
DIAG = ((-1, -1), (-1, 1), (1, -1), (1, 1))
DIRECTIONS: dict[str, tuple[tuple[int, int], ...]] = {
    "up": (UP,), "down": (DOWN,), "left": (LEFT,), "right": (RIGHT,),
    "vertical": (UP, DOWN), "horizontal": (LEFT, RIGHT), "orthogonal": (UP, DOWN, LEFT, RIGHT),
    "diagonal": DIAG, "all8": (UP, DOWN, LEFT, RIGHT) + DIAG,
    **{f"diag{d}": (d,) for d in DIAG},
}
NEAREST, TOWARD = "nearest wall", "toward obstacles"
# what a ray does on meeting a non-background cell
STOP, SKIP, OVER = "stops", "passes under", "overwrites"
# more emitters than this is a texture, not rays (and would cost too much to trace)
MAX_SOURCES = 40


def _nearest(g: np.ndarray, r: int, c: int) -> tuple[tuple[int, int], ...]:
    h, w = g.shape
    gaps = {UP: r, DOWN: h - 1 - r, LEFT: c, RIGHT: w - 1 - c}
    best = min(gaps.values())
    return tuple(d for d, v in gaps.items() if v == best)


def _lonely(fg: np.ndarray) -> np.ndarray:
    """Foreground cells with no foreground among their 8 neighbours."""
    h, w = fg.shape
    p = np.pad(fg, 1)
    near = sum(p[1 + dr:1 + dr + h, 1 + dc:1 + dc + w] for dr, dc in N8)
    return fg & (near == 0)


def _toward(g: np.ndarray, emit: np.ndarray, r: int, c: int, bg: int) -> tuple[tuple[int, int], ...]:
    """The orthogonal directions whose ray first meets a non-emitting cell (a target)."""
    out = []
    for d, line, src in ((UP, g[:r, c][::-1], emit[:r, c][::-1]), (DOWN, g[r + 1:, c], emit[r + 1:, c]),
                         (LEFT, g[r, :c][::-1], emit[r, :c][::-1]), (RIGHT, g[r, c + 1:], emit[r, c + 1:])):
        hit = np.flatnonzero(line != bg)
        if hit.size and not src[hit[0]]:
            out.append(d)
    return tuple(out)


def _make(dirs: str, emitters: frozenset[int], colour: int | None, block: str, single: bool, fixed: int | None):
    def apply(g: np.ndarray) -> np.ndarray | None:
        h, w = g.shape
        bg = background_of(g, fixed)
        out = g.copy()
        emit = np.isin(g, list(emitters - {bg}))
        if single:
            emit &= _lonely(g != bg)
        sources = [tuple(p) for p in np.argwhere(emit)]
        if not sources or len(sources) > MAX_SOURCES:
            return None
        for r, c in sources:
            paint = int(g[r, c]) if colour is None else colour
            steps = (_nearest(g, r, c) if dirs == NEAREST else _toward(g, emit, r, c, bg) if dirs == TOWARD
                     else DIRECTIONS[dirs])
            for dr, dc in steps:
                rr, cc = r + dr, c + dc
                while 0 <= rr < h and 0 <= cc < w:
                    if g[rr, cc] != bg and block == STOP:
                        break
                    if g[rr, cc] == bg or block == OVER:
                        out[rr, cc] = paint
                    rr, cc = rr + dr, cc + dc
        # rays that cover the whole background are a recolouring, not rays
        return out if (out == bg).any() else None

    return apply


def fit(pairs: Sequence[Pair]) -> Iterator[Fit]:
    p = painting(pairs)
    if p is None:
        return
    fixed, options, over = p.fixed, p.options, p.over  # rays cover colour only if train did
    found = 0
    for emitters, colour in options:
        for single in (False, True):
            for block in (OVER,) if over else (STOP, SKIP):
                for dirs in [*DIRECTIONS, NEAREST, TOWARD]:
                    apply = _make(dirs, emitters, colour, block, single, fixed)
                    if reproduces(apply, pairs):
                        found += 1
                        who = "any" if len(emitters) == 10 else sorted(emitters)
                        yield Fit(apply, f"{'single ' if single else ''}{who} shoot {dirs} in "
                                         f"{'own colour' if colour is None else colour}, ray {block} obstacles")
        if found:  # any colour first: learning just the train colours would only narrow it
            return


RULE = Rule("extend_rays", fit, prior=0.75)
