"""Cases for the extraction kernels: (kernel name, param, input rows, expected rows or None)."""


import pytest

from tests.dsl.cases import check

MOD = "solvers.dsl.prims_extract"

TWO_CELLS = [[1, 0, 0, 5, 0, 2, 2],
             [0, 1, 0, 5, 0, 0, 2],
             [0, 0, 1, 5, 2, 0, 0]]
FOUR_CELLS = [[1, 1, 8, 0, 2],
              [1, 1, 8, 2, 0],
              [8, 8, 8, 8, 8],
              [0, 3, 8, 4, 4],
              [3, 0, 8, 0, 4]]
COUNTS = [[1, 1, 5, 1, 0, 5, 0, 0],
          [0, 1, 5, 0, 1, 5, 0, 1]]
ODD = [[1, 0, 5, 1, 0, 5, 0, 1],
       [0, 1, 5, 0, 1, 5, 0, 1]]
# parts of areas 4, 2, 2 and 1: a key and a pattern, say
UNEVEN = [[1, 1, 5, 2],
          [1, 1, 5, 0],
          [5, 5, 5, 5],
          [3, 3, 5, 4]]
NINE = [[1, 4, 2, 4, 3],
        [4, 4, 4, 4, 4],
        [5, 4, 6, 4, 7],
        [4, 4, 4, 4, 4],
        [8, 4, 9, 4, 1]]

