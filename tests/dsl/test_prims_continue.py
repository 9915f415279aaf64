"""Cases for the continuation kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    # rows, smallest period: "1 2" repeats, so the row runs on; the empty row above stays empty
    ('extend_pattern', 0, [[0, 0, 0, 0, 0, 0], [1, 2, 1, 2, 0, 0]], [[0, 0, 0, 0, 0, 0], [1, 2, 1, 2, 1, 2]]),
    # the box's own zeros are part of the pattern: "2 . 2 2" has period 3, not 2
    ('extend_pattern', 0, [[2, 0, 2, 2, 0, 0, 0, 0]], [[2, 0, 2, 2, 0, 2, 2, 0]]),
    # rows, the box as the period
    ('extend_pattern', 3, [[1, 2, 3, 0, 0, 0, 0]], [[1, 2, 3, 1, 2, 3, 1]]),
    # columns, smallest period: two equal rows repeat as one
    ('extend_pattern', 1, [[0, 0], [3, 4], [3, 4], [0, 0]], [[3, 4], [3, 4], [3, 4], [3, 4]]),
    # columns, the box as the period, in phase with where the band stands
    ('extend_pattern', 4, [[0, 0], [0, 0], [5, 6], [7, 8], [0, 0]], [[5, 6], [7, 8], [5, 6], [7, 8], [5, 6]]),
    # both ways: a 2 x 2 period inside a 2 x 3 box
    ('extend_pattern', 2, [[1, 2, 1, 0], [2, 1, 2, 0], [0, 0, 0, 0]], [[1, 2, 1, 2], [2, 1, 2, 1], [1, 2, 1, 2]]),
    ('extend_pattern', 5, [[3, 0, 0], [0, 0, 0]], [[3, 3, 3], [3, 3, 3]]),
    ('extend_pattern', 0, [[0, 0], [0, 0]], None),  # nothing to continue
    # mirror left-right about column 3, where the most cells agree
    ('complete_symmetry', 0, [[0, 3, 1, 0, 1, 0, 0]], [[0, 3, 1, 0, 1, 3, 0]]),
    ('complete_symmetry', 1, [[4, 0], [0, 0], [4, 5], [0, 0]], [[4, 5], [0, 0], [4, 5], [0, 0]]),
    ('complete_symmetry', 2, [[1, 0, 0], [0, 5, 0], [0, 0, 0]], [[1, 0, 1], [0, 5, 0], [1, 0, 1]]),
    ('complete_symmetry', 3, [[1, 2, 0]], [[1, 2, 1]]),  # a half turn about 2 (about 1, 2 would leave the grid)
    # a quarter turn about the centre cell (the only centre whose images stay on whole cells in the grid)
    ('complete_symmetry', 4, [[0, 1, 0], [0, 2, 0], [0, 0, 0]], [[0, 1, 0], [1, 2, 1], [0, 1, 0]]),
    ('complete_symmetry', 5, [[1, 2]], None),  # no centre keeps every image in the grid
    ('complete_symmetry', 5, [[0, 0], [0, 0]], None),
    # about a pivot: 2 is symmetric on its own, so 1 is mirrored both ways about it
    ('complete_symmetry', 8, [[1, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
     [[1, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 1]]),
    ('complete_symmetry', 6, [[1, 0, 2, 0, 0]], [[1, 0, 2, 0, 1]]),  # about 1, 2 would leave the grid
    ('complete_symmetry', 7, [[1], [0], [2], [0], [0]], [[1], [0], [2], [0], [1]]),
    ('complete_symmetry', 10, [[1, 0, 0], [0, 2, 0], [0, 0, 0]], [[1, 0, 1], [0, 2, 0], [1, 0, 1]]),
    ('complete_symmetry', 11, [[0, 1, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
     [[0, 1, 0, 1, 0], [1, 0, 0, 0, 1], [0, 0, 2, 0, 0], [1, 0, 0, 0, 1], [0, 1, 0, 1, 0]]),
    # a half turn about the pivot 3
    ('complete_symmetry', 9, [[1, 2, 0], [0, 3, 0], [0, 0, 0]], [[1, 2, 0], [0, 3, 0], [0, 2, 1]]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_continue", *case)
