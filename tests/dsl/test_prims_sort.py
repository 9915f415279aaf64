"""Cases for the arranging kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

BARS = [[0, 2, 2, 0],
        [0, 0, 0, 0],
        [1, 0, 0, 0],
        [3, 3, 3, 0]]

CORNERS = [[1, 1, 0, 0, 2, 2, 0],
           [1, 0, 0, 0, 0, 2, 0],
           [0, 0, 0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0, 0, 4],
           [0, 3, 0, 0, 0, 4, 4],
           [0, 3, 3, 0, 0, 0, 0]]

CASES = [
    # longest lowest, against the right side, then the left
    ("sort_bars", 0, BARS, [[0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 2, 2], [0, 3, 3, 3]]),
    ("sort_bars", 1, BARS, [[0, 0, 0, 0], [1, 0, 0, 0], [2, 2, 0, 0], [3, 3, 3, 0]]),
    # bars of one length keep their order from the top: the upper one ends higher
    ("sort_bars", 1, [[4, 0], [5, 0], [0, 0]], [[0, 0], [4, 0], [5, 0]]),
    # two runs in a row, or two colours in one run, are no bars; bars already in place do not move
    ("sort_bars", 0, [[1, 0, 1], [0, 0, 0]], None),
    ("sort_bars", 0, [[1, 2, 0], [0, 0, 0]], None),
    ("sort_bars", 0, [[0, 0, 0], [0, 0, 1], [0, 1, 1]], None),
    # four scattered corners put together, each where it leans
    ("assemble_corners", 0, CORNERS, [[1, 1, 2, 2], [1, 0, 0, 2], [3, 0, 0, 4], [3, 3, 4, 4]]),
    # two corners leaning the same way; a block that leans nowhere; three objects
    ("assemble_corners", 0, [[1, 1, 0, 2, 2], [1, 0, 0, 2, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 4], [3, 3, 0, 4, 4]],
     None),
    ("assemble_corners", 0, [[1, 1, 0, 2, 2], [1, 1, 0, 0, 2], [0, 0, 0, 0, 0], [3, 0, 0, 0, 4], [3, 3, 0, 4, 4]],
     None),
    ("assemble_corners", 0, [[1, 1, 0, 2, 2], [1, 0, 0, 0, 2], [0, 0, 0, 0, 0], [3, 0, 0, 0, 0], [3, 3, 0, 0, 0]],
     None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_sort", *case)