CASES = [
    ("crop_content", 0, [[0, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0]], [[3, 0], [0, 4]]),
    ("crop_content", 0, [[0, 0], [0, 0]], None),
    ("split_cell", 0, TWO_CELLS, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    ("split_cell", 1, TWO_CELLS, [[0, 2, 2], [0, 0, 2], [2, 0, 0]]),
    ("split_cell", 2, TWO_CELLS, None),
    ("split_cell", 2, FOUR_CELLS, [[0, 3], [3, 0]]),
    ("split_cell", 3, FOUR_CELLS, [[4, 4], [0, 4]]),
    ("split_cell", 4, NINE, [[6]]),
    ("split_cell", 0, [[1, 2], [3, 4]], None),  # no separator
    ("split_cell", 0, [[1, 2, 3]], None),  # columns of a one-row grid are not separators
    # square parts along the long side: unique, asymmetric, most/least cells, most/fewest colours
    ("square_parts_pick", 0, [[1, 0, 1, 0, 2, 0], [0, 1, 0, 1, 0, 2]], [[2, 0], [0, 2]]),
    ("square_parts_pick", 0, [[1, 0, 2, 0], [0, 1, 0, 2]], None),  # two parts: 'appears once' is meaningless
    ("square_parts_pick", 1, [[1, 0], [0, 1], [1, 1], [0, 0], [2, 2], [2, 2]], None),  # no part is asymmetric
    ("square_parts_pick", 1, [[1, 0], [0, 1], [1, 2], [0, 0], [3, 3], [3, 3]], [[1, 2], [0, 0]]),
    ("square_parts_pick", 2, [[1, 0, 1, 1, 0, 0]], None),  # 1 x 1 parts: three with one cell tie
    ("square_parts_pick", 2, [[1, 0, 1, 1], [0, 0, 1, 0]], [[1, 1], [1, 0]]),
    ("square_parts_pick", 3, [[1, 0, 1, 1], [0, 0, 1, 0]], [[1, 0], [0, 0]]),
    ("square_parts_pick", 4, [[1, 2, 3, 3], [0, 0, 3, 0]], [[1, 2], [0, 0]]),
    ("square_parts_pick", 5, [[1, 2, 3, 3], [0, 0, 3, 0]], [[3, 3], [3, 0]]),
    ("square_parts_pick", 2, [[1, 2, 3], [4, 5, 6]], None),  # 2 x 3: no whole number of squares
    # separators of colour 0 when no non-zero colour makes a line (a grid whose background is 3)
    ("split_cell", 1, [[3, 3, 0, 3, 3], [3, 4, 0, 3, 4], [4, 3, 0, 4, 3]], [[3, 3], [3, 4], [4, 3]]),
    ("split_pick", 2, [[3, 0, 3, 0, 4], [0, 0, 0, 0, 0], [3, 0, 3, 0, 3]], [[4]]),
    ("split_cell", 0, [[5, 0, 1], [5, 0, 1]], None),  # a non-zero line (1) wins over the 0 line: one cell, n/a
    ("split_pick", 0, FOUR_CELLS, [[1, 1], [1, 1]]),
    ("split_pick", 1, FOUR_CELLS, None),  # two cells tie for the fewest
    ("split_pick", 0, COUNTS, [[1, 1], [0, 1]]),
    ("split_pick", 1, COUNTS, [[0, 0], [0, 1]]),
    ("split_pick", 2, ODD, [[0, 1], [0, 1]]),
    ("split_pick", 2, FOUR_CELLS, None),  # every cell is different
    ("split_pick", 3, UNEVEN, [[4]]),
    ("split_pick", 4, UNEVEN, [[1, 1], [1, 1]]),
    ("split_pick", 3, FOUR_CELLS, None),  # four parts of one area tie
    ("split_pick", 4, FOUR_CELLS, None),
    ("split_pick", 2, TWO_CELLS, None),  # fewer than 3 cells
    ("frame_interior", 0, [[0, 0, 0, 0, 0, 0],
                           [0, 2, 2, 2, 2, 0],
                           [0, 2, 3, 0, 2, 0],
                           [0, 2, 2, 2, 2, 0],
                           [0, 0, 0, 0, 0, 1]], [[3, 0]]),
    ("frame_interior", 0, [[4, 4, 4, 4, 4], [4, 0, 4, 0, 0], [4, 4, 4, 0, 0]], [[0]]),
    ("frame_interior", 0, [[1, 1, 1, 0, 1, 1, 1], [1, 2, 1, 0, 1, 3, 1], [1, 1, 1, 0, 1, 1, 1]], None),  # tie
    ("frame_interior", 0, [[1, 2], [3, 4]], None),
    # a 2 x 2 shape and a 4 x 3 inside, or a 3 x 3 inside: no one whole factor fills it
    ("frame_fit", 0, [[0, 0, 0, 0, 0, 0, 0, 0],
                      [0, 8, 0, 2, 2, 2, 2, 2],
                      [8, 8, 0, 2, 0, 0, 0, 2],
                      [0, 0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 0, 2, 2, 2, 2, 2]],
     None),
    ("frame_fit", 0, [[0, 8, 0, 0, 0, 0, 0],
                      [8, 8, 0, 0, 0, 0, 0],
                      [0, 0, 2, 2, 2, 2, 2],
                      [0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 2, 0, 0, 0, 2],
                      [0, 0, 2, 2, 2, 2, 2]],
     None),
    # the 2 x 2 shape scaled by 2 fills the 4 x 4 inside of the frame, which is cut out
    ("frame_fit", 0, [[0, 8, 0, 0, 0, 0, 0, 0],
                      [8, 8, 0, 0, 0, 0, 0, 0],
                      [0, 0, 2, 2, 2, 2, 2, 2],
                      [0, 0, 2, 0, 0, 0, 0, 2],
                      [0, 0, 2, 0, 0, 0, 0, 2],
                      [0, 0, 2, 0, 0, 0, 0, 2],
                      [0, 0, 2, 0, 0, 0, 0, 2],
                      [0, 0, 2, 2, 2, 2, 2, 2]],
     [[2, 2, 2, 2, 2, 2],
      [2, 0, 0, 8, 8, 2],
      [2, 0, 0, 8, 8, 2],
      [2, 8, 8, 8, 8, 2],
      [2, 8, 8, 8, 8, 2],
      [2, 2, 2, 2, 2, 2]]),
    # something inside the frame: not an empty frame to fit into
    ("frame_fit", 0, [[8, 0, 0, 0, 0], [0, 2, 2, 2, 2], [0, 2, 1, 0, 2], [0, 2, 0, 0, 2], [0, 2, 2, 2, 2]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check(MOD, *case)
