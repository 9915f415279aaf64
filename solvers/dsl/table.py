"""The primitive table: every family's rows, as data the search enumerates."""

from __future__ import annotations

import importlib

from solvers.dsl.primitive import Primitive

# One module per family, `solvers.dsl.prims_<family>`, each with `entries()`.
FAMILIES: tuple[str, ...] = (
    "geometry", "colour", "size", "compose", "count", "objects", "extract", "draw", "lines", "repair", "mirror",
    "shapes", "stamp", "place", "continue", "corners", "centres", "coarse", "leak", "bounce", "flood", "facing",
    "dashes", "sort", "analogy", "stack",
)


def build_table(families: tuple[str, ...] = FAMILIES) -> tuple[Primitive, ...]:
    """All rows, cheapest first (stable within a cost), so the search tries likely moves first."""
    rows: list[Primitive] = []
    for family in families:
        rows += importlib.import_module(f"solvers.dsl.prims_{family}").entries()
    names = [p.name for p in rows]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"duplicate primitive names: {dupes}")
    return tuple(sorted(rows, key=lambda p: p.cost))
