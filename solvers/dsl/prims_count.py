"""Count primitives: small outputs whose colour or size is a statistic of the input."""

from __future__ import annotations

import numpy as np
from numba import njit

from solvers.dsl.cell_objects import object_colours
from solvers.dsl.kernels_common import colour_counts, label, label_boxes, na, object_sizes
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_colour import label_objects, most_common_nonzero


@njit(cache=True)
def measure(g, m):
    """m = 0 objects (4-connected, one colour), 1 objects (8-connected, non-zero of any colour),
    2 distinct non-zero colours, 3 non-zero cells."""
    if m == 0 or m == 1:
        _, _, n = label_objects(g, m == 1, m == 1)
        return n
    cnt = colour_counts(g)
    n = 0
    for k in range(1, 10):
        if m == 2:
            n += 1 if cnt[k] > 0 else 0
        else:
            n += cnt[k]
    return n


@njit(cache=True)
def colour_1x1(g, p):
    """1 x 1 of the most (p = 0) or least (p = 1) common non-zero colour (ties to the lower);
    n/a without one."""
    k = most_common_nonzero(g, p == 1)
    if k < 0:
        return na()
    return np.full((1, 1), k, dtype=np.uint8)


@njit(cache=True)
def object_colour_1x1(g, p):
    """1 x 1 of the colour of the largest (p = 0) or smallest (p = 1) 4-connected one-colour
    object; n/a without objects or when two objects of different colours tie."""
    labels, sizes, n = label_objects(g, False, False)
    if n == 0:
        return na()
    h, w = g.shape
    colour = np.zeros(n, dtype=np.int64)
    for r in range(h):
        for c in range(w):
            if labels[r, c] >= 0:
                colour[labels[r, c]] = g[r, c]
    best = 0
    for i in range(1, n):
        if (sizes[i] > sizes[best]) if p == 0 else (sizes[i] < sizes[best]):
            best = i
    for i in range(n):
        if sizes[i] == sizes[best] and colour[i] != colour[best]:
            return na()
    return np.full((1, 1), colour[best], dtype=np.uint8)


