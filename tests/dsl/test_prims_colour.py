"""Cases for the colour kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

G = [[1, 0, 2], [2, 2, 3]]
OBJ = [[1, 1, 0, 2], [0, 0, 0, 2], [3, 0, 0, 2]]

CASES = [
    ("keep_colour", 2, G, [[0, 0, 2], [2, 2, 0]]),
    ("replace_colour", 20, G, [[1, 0, 0], [0, 0, 3]]),  # erase 2
    ("replace_colour", 5, G, [[1, 5, 2], [2, 2, 3]]),  # 0 -> 5
    ("replace_colour", 13, G, [[3, 0, 2], [2, 2, 3]]),  # 1 -> 3
    ("recolour_nonzero", 4, G, [[4, 0, 4], [4, 4, 4]]),
    ("fill_zero_with_stat", 0, G, [[1, 2, 2], [2, 2, 3]]),
    ("fill_zero_with_stat", 1, G, [[1, 1, 2], [2, 2, 3]]),  # 1 and 3 tie: lower colour
    ("fill_zero_with_stat", 0, [[0, 0], [0, 0]], None),
    ("keep_colour_stat", 0, G, [[0, 0, 2], [2, 2, 0]]),
    ("keep_colour_stat", 1, G, [[1, 0, 0], [0, 0, 0]]),  # 1 and 3 tie: lower colour
    ("keep_colour_stat", 1, [[4, 4, 0], [7, 4, 7], [9, 0, 7]], [[0, 0, 0], [0, 0, 0], [9, 0, 0]]),
    ("keep_colour_stat", 0, [[0, 0], [0, 0]], None),
    ("recolour_by_size_rank", 0, OBJ, [[2, 2, 0, 1], [0, 0, 0, 1], [3, 0, 0, 1]]),
    ("recolour_by_size_rank", 1, OBJ, [[2, 2, 0, 3], [0, 0, 0, 3], [1, 0, 0, 3]]),
    ("recolour_by_size_rank", 0, [[5, 0, 5], [0, 6, 6]], [[2, 0, 2], [0, 1, 1]]),  # ties share a rank
    ("recolour_by_size_rank", 0, [[0, 0], [0, 0]], None),
    ("recolour_by_size", 0, [[1, 1, 0, 2], [0, 0, 0, 2], [3, 2, 0, 2]],
     [[2, 2, 0, 3], [0, 0, 0, 3], [1, 1, 0, 3]]),  # 3 and 2 at (2,0),(2,1) differ in colour
    ("swap_top_colours", 0, G, [[2, 0, 1], [1, 1, 3]]),
    ("swap_top_colours", 0, [[0, 4], [4, 0]], None),
    ("normalise_background", 0, [[5, 5, 1], [5, 0, 5]], [[0, 0, 1], [0, 5, 0]]),
    ("normalise_background", 0, [[0, 0, 1]], [[0, 0, 1]]),
    # three rings (the core is ring 2) turned inside out; a 3 x 5 grid's core is its middle row
    ("reverse_rings", 0, [[4, 4, 4, 4, 4], [4, 2, 2, 2, 4], [4, 2, 1, 2, 4], [4, 2, 2, 2, 4], [4, 4, 4, 4, 4]],
     [[1, 1, 1, 1, 1], [1, 2, 2, 2, 1], [1, 2, 4, 2, 1], [1, 2, 2, 2, 1], [1, 1, 1, 1, 1]]),
    ("reverse_rings", 0, [[3, 3, 3, 3, 3], [3, 7, 7, 7, 3], [3, 3, 3, 3, 3]],
     [[7, 7, 7, 7, 7], [7, 3, 3, 3, 7], [7, 7, 7, 7, 7]]),
    # a ring of two colours is no ring; rings that read the same both ways change nothing
    ("reverse_rings", 0, [[1, 1, 1], [1, 2, 1], [1, 1, 3]], None),
    ("reverse_rings", 0, [[5, 5, 5], [5, 6, 5], [5, 5, 5]], [[6, 6, 6], [6, 5, 6], [6, 6, 6]]),
    ("reverse_rings", 0, [[5, 5], [5, 5]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_colour", *case)
