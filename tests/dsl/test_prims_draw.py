"""Cases for the drawing kernels: (kernel name, param, input rows, expected rows or None)."""

import importlib

import pytest

from tests.dsl.cases import check

MOD = "solvers.dsl.prims_draw"

RAY = [[0, 0, 0, 0],
       [0, 2, 0, 0],
       [0, 0, 0, 3]]
CONNECT = [[1, 0, 1, 0, 2],
           [0, 0, 0, 0, 0],
           [3, 0, 1, 0, 0]]
CROSS = [[0, 2, 0], [3, 0, 3], [0, 2, 0]]
FALL = [[1, 0], [0, 2], [3, 0]]
MOVE = [[1, 1, 0], [0, 0, 0], [0, 2, 0], [0, 0, 0]]

CASES = [
    ("fill_enclosed", 4, [[0, 1, 1, 1, 0], [0, 1, 0, 1, 0], [0, 1, 1, 1, 0], [0, 0, 0, 0, 0]],
     [[0, 1, 1, 1, 0], [0, 1, 4, 1, 0], [0, 1, 1, 1, 0], [0, 0, 0, 0, 0]]),
    ("fill_enclosed", 7, [[1, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 0]], [[1, 1, 1, 0], [1, 7, 1, 0], [1, 1, 0, 0]]),
    # rays: p is a mask of directions (up, down, left, right, up-left, up-right, down-left, down-right)
    ("rays", 1, RAY, [[0, 2, 0, 3], [0, 2, 0, 3], [0, 0, 0, 3]]),
    ("rays", 2, RAY, [[0, 0, 0, 0], [0, 2, 0, 0], [0, 2, 0, 3]]),
    ("rays", 4, RAY, [[0, 0, 0, 0], [2, 2, 0, 0], [3, 3, 3, 3]]),
    ("rays", 8, RAY, [[0, 0, 0, 0], [0, 2, 2, 2], [0, 0, 0, 3]]),
    ("rays", 8, [[1, 0, 5, 0]], [[1, 1, 5, 5]]),
    ("rays", 12, RAY, [[0, 0, 0, 0], [2, 2, 2, 2], [3, 3, 3, 3]]),
    ("rays", 3, RAY, [[0, 2, 0, 3], [0, 2, 0, 3], [0, 2, 0, 3]]),
    ("rays", 15, RAY, [[0, 2, 0, 3], [2, 2, 2, 2], [3, 2, 3, 3]]),
    ("rays", 240, RAY, [[2, 3, 2, 0], [0, 2, 3, 0], [2, 0, 2, 3]]),
    ("rays", 255, [[0, 0, 0], [0, 4, 0], [0, 0, 0]], [[4, 4, 4], [4, 4, 4], [4, 4, 4]]),
    # connect: 0 rows, 1 columns, 2 both (columns on top), 3 both (rows on top)
    ("connect", 0, CONNECT, [[1, 1, 1, 0, 2], [0, 0, 0, 0, 0], [3, 0, 1, 0, 0]]),
    ("connect", 1, CONNECT, [[1, 0, 1, 0, 2], [0, 0, 1, 0, 0], [3, 0, 1, 0, 0]]),
    ("connect", 2, CROSS, [[0, 2, 0], [3, 2, 3], [0, 2, 0]]),
    ("connect", 3, CROSS, [[0, 2, 0], [3, 3, 3], [0, 2, 0]]),
    ("outline", 6, [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]], [[6, 6, 6, 0], [6, 1, 6, 0], [6, 6, 6, 0]]),
    ("interior", 2, [[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]], [[1, 1, 1, 1], [1, 2, 2, 1], [1, 1, 1, 1]]),
    ("interior", 2, [[1, 1, 1], [1, 1, 3], [1, 1, 1]], [[1, 1, 1], [1, 1, 3], [1, 1, 1]]),
    ("gravity", 0, FALL, [[1, 2], [3, 0], [0, 0]]),
    ("gravity", 1, FALL, [[0, 0], [1, 0], [3, 2]]),
    ("gravity", 2, FALL, [[1, 0], [2, 0], [3, 0]]),
    ("gravity", 3, FALL, [[0, 1], [0, 2], [0, 3]]),
    ("move_objects", 0, MOVE, [[1, 1, 0], [0, 2, 0], [0, 0, 0], [0, 0, 0]]),
    ("move_objects", 1, MOVE, [[0, 0, 0], [0, 0, 0], [1, 1, 0], [0, 2, 0]]),
    ("move_objects", 2, MOVE, [[1, 1, 0], [0, 0, 0], [2, 0, 0], [0, 0, 0]]),
    ("move_objects", 3, MOVE, [[0, 1, 1], [0, 0, 0], [0, 0, 2], [0, 0, 0]]),
    ("move_objects", 1, [[0, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check(MOD, *case)


def test_entries_unique_and_covered():
    mod = importlib.import_module(MOD)
    rows = mod.entries()
    names = [r.name for r in rows]
    assert len(names) == len(set(names))
    kernels = {k for k, _, _, _ in CASES}
    covered = {(k, p) for k, p, _, _ in CASES}
    for r in rows:
        assert getattr(mod, r.kernel.__name__) is r.kernel
        assert r.kernel.__name__ in kernels, r.name
        # colour parameters (fill/outline/interior 1..9) share one meaning; other params need a case each
        if r.kernel.__name__ not in ("fill_enclosed", "outline", "interior"):
            assert (r.kernel.__name__, r.param) in covered, r.name


def test_names_unique_across_families():
    names = []
    for fam in ("geometry", "objects", "extract", "draw"):
        try:
            mod = importlib.import_module(f"solvers.dsl.prims_{fam}")
        except ImportError:
            continue
        names += [r.name for r in mod.entries()]
    assert len(names) == len(set(names))