@njit(cache=True)
def count_bar(g, p):
    """A bar of n cells in the most common non-zero colour, n = measure(p // 2) (see measure);
    horizontal 1 x n for even p, vertical n x 1 for odd p; n/a unless 1 <= n <= 30."""
    n = measure(g, p // 2)
    k = most_common_nonzero(g, False)
    if n < 1 or n > 30 or k < 0:
        return na()
    if p % 2 == 0:
        return np.full((1, n), k, dtype=np.uint8)
    return np.full((n, 1), k, dtype=np.uint8)


@njit(cache=True)
def count_diagonal(g, p):
    """An n x n grid of 0 with its main diagonal in the most common non-zero colour,
    n = measure(p) (see measure); n/a unless 1 <= n <= 30."""
    n = measure(g, p)
    k = most_common_nonzero(g, False)
    if n < 1 or n > 30 or k < 0:
        return na()
    out = np.zeros((n, n), dtype=np.uint8)
    for i in range(n):
        out[i, i] = k
    return out


@njit(cache=True)
def colour_list(g, p):
    """The colours present, one cell each, in order: p // 4 = 0 most cells first, 1 fewest first
    (a column for even p % 4, a row for odd), 2 by position, along the axis where the colours' centres
    spread most (a row when that is left to right, a column when top to bottom). p & 2 with order 2:
    colour 0 is listed too (the colours tile the grid). n/a with a tie or with fewer than 2 colours."""
    order = p // 4
    h, w = g.shape
    cnt = colour_counts(g)
    rs = np.zeros(10, dtype=np.float64)
    cs = np.zeros(10, dtype=np.float64)
    for r in range(h):
        for c in range(w):
            rs[g[r, c]] += r
            cs[g[r, c]] += c
    first = 0 if (order == 2 and p & 2) else 1
    colours = np.array([k for k in range(first, 10) if cnt[k] > 0], dtype=np.int64)
    n = colours.size
    if n < 2:
        return na()
    rows_out = p % 2 == 0  # a column of cells
    key = np.empty(n, dtype=np.float64)
    if order == 2:
        rc = rs[colours] / cnt[colours]
        cc = cs[colours] / cnt[colours]
        rows_out = rc.max() - rc.min() >= cc.max() - cc.min()
        key = rc if rows_out else cc
    else:
        for i in range(n):
            key[i] = -cnt[colours[i]] if order == 0 else cnt[colours[i]]
    idx = np.argsort(key, kind="mergesort")
    for i in range(n - 1):
        if key[idx[i]] == key[idx[i + 1]]:
            return na()
    out = np.zeros((n, 1) if rows_out else (1, n), dtype=np.uint8)
    for i in range(n):
        out.ravel()[i] = colours[idx[i]]
    return out


@njit(cache=True)
def colour_histogram(g, p):
    """One column per colour present, most cells first, each filled from the top with as many cells
    of its colour as g has (the commonest sets the height, the rest is 0): p = 0 counts colour 0 as
    a colour too (normalisation renumbers a grid's commonest colour to 0), p = 1 only the non-zero
    colours. n/a with a tie between two counts, fewer than 2 colours, or a count over 30."""
    cnt = colour_counts(g)
    n = 0
    for k in range(p, 10):
        if cnt[k] > 0:
            n += 1
    if n < 2:
        return na()
    order = np.argsort(-cnt[p:], kind="mergesort")[:n] + p
    for i in range(n - 1):
        if cnt[order[i]] == cnt[order[i + 1]]:
            return na()
    height = cnt[order[0]]
    if height > 30:
        return na()
    out = np.zeros((height, n), dtype=np.uint8)
    for j in range(n):
        out[:cnt[order[j]], j] = order[j]
    return out


MEASURES = ("objects", "objects8", "colours", "cells")


@njit(cache=True)
def largest_columns(g, p):
    """One column per largest object (8-connected, one colour; every object of the largest size),
    in the order of their leftmost cells, each as tall as that size and filled with its colour
    (a3325580: the biggest shapes' colours, counted out in their size). n/a past 30 cells."""
    lab, n = label(g, 1, 0)
    if n == 0:
        return na()
    sizes = object_sizes(lab, n)
    box = label_boxes(lab, n)
    m = sizes.max()
    k = 0
    for i in range(n):
        k += sizes[i] == m
    if m > 30 or k > 30:
        return na()
    key = np.full(n, 1 << 20, dtype=np.int64)  # by leftmost column, then by top row
    for i in range(n):
        if sizes[i] == m:
            key[i] = box[i, 2] * 64 + box[i, 0]
    order = np.argsort(key, kind="mergesort")
    colours = object_colours(g, lab, n)[:, 0]  # one-colour objects: the commonest is the colour
    out = np.zeros((m, k), dtype=np.uint8)
    for j in range(k):
        out[:, j] = colours[order[j]]
    return out


@njit(cache=True)
def staircase(g, p):
    """A single row whose coloured cells run from the left edge grows one cell per row, down to as
    many rows as half its width: row i has the run's length plus i cells. n/a unless the input is
    one row of even width holding just such a run, and the longest row still fits."""
    h, w = g.shape
    if h != 1 or w % 2 or g[0, 0] == 0:
        return na()
    v = g[0, 0]
    k = 0
    while k < w and g[0, k] == v:
        k += 1
    for c in range(k, w):
        if g[0, c] != 0:
            return na()
    rows = w // 2
    if k + rows - 1 > w:
        return na()
    out = np.zeros((rows, w), dtype=np.uint8)
    for i in range(rows):
        out[i, :k + i] = v
    return out


def entries() -> list[Primitive]:
    out = [
        Primitive("colour_1x1(most_common)", colour_1x1, 0, 2),
        Primitive("colour_1x1(least_common)", colour_1x1, 1, 2),
        Primitive("object_colour_1x1(largest)", object_colour_1x1, 0, 2),
        Primitive("object_colour_1x1(smallest)", object_colour_1x1, 1, 3),
    ]
    for m, s in enumerate(MEASURES):
        out.append(Primitive(f"count_bar({s},row)", count_bar, 2 * m, 3))
        out.append(Primitive(f"count_bar({s},col)", count_bar, 2 * m + 1, 3))
    out += [Primitive(f"count_diagonal({s})", count_diagonal, m, 3) for m, s in enumerate(MEASURES[:2])]
    for order, name in enumerate(("most_first", "fewest_first")):
        out.append(Primitive(f"colour_list({name},col)", colour_list, 4 * order, 2))
        out.append(Primitive(f"colour_list({name},row)", colour_list, 4 * order + 1, 2))
    out.append(Primitive("colour_list(position)", colour_list, 8, 2))
    out.append(Primitive("colour_list(position,with_0)", colour_list, 10, 2))
    out.append(Primitive("colour_histogram(with_0)", colour_histogram, 0, 3))
    out.append(Primitive("colour_histogram", colour_histogram, 1, 3))
    out.append(Primitive("largest_columns", largest_columns, 0, 3))
    out.append(Primitive("staircase", staircase, 0, 2))
    return out
