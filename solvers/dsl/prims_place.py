"""Placement primitives: copy a template, turned or flipped, to where part of it already shows.

A template is a multicoloured object; its body is its commonest colour and its anchors are its
cells of the other colours. Elsewhere in the grid a few cells show part of a copy (the anchors
alone, or the body with some anchors), in any of the 8 orientations; the rest of the copy is drawn
there. Designed from arc1-training 0e206a2e (three lone anchor cells call for the body, turned to
fit them; the templates go), 6aa20dc0 and 8a004b2b (the same, also at twice the size or more) and
36d67576 (bodies with one anchor get their other anchors). `mirror_to_marker` is the simplest
placement: a shape copied across the side of its box where a marker of another colour sits
(2bcee788); `step_to_marker` moves a block one cell toward the corner its marker holds (from
arc2-training 470c91de, a task that arc1 does not hold).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.kernels_common import label, label_boxes, na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_stamp import MAX_TEMPLATES, _boxes, _cut

# place_templates' p: conn4 * 4 + mode * 2 + erase. Mode 0 matches the anchors and draws the body,
# mode 1 matches the body and at least one anchor and draws the other anchors; erase drops the
# templates; conn4 labels objects 4-connected (a copy touching a marker at a corner stays apart).
MODES = ("anchors", "body")
MAX_SCALE = 5  # copies may be the template grown up to 5 times (its anchors then blocks)


@njit(cache=True)
def _turn(t, k):
    """t under dihedral element k: transposed when k >= 4, then turned a quarter clockwise k % 4
    times."""
    a = t.T.copy() if k >= 4 else t.copy()
    for _ in range(k % 4):
        h, w = a.shape
        b = np.zeros((w, h), dtype=np.uint8)
        for r in range(h):
            for c in range(w):
                b[c, h - 1 - r] = a[r, c]
        a = b
    return a


@njit(cache=True)
def _scale(t, s):
    """t with every cell grown to an s x s block."""
    h, w = t.shape
    out = np.empty((h * s, w * s), dtype=np.uint8)
    for r in range(h * s):
        for c in range(w * s):
            out[r, c] = t[r // s, c // s]
    return out


@njit(cache=True)
def _body(t):
    """The commonest non-zero colour of t; -1 on a tie."""
    cnt = np.zeros(10, dtype=np.int64)
    for v in t.ravel():
        if v != 0:
            cnt[v] += 1
    best, tie = 0, False
    for v in range(1, 10):
        if cnt[v] > cnt[best]:
            best, tie = v, False
        elif v != best and cnt[v] == cnt[best] and cnt[v] > 0:
            tie = True
    return -1 if tie or best == 0 else best


@njit(cache=True)
def _cells(t, body, mode):
    """(n, 3) int64 rows (r, c, colour) of t's non-zero cells, its key cells first (mode 0 the
    anchors, 1 the body), and the number of key cells."""
    th, tw = t.shape
    out = np.empty((th * tw, 3), dtype=np.int64)
    n = 0
    for key in (True, False):
        for r in range(th):
            for c in range(tw):
                v = t[r, c]
                if v != 0 and ((v != body) == (mode == 0)) == key:
                    out[n, 0], out[n, 1], out[n, 2] = r, c, v
                    n += 1
        if key:
            nkey = n
    return out[:n], nkey


@njit(cache=True)
def _place(g, in_tmpl, out, t, body, mode, best, draw):
    """Every placement of t whose key cells (mode 0 the anchors, 1 the body) lie on their own
    colours off any template, and whose other cells lie on 0 or their own colour, at least one of
    them on 0 and (mode 1) at least one on its own colour. Its score is the number of those on
    their own colour. Without `draw`, raise `best` on its key cells to its score; with it, draw it
    where its score is the best on all its key cells. Returns whether anything was drawn."""
    h, w = g.shape
    th, tw = t.shape
    cells, nkey = _cells(t, body, mode)
    drawn = False
    if nkey == 0:
        return drawn
    # a placement puts the first key cell on a cell of its colour: try only those
    for r0 in range(h):
        for c0 in range(w):
            top, left = r0 - cells[0, 0], c0 - cells[0, 1]
            if g[r0, c0] != cells[0, 2] or top < 0 or left < 0 or top + th > h or left + tw > w:
                continue
            ok, gaps, matched = True, 0, 0
            for j in range(cells.shape[0]):  # key cells first: most placements fail on the first
                r, c, v = top + cells[j, 0], left + cells[j, 1], cells[j, 2]
                x = g[r, c]
                if j < nkey:
                    ok = x == v and not in_tmpl[r, c]
                elif x == 0:
                    gaps += 1
                elif x == v:
                    matched += 1
                else:
                    ok = False
                if not ok:
                    break
            if not ok or gaps == 0 or (mode == 1 and matched == 0):
                continue
            for j in range(nkey):
                r, c = top + cells[j, 0], left + cells[j, 1]
                if draw and best[r, c] > matched:
                    ok = False
                best[r, c] = max(best[r, c], matched)
            if not draw or not ok:
                continue
            for j in range(nkey, cells.shape[0]):
                r, c = top + cells[j, 0], left + cells[j, 1]
                if g[r, c] == 0 and out[r, c] == 0:
                    out[r, c] = cells[j, 2]
                    drawn = True
    return drawn


@njit(cache=True)
def place_templates(g, p):
    """Complete every partial copy of a template, in any orientation and at any scale up to
    MAX_SCALE. The templates are the objects (8-connected, or 4-connected with p & 4; any colours)
    with the most colours, at least two, at most MAX_TEMPLATES of them. p >> 1 & 1 picks what a
    copy must show: 0 all the anchors (the body is drawn), 1 the body and at least one anchor (the
    other anchors are drawn). p & 1 erases the templates. n/a when nothing is drawn."""
    lab, n = label(g, 1 - (p >> 2 & 1), 1)
    st = _boxes(g, lab, n)
    most = 0
    for i in range(n):
        most = max(most, st[i, 4])
    if most < 2:
        return na()
    count = 0
    for i in range(n):
        count += st[i, 4] == most
    if count > MAX_TEMPLATES:
        return na()
    h, w = g.shape
    in_tmpl = np.zeros((h, w), dtype=np.bool_)
    for r in range(h):
        for c in range(w):
            in_tmpl[r, c] = lab[r, c] >= 0 and st[lab[r, c], 4] == most
    out = g.copy()
    if p & 1:
        for r in range(h):
            for c in range(w):
                if in_tmpl[r, c]:
                    out[r, c] = 0
    # every template in each of its distinct orientations (a symmetric one repeats some) and at
    # every scale that fits, with its body colour; index 0 is a dummy that types the lists
    shapes = [np.zeros((1, 1), dtype=np.uint8)]
    bodies = [0]
    for i in range(n):
        if st[i, 4] != most:
            continue
        tmpl = _cut(g, lab, st, i)
        body = _body(tmpl)
        if body < 0:
            continue
        first = len(shapes)
        for k in range(8):
            t = _turn(tmpl, k)
            dup = False
            for j in range(first, len(shapes)):
                u = shapes[j]
                if u.shape == t.shape and (u == t).all():
                    dup = True
            if dup:
                continue
            for sc in range(1, MAX_SCALE + 1):
                if t.shape[0] * sc > h or t.shape[1] * sc > w:
                    break
                shapes.append(_scale(t, sc))
                bodies.append(body)
    # two passes: the first scores every placement, the second draws those that score best on
    # their key cells (two orientations that fit the same anchors: the one that more of the grid
    # already shows)
    best = np.full((h, w), -1, dtype=np.int64)
    drawn = False
    for draw in range(2):
        for j in range(1, len(shapes)):
            drawn = _place(g, in_tmpl, out, shapes[j], bodies[j], p >> 1 & 1, best, draw == 1) or drawn
    if not drawn:
        return na()
    return out


# mirror_to_marker's p: the colour the mirror image is drawn in
MIRROR_COLOURS = ("body", "marker")


@njit(cache=True)
def mirror_to_marker(g, p):
    """Each two-coloured object (8-connected) whose rarer colour, the marker, lies wholly past one
    side of the box of its commoner colour, the body, is reflected across that side: the marker
    goes, and the body's mirror image is drawn on zero cells in the body's colour (p = 0) or the
    marker's (p = 1). n/a when no object is like that."""
    h, w = g.shape
    lab, n = label(g, True, True)
    cnt = np.zeros((n, 10), dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if lab[r, c] >= 0:
                cnt[lab[r, c], g[r, c]] += 1
    # per object: body colour, marker colour (0: not a two-coloured object with a clear body)
    body = np.zeros(n, dtype=np.int64)
    mark = np.zeros(n, dtype=np.int64)
    for i in range(n):
        cols = 0
        for v in range(1, 10):
            if cnt[i, v] > 0:
                cols += 1
                if cnt[i, v] > cnt[i, body[i]]:
                    body[i] = v
        if cols != 2:
            body[i] = 0
            continue
        for v in range(1, 10):
            if cnt[i, v] > 0 and v != body[i]:
                mark[i] = v
        if cnt[i, mark[i]] == cnt[i, body[i]]:
            body[i], mark[i] = 0, 0
    # boxes (r0, r1, c0, c1) of each object's body (row 0) and marker (row 1)
    box = np.empty((n, 2, 4), dtype=np.int64)
    box[:, :, 0], box[:, :, 1], box[:, :, 2], box[:, :, 3] = h, -1, w, -1
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i < 0 or body[i] == 0:
                continue
            k = 0 if g[r, c] == body[i] else 1
            box[i, k, 0], box[i, k, 1] = min(box[i, k, 0], r), max(box[i, k, 1], r)
            box[i, k, 2], box[i, k, 3] = min(box[i, k, 2], c), max(box[i, k, 3], c)
    # the side of the body's box past which the whole marker lies: 0 up, 1 down, 2 left, 3 right
    side = np.full(n, -1, dtype=np.int64)
    for i in range(n):
        if body[i] == 0:
            continue
        b, m = box[i, 0], box[i, 1]
        sides = 0
        for s, past in enumerate((m[1] < b[0], m[0] > b[1], m[3] < b[2], m[2] > b[3])):
            if past:
                side[i] = s
                sides += 1
        if sides != 1:  # past a corner: no single side to reflect across
            side[i] = -1
    out = g.copy()
    done = False
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0 and side[i] >= 0 and g[r, c] == mark[i]:
                out[r, c] = 0
                done = True
    if not done:
        return na()
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i < 0 or side[i] < 0 or g[r, c] != body[i]:
                continue
            b = box[i, 0]
            mr, mc = r, c
            if side[i] == 0:
                mr = 2 * b[0] - 1 - r
            elif side[i] == 1:
                mr = 2 * b[1] + 1 - r
            elif side[i] == 2:
                mc = 2 * b[2] - 1 - c
            else:
                mc = 2 * b[3] + 1 - c
            if 0 <= mr < h and 0 <= mc < w and out[mr, mc] == 0:
                out[mr, mc] = body[i] if p == 0 else mark[i]
    return out


@njit(cache=True)
def step_to_marker(g, p):
    """Each one-colour block (4-connected, at least 2 x 2) whose box holds just one cell of
    another colour, at a corner of the box (a marker), moves one cell diagonally toward that
    corner, the marker painted in the block's colour. n/a when no block is like that, or a moved
    block would leave the grid or land on a cell that stays coloured."""
    h, w = g.shape
    lab, n = label(g, False, False)
    box = label_boxes(lab, n)
    mr = np.full(n, -1, dtype=np.int64)  # the marker's cell; -1: the block does not move
    mc = np.full(n, -1, dtype=np.int64)
    for i in range(n):
        r0, r1, c0, c1 = box[i, 0], box[i, 1], box[i, 2], box[i, 3]
        if r0 == r1 or c0 == c1:
            continue
        others = 0
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if lab[r, c] != i:
                    others += 1
                    mr[i], mc[i] = r, c
        if (others != 1 or g[mr[i], mc[i]] == 0 or (mr[i] != r0 and mr[i] != r1)
                or (mc[i] != c0 and mc[i] != c1)):
            mr[i], mc[i] = -1, -1
    moving = np.full((h, w), -1, dtype=np.int64)  # the block each moving cell belongs to
    colour = np.zeros(n, dtype=np.uint8)
    for r in range(h):
        for c in range(w):
            i = lab[r, c]
            if i >= 0:
                colour[i] = g[r, c]
                if mr[i] >= 0:
                    moving[r, c] = i
    for i in range(n):
        if mr[i] >= 0:
            if moving[mr[i], mc[i]] >= 0:
                return na()  # the marker is itself a moving block
            moving[mr[i], mc[i]] = i
    out = g.copy()
    for r in range(h):
        for c in range(w):
            if moving[r, c] >= 0:
                out[r, c] = 0
    found = False
    for r in range(h):
        for c in range(w):
            i = moving[r, c]
            if i < 0:
                continue
            rr = r + (-1 if mr[i] == box[i, 0] else 1)
            cc = c + (-1 if mc[i] == box[i, 2] else 1)
            if not (0 <= rr < h and 0 <= cc < w) or (out[rr, cc] != 0 and moving[rr, cc] != i):
                return na()
            out[rr, cc] = colour[i]
            found = True
    if not found:
        return na()
    return out


def entries() -> list[Primitive]:
    mirrors = [Primitive(f"mirror_to_marker({s})", mirror_to_marker, p, 3) for p, s in enumerate(MIRROR_COLOURS)]
    mirrors.append(Primitive("step_to_marker", step_to_marker, 0, 2))
    return mirrors + [Primitive(f"place_templates({m}{',erase' if e else ''}{',conn4' if c else ''})", place_templates,
                      4 * c + 2 * i + e, 3)
            for c in (0, 1) for i, m in enumerate(MODES) for e in (0, 1)]
