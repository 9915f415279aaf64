"""Cases for the facing kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

F = 9  # FRESH

CASES = [
    # two blocks one above the other: the gap over the columns both span (1..3), in full or one cell in
    ("span_gap", 0, [[0, 2, 2, 2, 0],
                     [0, 2, 2, 2, 0],
                     [0, 0, 0, 0, 0],
                     [0, 0, 0, 0, 0],
                     [3, 3, 3, 3, 3]],
     [[0, 2, 2, 2, 0],
      [0, 2, 2, 2, 0],
      [0, F, F, F, 0],
      [0, F, F, F, 0],
      [3, 3, 3, 3, 3]]),
    ("span_gap", 1, [[0, 2, 2, 2, 0],
                     [0, 2, 2, 2, 0],
                     [0, 0, 0, 0, 0],
                     [0, 0, 0, 0, 0],
                     [3, 3, 3, 3, 3]],
     [[0, 2, 2, 2, 0],
      [0, 2, 2, 2, 0],
      [0, 0, F, 0, 0],
      [0, 0, F, 0, 0],
      [3, 3, 3, 3, 3]]),
    # side by side: the columns between them over the rows both span
    ("span_gap", 0, [[4, 0, 0, 0],
                     [4, 0, 0, 6],
                     [4, 0, 0, 6],
                     [0, 0, 0, 6]],
     [[4, 0, 0, 0],
      [4, F, F, 6],
      [4, F, F, 6],
      [0, 0, 0, 6]]),
    # a third object inside the gap: the two rows no longer face each other, each faces the pixel
    ("span_gap", 0, [[2, 2, 2], [0, 0, 0], [0, 0, 5], [0, 0, 0], [3, 3, 3]],
     [[2, 2, 2], [0, 0, F], [0, 0, 5], [0, 0, F], [3, 3, 3]]),
    # blocks that share no span do not face each other
    ("span_gap", 0, [[2, 0, 0], [0, 0, 0], [0, 0, 3]], None),
    # a span of two cells has nothing left one cell in from each end
    ("span_gap", 1, [[2, 2], [0, 0], [3, 3]], None),
    # the block's facing cells take the pixels' colours; the pixels stay
    ("project_onto", 0, [[0, 0, 4, 0, 0],
                         [0, 0, 0, 0, 0],
                         [0, 0, 8, 8, 0],
                         [6, 0, 8, 8, 0],
                         [0, 0, 0, 0, 0],
                         [0, 0, 0, 2, 0]],
     [[0, 0, 4, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 4, 8, 0],
      [6, 0, 6, 2, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 2, 0]]),
    # a pixel that sees no block along its row or column: nothing to do
    ("project_onto", 0, [[1, 0, 0], [0, 0, 8], [0, 0, 8]], None),
    # four pixels round a block: each lands on the block cell nearest it
    ("pixels_onto", 0, [[0, 0, 0, 0, 7],
                        [1, 0, 0, 0, 0],
                        [0, 0, 5, 5, 0],
                        [0, 0, 5, 5, 0],
                        [0, 0, 0, 0, 0],
                        [6, 0, 0, 0, 3]], [[0, 0, 0, 0, 0],
                                           [0, 0, 0, 0, 0],
                                           [0, 0, 1, 7, 0],
                                           [0, 0, 6, 3, 0],
                                           [0, 0, 0, 0, 0],
                                           [0, 0, 0, 0, 0]]),
    # a pixel as near to two cells of the block: n/a; two pixels on one cell: n/a
    ("pixels_onto", 0, [[0, 1, 0], [0, 0, 0], [5, 0, 5], [5, 5, 5]], None),
    ("pixels_onto", 0, [[1, 0, 2], [0, 0, 0], [0, 5, 0], [0, 5, 0]], None),
    ("pixels_onto", 0, [[5, 5, 0, 6, 6]], None),  # the largest ties
    # four 5s mark rows 0 and 6, columns 0 and 6: the box one cell inside, in the shape's colour
    ("marker_frame", 0, [[0, 0, 0, 5, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0, 0],
                         [5, 0, 0, 2, 0, 0, 5],
                         [0, 0, 0, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0, 0],
                         [0, 0, 5, 0, 0, 0, 0]], [[0, 0, 0, 5, 0, 0, 0],
                                                  [0, 2, 2, 2, 2, 2, 0],
                                                  [0, 2, 0, 0, 0, 2, 0],
                                                  [5, 2, 0, 2, 0, 2, 5],
                                                  [0, 2, 0, 0, 0, 2, 0],
                                                  [0, 2, 2, 2, 2, 2, 0],
                                                  [0, 0, 5, 0, 0, 0, 0]]),
    # no other colour: FRESH
    ("marker_frame", 0, [[0, 5, 0, 0, 0], [0, 0, 0, 0, 5], [0, 0, 0, 0, 0], [5, 0, 0, 0, 0], [0, 0, 0, 5, 0]],
     [[0, 5, 0, 0, 0], [0, F, F, F, 5], [0, F, 0, F, 0], [5, F, F, F, 0], [0, 0, 0, 5, 0]]),
    ("marker_frame", 0, [[5, 0, 5], [0, 0, 0], [5, 0, 5]], None),  # nothing inside the markers
    ("marker_frame", 0, [[5, 0, 0, 0, 5], [0, 0, 0, 0, 0], [0, 0, 1, 2, 0], [0, 0, 0, 0, 0], [5, 0, 0, 0, 5]],
     None),  # the rest has two colours
    # the framed box stretches down to the pixel's row, repeating its inner row; the pixel is covered
    ("stretch_to_pixel", 0, [[1, 1, 1], [1, 2, 1], [1, 1, 1], [0, 0, 0], [0, 8, 0]],
     [[1, 1, 1], [1, 2, 1], [1, 2, 1], [1, 2, 1], [1, 1, 1]]),
    # to the left, with the box's far columns staying where they were
    ("stretch_to_pixel", 0, [[0, 0, 0, 1, 1, 1], [8, 0, 0, 1, 2, 1], [0, 0, 0, 1, 1, 1]],
     [[1, 1, 1, 1, 1, 1], [1, 2, 2, 2, 2, 1], [1, 1, 1, 1, 1, 1]]),
    # up and to the right
    ("stretch_to_pixel", 0, [[0, 8, 0], [0, 0, 0], [3, 3, 3], [3, 4, 3], [3, 3, 3]],
     [[3, 3, 3], [3, 4, 3], [3, 4, 3], [3, 4, 3], [3, 3, 3]]),
    ("stretch_to_pixel", 0, [[5, 5, 0, 0], [5, 5, 0, 8]], [[5, 5, 5, 5], [5, 5, 5, 5]]),
    # a pixel off the box's rows and columns, or two pixels: nothing to stretch to
    ("stretch_to_pixel", 0, [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 8]], None),
    ("stretch_to_pixel", 0, [[1, 1, 0, 8], [1, 1, 0, 0], [0, 0, 0, 0], [8, 0, 0, 0]], None),
    # the shape moves into the middle of the four 3s' frame (one spare row: it goes to the upper one)
    ("move_into_corners", 0, [[2, 2, 0, 0, 0, 0],
                              [2, 3, 0, 0, 3, 0],
                              [0, 0, 0, 0, 0, 0],
                              [0, 0, 0, 0, 0, 0],
                              [0, 0, 0, 0, 0, 0],
                              [0, 3, 0, 0, 3, 0]],
     [[0, 0, 0, 0, 0, 0],
      [0, 3, 0, 0, 3, 0],
      [0, 0, 2, 2, 0, 0],
      [0, 0, 2, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 3, 0, 0, 3, 0]]),
    # three marks are no frame; a shape too big for the frame does not move
    ("move_into_corners", 0, [[3, 0, 0, 3], [0, 0, 0, 0], [0, 0, 0, 0], [3, 0, 1, 0]], None),
    ("move_into_corners", 0, [[3, 0, 0, 3], [0, 0, 0, 0], [1, 1, 1, 0], [3, 0, 0, 3]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_facing", *case)
