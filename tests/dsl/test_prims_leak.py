"""Cases for the leak kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

F = 9  # FRESH
# a 4 x 4 frame with one gap in its bottom wall, and a closed 3 x 3 frame beside it
FRAMES = [[0, 0, 0, 0, 0, 0, 0, 0],
          [1, 1, 1, 1, 0, 2, 2, 2],
          [1, 0, 0, 1, 0, 2, 0, 2],
          [1, 0, 0, 1, 0, 2, 2, 2],
          [1, 0, 1, 1, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0, 0, 0]]
# a frame whose left wall has a gap, and a cell of another colour in the way of the pour
SIDE = [[0, 0, 0, 0, 0],
        [0, 0, 3, 3, 3],
        [5, 0, 0, 0, 3],
        [0, 0, 3, 3, 3]]

CASES = [
    ("leak", 0, FRAMES, [[0, 0, 0, 0, 0, 0, 0, 0],
                         [1, 1, 1, 1, 0, 2, 2, 2],
                         [1, F, F, 1, 0, 2, F, 2],
                         [1, F, F, 1, 0, 2, 2, 2],
                         [1, 0, 1, 1, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0, 0, 0]]),
    ("leak", 1, FRAMES, [[0, 0, 0, 0, 0, 0, 0, 0],
                         [1, 1, 1, 1, 0, 2, 2, 2],
                         [1, F, F, 1, 0, 2, F, 2],
                         [1, F, F, 1, 0, 2, 2, 2],
                         [1, F, 1, 1, 0, 0, 0, 0],
                         [0, F, 0, 0, 0, 0, 0, 0],
                         [0, F, 0, 0, 0, 0, 0, 0]]),
    ("leak", 1, SIDE, [[0, 0, 0, 0, 0],
                       [0, 0, 3, 3, 3],
                       [5, F, F, F, 3],
                       [0, 0, 3, 3, 3]]),
    # a cup open at the top (1 of its 8 edge cells missing) is a frame: it fills and pours up
    ("leak", 1, [[0, 0, 0], [1, 0, 1], [1, 0, 1], [1, 1, 1]], [[0, F, 0], [1, F, 1], [1, F, 1], [1, 1, 1]]),
    # an L (3 of 8 missing) is no frame; a bar has no inside
    ("leak", 1, [[1, 0, 0], [1, 0, 0], [1, 1, 1]], None),
    ("leak", 0, [[0, 0, 0], [4, 4, 4], [0, 0, 0]], None),
    # a filled square is no frame (cells off its box's edge), and its frame would have no zero inside
    ("leak", 0, [[6, 6, 6], [6, 6, 6], [6, 6, 6]], None),
    # a wide band of 4s over a band of 8s: each hole runs up and down its own band only
    ("band_holes", 0, [[4, 4, 4, 4, 4, 4],
                       [4, 0, 4, 4, 4, 4],
                       [4, 4, 4, 4, 4, 4],
                       [8, 8, 8, 8, 8, 8],
                       [8, 8, 8, 8, 0, 8]],
     [[4, 0, 4, 4, 4, 4],
      [4, 0, 4, 4, 4, 4],
      [4, 0, 4, 4, 4, 4],
      [8, 8, 8, 8, 0, 8],
      [8, 8, 8, 8, 0, 8]]),
    # a tall band: the hole runs across it, left to right, up to the next band
    ("band_holes", 0, [[2, 2, 5], [2, 2, 5], [0, 2, 5], [2, 2, 5]], [[2, 2, 5], [2, 2, 5], [0, 0, 5], [2, 2, 5]]),
    # a zero cell beside another zero is no hole; a square band spans as far both ways
    ("band_holes", 0, [[3, 3, 3], [3, 0, 0], [3, 3, 3]], None),
    ("band_holes", 0, [[3, 3, 3], [3, 0, 3], [3, 3, 3]], None),
    # the holes are the least common colour, whatever it is: here 2 in bands of 0 and 1
    ("band_holes", 0, [[0, 0, 0, 0],
                       [0, 0, 2, 0],
                       [0, 0, 0, 0],
                       [1, 1, 1, 1],
                       [1, 1, 1, 1]],
     [[0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [1, 1, 1, 1],
      [1, 1, 1, 1]]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_leak", *case)
