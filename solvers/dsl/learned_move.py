"""A learned move: every object keeps its shape and colours and moves, by a rule read off the train
pairs, chosen per colour from a few named moves: stay, by its own height or width in one direction,
one step toward an anchor, up to contact with it, or into line with one of its edges or its centre;
or up to the wall of its own colour (`to_own`: the largest object of the colour stays, the others
move up to contact with it, and a stray pixel without a wall of its colour vanishes).

An anchor is the one object of a colour that every grid has exactly once (the blue bar that the
others line up with); each colour may move relative to an anchor of its own. For each colour, the
moves that put every object of that colour onto its place in every train output are kept, in
`MOVES` order, anchors by colour. The colours that move take the first move they all share, if
there is one, else each its own first; a colour that may stay stays. The moved objects are drawn on
an empty grid (later labels over earlier ones) and must then reproduce every train output exactly.
A test grid is answered only when each move lands inside the grid, and every colour in it was seen
in training or the moving colours shared one move (a new colour then takes it).

It is only tried where no colour has more cells in a train output than in its input, as moves
without overlap or clipping (and vanishing strays) do. Background is colour 0 (the search runs on
frequency-normalised colours).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from solvers.dsl.kernels_common import label, label_boxes
from solvers.dsl.learned import OBJECT_LABELLINGS
from solvers.dsl.learned_step import Learned

# in order of preference; the anchored ones move relative to an anchor, the others by themselves
ANCHORED = ("contact", "step_toward", "align_top", "align_bottom", "align_mid_row", "align_left", "align_right",
            "align_mid_col")
BY_SIZE = ("up_by_height", "down_by_height", "left_by_width", "right_by_width")
# the largest object of a colour (a wall: more than one cell) stays, the others of its colour move
# up to contact with it, and a one-cell object without a wall of its colour vanishes (pixels drawn
# to the wall of their colour, strays dropped; a wall without pixels of its colour stays)
TO_OWN = "to_own"
MOVES = ("stay", *ANCHORED, *BY_SIZE, TO_OWN)
# learned.py's labellings, multicolour first: a move carries a multicolour shape whole
LABELLINGS = tuple(reversed(OBJECT_LABELLINGS))
MAX_OBJECTS = 30  # more is noise, not things that move
COST = 3
# a colour's move: the move's name and the colour of its anchor (None for the moves that need none)
Move = tuple[str, int | None]
SHARED = -1  # the key of the move that every colour shares, which a colour new in a test grid takes
VANISH = (-99, -99)  # the "displacement" of an object that is not drawn


@dataclass(frozen=True, slots=True)
class Obj:
    r0: int
    r1: int
    c0: int
    c1: int
    colour: int  # the highest colour of a multicolour object
    mask: np.ndarray  # (h, w) bool over its box
    cells: np.ndarray  # (h, w) uint8, 0 off the object


def objects(g: np.ndarray, diag: int, multi: int) -> list[Obj]:
    """g's objects under one labelling of kernels_common.label, in label order."""
    lab, n = label(g, diag, multi)
    out = []
    for i, (r0, r1, c0, c1) in enumerate(label_boxes(lab, n)):
        mask = lab[r0:r1 + 1, c0:c1 + 1] == i
        cells = np.where(mask, g[r0:r1 + 1, c0:c1 + 1], 0).astype(np.uint8)
        out.append(Obj(int(r0), int(r1), int(c0), int(c1), int(cells.max()), mask, cells))
    return out


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def move_vector(ob: Obj, name: str, anchor: Obj | None) -> tuple[int, int] | None:
    """The displacement (rows, columns) of move `name` for object `ob`; None where the move is
    undefined (no anchor, a half-cell centre alignment, a contact with nothing in line)."""
    h, w = ob.r1 - ob.r0 + 1, ob.c1 - ob.c0 + 1
    own = {"stay": (0, 0), "up_by_height": (-h, 0), "down_by_height": (h, 0), "left_by_width": (0, -w),
           "right_by_width": (0, w)}
    if name in own:
        return own[name]
    a = anchor
    if a is None or a is ob:
        return None
    rows, cols = a.r0 + a.r1 - ob.r0 - ob.r1, a.c0 + a.c1 - ob.c0 - ob.c1  # twice the centre offsets
    if name == "step_toward":
        return _sign(rows), _sign(cols)
    if name == "contact":
        beside_rows = not (ob.c1 < a.c0 or a.c1 < ob.c0)  # the boxes share columns: move vertically
        beside_cols = not (ob.r1 < a.r0 or a.r1 < ob.r0)
        if beside_rows and ob.r1 < a.r0:
            return a.r0 - ob.r1 - 1, 0
        if beside_rows and a.r1 < ob.r0:
            return a.r1 - ob.r0 + 1, 0
        if beside_cols and ob.c1 < a.c0:
            return 0, a.c0 - ob.c1 - 1
        if beside_cols and a.c1 < ob.c0:
            return 0, a.c1 - ob.c0 + 1
        return None
    aligned = {"align_top": (a.r0 - ob.r0, 0), "align_bottom": (a.r1 - ob.r1, 0),
               "align_left": (0, a.c0 - ob.c0), "align_right": (0, a.c1 - ob.c1),
               "align_mid_row": (rows // 2, 0) if rows % 2 == 0 else None,
               "align_mid_col": (0, cols // 2) if cols % 2 == 0 else None}
    return aligned[name]


def lands(ob: Obj, d: tuple[int, int], shape: tuple[int, ...]) -> bool:
    """Whether `ob` moved by d still lies wholly inside a grid of this shape."""
    r, c = ob.r0 + d[0], ob.c0 + d[1]
    return r >= 0 and c >= 0 and r + ob.mask.shape[0] <= shape[0] and c + ob.mask.shape[1] <= shape[1]


def fits(ob: Obj, d: tuple[int, int], o: np.ndarray) -> bool:
    """Whether `ob` moved by d lies inside `o` on cells of its own colours."""
    if not lands(ob, d, o.shape):
        return False
    r, c = ob.r0 + d[0], ob.c0 + d[1]
    window = o[r:r + ob.mask.shape[0], c:c + ob.mask.shape[1]]
    return bool((window[ob.mask] == ob.cells[ob.mask]).all())


def render(shape: tuple[int, ...], objs: Sequence[Obj], moves: Sequence[tuple[int, int]]) -> np.ndarray:
    """An empty grid with each object drawn moved by its move (later objects over earlier ones)."""
    out = np.zeros(shape, dtype=np.uint8)
    for ob, (dr, dc) in zip(objs, moves):
        r, c = ob.r0 + dr, ob.c0 + dc
        window = out[r:r + ob.mask.shape[0], c:c + ob.mask.shape[1]]
        window[ob.mask] = ob.cells[ob.mask]
    return out


@dataclass(frozen=True, slots=True)
class Anchors:
    once: dict[int, Obj]  # colour -> the object of that colour, for the colours with exactly one
    largest: dict[int, Obj | None]  # colour -> its one largest object (None on a tie for largest)


def _anchors(objs: Sequence[Obj]) -> Anchors:
    by_colour: dict[int, list[Obj]] = {}
    for ob in objs:
        by_colour.setdefault(ob.colour, []).append(ob)
    largest: dict[int, Obj | None] = {}
    for colour, xs in by_colour.items():
        sizes = [int(x.mask.sum()) for x in xs]
        top = max(sizes)
        largest[colour] = xs[sizes.index(top)] if sizes.count(top) == 1 else None
    return Anchors({c: xs[0] for c, xs in by_colour.items() if len(xs) == 1}, largest)


def _to_own(ob: Obj, anchors: Anchors) -> tuple[int, int] | None:
    owner = anchors.largest[ob.colour]
    if owner is not None and owner.mask.sum() > 1:
        return (0, 0) if owner is ob else move_vector(ob, "contact", owner)
    if ob.mask.size == 1:
        return VANISH  # a stray pixel: no wall of its colour to go to
    return (0, 0) if ob.colour in anchors.once else None


def _vector(ob: Obj, move: Move, anchors: Anchors) -> tuple[int, int] | None:
    name, colour = move
    if name == TO_OWN:
        return _to_own(ob, anchors)
    if colour is None:
        return move_vector(ob, name, None)
    return move_vector(ob, name, anchors.once[colour]) if colour in anchors.once else None


def _moved(g: np.ndarray, objs: Sequence[Obj], choice: dict[int, Move]) -> np.ndarray | None:
    """g with each object moved by its colour's move (a colour not in `choice` takes
    `choice[SHARED]` if there is one); None when an object has no move or one leaves the grid."""
    anchors = _anchors(objs)
    drawn, moves = [], []
    for ob in objs:
        move = choice.get(ob.colour, choice.get(SHARED))
        d = _vector(ob, move, anchors) if move is not None else None
        if d == VANISH:
            continue
        if d is None or not lands(ob, d, g.shape):
            return None
        drawn.append(ob)
        moves.append(d)
    return render(g.shape, drawn, moves)


def _choose(objs: Sequence[Sequence[Obj]], outputs: Sequence[np.ndarray], colours: Sequence[int]
            ) -> list[dict[int, Move]] | None:
    """colour -> the first move (anchored on one of `colours`, or on none) that puts every object
    of that colour onto its train output; with SHARED -> a move that every colour that moves shares.
    None if a colour has no such move, or if nothing moves. The choice with a shared move comes
    first, then each colour's own first move."""
    everything = [("stay", None), *((m, c) for c in colours for m in ANCHORED), *((m, None) for m in BY_SIZE),
                  (TO_OWN, None)]
    good: dict[int, list[Move]] = {}
    for xs, o in zip(objs, outputs):
        anchors = _anchors(xs)
        for ob in xs:
            ok = [m for m in good.get(ob.colour, everything)
                  if (d := _vector(ob, m, anchors)) is not None and (d == VANISH or fits(ob, d, o))]
            if not ok:
                return None
            good[ob.colour] = ok
    stay = ("stay", None)
    moving = [ms for ms in good.values() if stay not in ms]
    if not moving:
        return None
    shared = [m for m in moving[0] if all(m in ms for ms in moving[1:])]
    own = {c: stay if stay in ms else ms[0] for c, ms in good.items()}
    if not shared:
        return [own]
    choice = {c: stay if stay in ms else shared[0] for c, ms in good.items()}
    # a vanishing pixel fits any move's check, so a shared move may not be the rule: each colour's
    # own first move is the second choice
    return [choice | {SHARED: shared[0]}] + ([own] if own != choice else [])


def _describe(move: Move) -> str:
    return move[0] if move[1] is None else f"{move[0]} {move[1]}"


def learn_move(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The first labelling under which per-colour moves make every train output."""
    for g, o in zip(grids, outputs):
        # no colour gains cells (an object that vanishes loses some)
        if g.shape != o.shape or (np.bincount(g.ravel(), minlength=10)[1:]
                                  < np.bincount(o.ravel(), minlength=10)[1:]).any():
            return []
    if all(np.array_equal(g, o) for g, o in zip(grids, outputs)):
        return []
    for diag, multi, conn in LABELLINGS:
        objs = [objects(g, diag, multi) for g in grids]
        if any(not 0 < len(xs) <= MAX_OBJECTS for xs in objs):
            continue
        # anchor colours: those that make exactly one object in every grid, tests included
        once = sorted(set.intersection(*(set(_anchors(xs).once) for xs in objs)))
        for choice in _choose(objs[:n_train], outputs, once) or []:
            made = [_moved(g, xs, choice) for g, xs in zip(grids, objs)]
            if any(m is None for m in made) or not all(np.array_equal(m, o) for m, o in zip(made, outputs)):
                continue
            shared = choice.get(SHARED)
            parts = [f"{c}:{_describe(m)}" for c, m in sorted(choice.items()) if c != SHARED and m != shared]
            if shared is not None:
                parts.append(f"others:{_describe(shared)}")
            return [Learned(f"move({conn};{','.join(parts)})", COST, tuple(made[n_train:]))]
    return []
