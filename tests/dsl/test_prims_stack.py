"""Cases for the stack kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# shapes of two colours on a background of 3: a bar of 1 (3 x 1) and a pair of 2 (a 1 x 3 box)
PARTS = [[3, 3, 3, 3, 3, 3],
         [3, 1, 3, 3, 3, 3],
         [3, 1, 3, 3, 3, 3],
         [3, 1, 3, 2, 3, 2],
         [3, 3, 3, 3, 3, 3]]

CASES = [
    ("stack_parts", 0, PARTS, [[3, 1, 3],
                               [2, 1, 2],
                               [3, 1, 3]]),
    # objects on 0: a 1 x 1 cell and a 3 x 3 ring, stacked on the ring's centre
    ("stack_parts", 1, [[4, 4, 4, 0, 0, 0, 0],
                        [4, 0, 4, 0, 0, 0, 0],
                        [4, 4, 4, 0, 6, 0, 0]], [[4, 4, 4],
                                           [4, 6, 4],
                                           [4, 4, 4]]),
    # a part that cannot be centred (a 2-wide box in a 3-wide canvas), two parts on one cell, one part
    ("stack_parts", 0, [[3, 3, 3, 3], [1, 1, 1, 3], [3, 3, 2, 2], [3, 3, 3, 3]], None),
    ("stack_parts", 0, [[1, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 2]], None),
    ("stack_parts", 1, [[0, 1, 1], [0, 1, 0], [0, 0, 0]], None),
    # a frame of 5 with an L-shaped hole; two L pieces fit, the nearer (the 3) moves in; the 2 stays
    ("pieces_to_holes", 0, [[0, 0, 0, 0, 0, 0, 0],
                            [0, 5, 5, 5, 0, 3, 0],
                            [0, 5, 0, 5, 0, 3, 3],
                            [0, 5, 0, 0, 5, 0, 0],
                            [0, 5, 5, 5, 5, 0, 0],
                            [0, 0, 0, 0, 0, 0, 0],
                            [0, 2, 0, 0, 0, 0, 0],
                            [0, 2, 2, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0],
                                                     [0, 5, 5, 5, 0, 0, 0],
                                                     [0, 5, 3, 5, 0, 0, 0],
                                                     [0, 5, 3, 3, 5, 0, 0],
                                                     [0, 5, 5, 5, 5, 0, 0],
                                                     [0, 0, 0, 0, 0, 0, 0],
                                                     [0, 2, 0, 0, 0, 0, 0],
                                                     [0, 2, 2, 0, 0, 0, 0]]),
    # the only piece is turned: it does not fit; a gap open to the border is no hole; a tie
    ("pieces_to_holes", 0, [[5, 5, 5, 0, 0, 0], [5, 0, 5, 0, 3, 3], [5, 0, 5, 0, 0, 0], [5, 5, 5, 0, 0, 0]], None),
    ("pieces_to_holes", 0, [[5, 0, 5, 0, 3], [5, 5, 5, 0, 0]], None),
    # a gap walled by two objects (5 and 6) is not a hole
    ("pieces_to_holes", 0, [[0, 0, 0, 0, 0, 0], [0, 5, 5, 6, 0, 0], [0, 5, 0, 6, 0, 3], [0, 5, 6, 6, 0, 0]], None),
    ("pieces_to_holes", 0, [[3, 0, 0, 0, 4], [0, 5, 5, 5, 0], [0, 5, 0, 5, 0], [0, 5, 5, 5, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_stack", *case)
