"""Cases for the count kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# 4-connected one-colour objects: {1,1}, {2}, {2}, {3,3} = 4; 8-connected any colour: 2;
# colours 1, 2, 3 tie at 2 cells, so the "most common" is 1 (ties to the lower colour)
G = [[1, 1, 0, 0], [0, 2, 0, 0], [2, 0, 0, 3], [0, 0, 0, 3]]
G2 = [[1, 1, 0, 0], [0, 2, 0, 0], [0, 0, 0, 3], [0, 0, 0, 0]]  # 8-connected any colour: 2

CASES = [
    ("colour_1x1", 0, G, [[1]]),
    ("colour_1x1", 0, [[0, 4, 4], [5, 0, 0]], [[4]]),
    ("colour_1x1", 1, [[0, 4, 4], [5, 0, 0]], [[5]]),
    ("colour_1x1", 0, [[0, 0]], None),
    ("object_colour_1x1", 0, [[1, 0, 2], [0, 0, 2]], [[2]]),
    ("object_colour_1x1", 1, [[1, 0, 2], [0, 0, 2]], [[1]]),
    ("object_colour_1x1", 0, [[1, 0, 2]], None),  # tie between colours
    ("count_bar", 0, G, [[1, 1, 1, 1]]),
    ("count_bar", 1, G, [[1], [1], [1], [1]]),
    ("count_bar", 2, G, [[1, 1]]),
    ("count_bar", 3, G2, [[1], [1]]),
    ("count_bar", 4, [[0, 5, 6], [5, 0, 0]], [[5, 5]]),
    ("count_bar", 6, [[0, 5, 6], [5, 0, 0]], [[5, 5, 5]]),
    ("count_bar", 7, [[0, 5, 6], [5, 0, 0]], [[5], [5], [5]]),
    ("count_bar", 5, [[0, 0]], None),
    ("count_diagonal", 0, [[0, 8, 0, 8]], [[8, 0], [0, 8]]),
    ("count_diagonal", 1, [[8, 0, 0], [0, 8, 0], [0, 0, 0], [0, 8, 8]], [[8, 0], [0, 8]]),
    ("count_diagonal", 0, [[0]], None),
    # 1 has 3 cells, 2 has 2, 3 has 1; centres: 1 at column 1/3, 3 at 1, 2 at 2 (a left-to-right spread)
    ("colour_list", 0, [[1, 1, 2, 0], [1, 3, 2, 0]], [[1], [2], [3]]),
    ("colour_list", 1, [[1, 1, 2, 0], [1, 3, 2, 0]], [[1, 2, 3]]),
    ("colour_list", 4, [[1, 1, 2, 0], [1, 3, 2, 0]], [[3], [2], [1]]),
    ("colour_list", 5, [[1, 1, 2, 0], [1, 3, 2, 0]], [[3, 2, 1]]),
    ("colour_list", 8, [[1, 1, 2, 0], [1, 3, 2, 0]], [[1, 3, 2]]),
    ("colour_list", 10, [[1, 1, 2, 0], [1, 3, 2, 0]], [[1, 3, 2, 0]]),
    ("colour_list", 8, [[4, 4], [0, 0], [6, 6], [5, 5]], [[4], [6], [5]]),  # top to bottom: a column
    ("colour_list", 0, [[1, 2, 0]], None),  # 1 and 2 tie on cells
    ("colour_list", 8, [[0, 7, 7]], None),  # one colour: no list
    # colour 0 (5 cells) counts as a colour: its column is empty but sets the height
    ("colour_histogram", 0, [[0, 0, 5], [0, 0, 5], [6, 5, 0]], [[0, 5, 6], [0, 5, 0], [0, 5, 0], [0, 0, 0], [0, 0, 0]]),
    ("colour_histogram", 1, [[0, 0, 5], [0, 0, 5], [6, 5, 0]], [[5, 6], [5, 0], [5, 0]]),
    ("colour_histogram", 1, [[0, 5, 6]], None),  # 5 and 6 tie
    # the two largest objects (3 cells each), left one first, as columns 3 tall; the pair of 1s is not
    ("largest_columns", 0, [[0, 4, 0, 2, 2], [0, 4, 0, 0, 2], [0, 4, 0, 0, 0], [1, 1, 0, 0, 0]],
     [[4, 2], [4, 2], [4, 2]]),
    ("largest_columns", 0, [[0, 0], [0, 0]], None),
    ("colour_histogram", 1, [[0, 5, 5]], None),  # one non-zero colour
    # a run of two on a row of 6 grows to 3 rows; an odd width, a gap in the run, a run not at the edge
    ("staircase", 0, [[4, 4, 0, 0, 0, 0]], [[4, 4, 0, 0, 0, 0], [4, 4, 4, 0, 0, 0], [4, 4, 4, 4, 0, 0]]),
    ("staircase", 0, [[4, 0, 0, 0, 0]], None),
    ("staircase", 0, [[4, 0, 4, 0]], None),
    ("staircase", 0, [[0, 4, 0, 0]], None),
    ("staircase", 0, [[4, 4, 4, 4]], None),  # the second row would not fit
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_count", *case)
