"""Cases for the shapes kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    ('self_kron', 0, [[1, 0], [0, 2]], [[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2]]),
    ('self_kron', 1, [[1, 0], [0, 2]], [[0, 0, 1, 0], [0, 0, 0, 2], [1, 0, 0, 0], [0, 2, 0, 0]]),
    ('self_kron', 2, [[1, 1], [0, 2]], [[1, 1, 1, 1], [0, 2, 0, 2], [0, 0, 0, 0], [0, 0, 0, 0]]),
    ('self_kron', 0, [[1, 1, 1, 1, 1, 1]], None),
    # pattern on the left, a one-colour mask on the right
    ('halves_kron', 0, [[1, 2, 5, 0], [3, 0, 5, 5]], [[1, 0, 2, 0], [1, 1, 2, 2], [3, 0, 0, 0], [3, 3, 0, 0]]),
    ('halves_kron', 1, [[1, 2, 5, 0], [3, 0, 5, 5]], [[1, 2, 0, 0], [3, 0, 0, 0], [1, 2, 1, 2], [3, 0, 3, 0]]),
    # stacked, with a middle line dropped; the mask on top
    ('halves_kron', 0, [[5, 5], [0, 5], [8, 8], [1, 2], [0, 3]],
     [[1, 1, 2, 2], [0, 1, 0, 2], [0, 0, 3, 3], [0, 0, 0, 3]]),
    ('halves_kron', 0, [[1, 2], [3, 5]], None),  # square
    ('halves_kron', 0, [[1, 0, 2, 2]], None),  # both halves one colour
    ('fill_enclosed_by_size', 0, [[2, 2, 2, 0], [2, 0, 2, 0], [2, 2, 2, 0]],
     [[2, 2, 2, 0], [2, 1, 2, 0], [2, 2, 2, 0]]),
    ('fill_enclosed_by_size', 0, [[1, 0], [0, 1]], None),
    ('recolour_holed', 0, [[1, 1, 1, 0, 2], [1, 0, 1, 0, 2], [1, 1, 1, 0, 0]],
     [[9, 9, 9, 0, 2], [9, 0, 9, 0, 2], [9, 9, 9, 0, 0]]),
    ('object_boxes', 0, [[1, 0, 0], [0, 1, 0], [0, 0, 0]], [[1, 9, 0], [9, 1, 0], [0, 0, 0]]),
    ('object_boxes', 1, [[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[9, 9, 9], [9, 1, 9], [9, 9, 9]]),
    ('largest_rect', 0, [[1, 1, 0], [1, 1, 2], [0, 2, 2]], [[1, 1, 0], [1, 1, 0], [0, 0, 0]]),
    ('largest_rect', 1, [[3, 1, 1], [0, 1, 1], [0, 0, 0]], [[1, 1], [1, 1]]),
    ('largest_rect', 0, [[1, 0], [0, 1]], None),
    ('largest_rect', 2, [[0, 0, 0, 1], [0, 0, 0, 1], [1, 1, 0, 0]], [[9, 9, 9, 1], [9, 9, 9, 1], [1, 1, 0, 0]]),
    ('largest_rect', 2, [[0, 0, 1, 0, 0], [0, 0, 1, 0, 0]], None),  # two empty squares tie
    # the first empty square in reading order is taken; the squares that overlap it are not
    ('zero_squares', 2, [[1, 0, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0], [5, 1, 1, 1]],
     [[1, 9, 9, 0], [1, 9, 9, 0], [1, 1, 0, 0], [5, 1, 1, 1]]),
    ('zero_squares', 3, [[0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 0], [1, 0, 0, 0]],
     [[9, 9, 9, 1], [9, 9, 9, 1], [9, 9, 9, 0], [1, 0, 0, 0]]),
    ('zero_squares', 2, [[0, 1], [0, 0]], None),
    ('denoise_colour', 0, [[1, 1, 1], [1, 3, 1], [0, 0, 0]], [[1, 1, 1], [1, 1, 1], [0, 0, 0]]),
    ('denoise_colour', 0, [[1, 1], [0, 0]], None),
    ('edge_extend', 0, [[1, 2], [3, 4]], [[0, 1, 2, 0], [1, 1, 2, 2], [3, 3, 4, 4], [0, 3, 4, 0]]),
    ('inset', 0, [[1, 1, 1], [1, 2, 1], [1, 1, 1]], [[2]]),
    ('inset', 0, [[1, 1], [1, 1]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_shapes", *case)
