"""Cases for the compose kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

G = [[1, 2, 3], [4, 5, 6]]
S = [[1, 2], [3, 4]]
# two halves split by a full column of 5
SEP = [[1, 0, 5, 1, 1], [0, 0, 5, 0, 1]]

PANELS = [[1, 2, 5, 0, 0], [3, 4, 5, 0, 0]]

CASES = [
    ("mirror_extend", 0, G, [[1, 2, 3, 3, 2, 1], [4, 5, 6, 6, 5, 4]]),
    ("mirror_extend", 1, G, [[3, 2, 1, 1, 2, 3], [6, 5, 4, 4, 5, 6]]),
    ("mirror_extend", 2, G, [[1, 2, 3], [4, 5, 6], [4, 5, 6], [1, 2, 3]]),
    ("mirror_extend", 3, G, [[4, 5, 6], [1, 2, 3], [1, 2, 3], [4, 5, 6]]),
    ("mirror_extend", 4, [[1, 2]], [[1, 2, 2, 1], [1, 2, 2, 1]]),
    ("mirror_extend", 5, S, [[1, 2, 3, 1], [3, 4, 4, 2], [2, 4, 4, 3], [1, 3, 2, 1]]),
    ("mirror_extend", 5, G, None),
    ("mirror_extend", 0, [[1] * 16], None),
    # the mirror shares the edge line: 3 columns become 5, 2 rows become 3
    ("mirror_shared", 0, G, [[1, 2, 3, 2, 1], [4, 5, 6, 5, 4]]),
    ("mirror_shared", 1, G, [[3, 2, 1, 2, 3], [6, 5, 4, 5, 6]]),
    ("mirror_shared", 2, G, [[1, 2, 3], [4, 5, 6], [1, 2, 3]]),
    ("mirror_shared", 3, G, [[4, 5, 6], [1, 2, 3], [4, 5, 6]]),
    ("mirror_shared", 4, G, [[1, 2, 3, 2, 1], [4, 5, 6, 5, 4], [1, 2, 3, 2, 1]]),
    # one row has no line to fold about; 16 columns become 31
    ("mirror_shared", 2, [[1, 2]], None),
    ("mirror_shared", 0, [[1] * 16], None),
    ("tile", 12, S, [[1, 2, 1, 2], [3, 4, 3, 4]]),
    ("tile", 21, G, [[1, 2, 3], [4, 5, 6], [1, 2, 3], [4, 5, 6]]),
    ("tile", 22, [[1, 2]], [[1, 2, 1, 2], [1, 2, 1, 2]]),
    ("tile", 33, [[7]], [[7, 7, 7]] * 3),
    ("tile", 13, [[1], [2]], [[1, 1, 1], [2, 2, 2]]),
    ("tile", 31, [[1, 2]], [[1, 2], [1, 2], [1, 2]]),
    ("tile", 33, [[1] * 11], None),
    ("repeat_by_count", 0, [[1, 0], [2, 1]], [[1, 0, 1, 0], [2, 1, 2, 1]]),
    ("repeat_by_count", 1, [[0, 3, 3]], [[0, 3, 3, 0, 3, 3]]),
    ("repeat_by_count", 0, [[0, 0]], None),
    ("repeat_by_count", 2, [[1, 0], [0, 2]], [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 2, 2], [0, 0, 2, 2]]),
    ("repeat_by_count", 2, [[0, 0]], None),
    ("repeat_by_count", 2, [[1, 2, 3, 4, 5, 6, 7, 8]], None),
    ("symmetrize", 0, [[1, 0, 0], [0, 2, 3]], [[1, 0, 1], [3, 2, 3]]),
    ("symmetrize", 1, [[1, 0], [0, 2], [0, 0]], [[1, 0], [0, 2], [1, 0]]),
    ("symmetrize", 2, [[1, 0, 0], [0, 0, 0]], [[1, 0, 1], [1, 0, 1]]),
    ("symmetrize", 3, [[1, 2, 0], [0, 0, 0]], [[1, 2, 0], [0, 2, 1]]),
    ("symmetrize", 4, [[1, 0], [0, 0]], [[1, 1], [1, 1]]),
    ("symmetrize", 4, [[1, 0, 0]], None),
    ("symmetrize", 5, [[1, 2], [0, 4]], [[1, 2], [2, 4]]),
    ("symmetrize", 5, G, None),
    ("symmetrize", 6, [[1, 2, 0], [0, 0, 0], [0, 0, 0]], [[1, 2, 1], [2, 0, 2], [1, 2, 1]]),
    ("overlay_halves", 0, [[1, 0, 2, 2], [0, 0, 0, 3]], [[1, 2], [0, 3]]),
    ("overlay_halves", 1, [[1, 0, 2, 2], [0, 0, 0, 3]], [[2, 2], [0, 3]]),
    ("overlay_halves", 0, [[1, 0], [5, 5], [0, 2]], [[1, 2]]),  # row separator
    ("overlay_halves", 0, [[1, 2], [3, 4]], None),  # square, no separator
    # one drawn panel and an empty one beside it, split by a column of 5
    ("fill_panels", 0, PANELS, [[1, 2, 5, 1, 2], [3, 4, 5, 3, 4]]),
    ("fill_panels", 1, PANELS, [[1, 2, 5, 3, 1], [3, 4, 5, 4, 2]]),
    ("fill_panels", 2, PANELS, [[1, 2, 5, 2, 4], [3, 4, 5, 1, 3]]),
    ("fill_panels", 3, PANELS, [[1, 2, 5, 2, 1], [3, 4, 5, 4, 3]]),
    # three stacked panels: the second turned once, the third twice
    ("fill_panels", 1, [[1, 2], [0, 3], [5, 5], [0, 0], [0, 0], [5, 5], [0, 0], [0, 0]],
     [[1, 2], [0, 3], [5, 5], [0, 1], [3, 2], [5, 5], [3, 0], [2, 1]]),
    ("fill_panels", 0, [[1, 2, 5, 1, 0], [3, 4, 5, 0, 0]], None),  # two drawn panels
    ("fill_panels", 1, [[1, 2, 5, 0, 0], [3, 4, 5, 0, 0], [6, 6, 5, 0, 0]], None),  # turns need squares
    ("fill_panels", 0, [[0, 0, 5, 1, 2], [0, 0, 5, 3, 4]], None),  # nothing after the drawn panel
    ("boolean_halves", 3, SEP, [[3, 0], [0, 0]]),  # and
    ("boolean_halves", 14, SEP, [[4, 4], [0, 4]]),  # or
    ("boolean_halves", 22, SEP, [[0, 2], [0, 2]]),  # xor
    ("boolean_halves", 38, SEP, [[0, 0], [8, 0]]),  # nor
    ("boolean_halves", 41, [[1, 1], [0, 1], [0, 0], [1, 0]], [[1, 1], [0, 1]]),  # a and not b, top/bottom
    ("boolean_halves", 51, SEP, [[0, 1], [0, 1]]),  # b and not a
    ("boolean_halves", 1, [[1, 2, 3]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_compose", *case)
