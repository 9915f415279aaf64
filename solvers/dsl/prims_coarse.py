"""Coarse primitives: a drawing done on a grid of parts, one cell per part of a split grid.

Designed from arc1-training tasks where a lattice of separator lines holds filled parts, and parts
of the same colour in a row or column are joined by filling the parts between them: the join is
`connect` on the grid of parts (as `split_reduce` makes it), painted back part by part.
"""

from __future__ import annotations

from numba import njit

from solvers.dsl.kernels_common import na
from solvers.dsl.primitive import Primitive
from solvers.dsl.prims_draw import connect
from solvers.dsl.prims_extract import _split
from solvers.dsl.prims_lines import reduce_parts


@njit(cache=True)
def coarse_connect(g, p):
    """`connect(p)` on the grid of parts (each part's commonest non-zero colour); a part the join
    colours is filled with that colour, separators untouched. n/a without a split or a change."""
    cells, k = _split(g)
    small = reduce_parts(g, 0, cells, k)
    if small.size == 0:
        return na()
    joined = connect(small, p)
    nx = small.shape[1]
    out = g.copy()
    changed = False
    for i in range(k):
        v = joined[i // nx, i % nx]
        if v == small[i // nx, i % nx]:
            continue
        changed = True
        for r in range(cells[i, 0], cells[i, 1]):
            for c in range(cells[i, 2], cells[i, 3]):
                out[r, c] = v
    if not changed:
        return na()
    return out


def entries() -> list[Primitive]:
    names = {0: "rows", 1: "cols", 2: "both", 4: "diagonals"}
    return [Primitive(f"coarse_connect({s})", coarse_connect, p, 3) for p, s in names.items()]
