"""Cases for the lines kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    ('line_majority', 0, [[1, 1, 2], [3, 0, 0]], [[1, 1, 1], [0, 0, 0]]),
    ('line_majority', 1, [[1, 1, 2], [3, 1, 2], [0, 0, 0]], [[0, 1, 2], [0, 1, 2], [0, 1, 2]]),
    ('mark_uniform_lines', 0, [[1, 1, 1], [1, 2, 1], [3, 3, 3]], [[9, 9, 9], [0, 0, 0], [9, 9, 9]]),
    ('mark_uniform_lines', 1, [[1, 1, 1], [1, 2, 1], [1, 3, 3]], [[9, 0, 0], [9, 0, 0], [9, 0, 0]]),
    ('fill_empty_lines', 0, [[1, 0, 1], [0, 0, 0], [1, 0, 1]], [[1, 0, 1], [9, 9, 9], [1, 0, 1]]),
    ('fill_empty_lines', 1, [[1, 0, 1], [0, 0, 0], [1, 0, 1]], [[1, 9, 1], [0, 9, 0], [1, 9, 1]]),
    ('fill_empty_lines', 2, [[1, 0, 1], [0, 0, 0], [1, 0, 1]], [[1, 9, 1], [9, 9, 9], [1, 9, 1]]),
    ('fill_empty_lines', 2, [[1, 1], [1, 1]], None),
    # walls: the zeros between coloured runs at both ends; a line with colour in its middle is not empty
    # (a shorter span, like row 2's, is a gap in the frame's edge and stays)
    ('fill_empty_lines', 3, [[2, 2, 2, 2], [8, 0, 0, 2], [8, 0, 2, 2], [8, 8, 8, 8]],
     [[2, 2, 2, 2], [8, 9, 9, 2], [8, 0, 2, 2], [8, 8, 8, 8]]),
    ('fill_empty_lines', 4, [[2, 2, 2, 2], [8, 0, 0, 2], [8, 0, 2, 2], [8, 8, 8, 8]],
     [[2, 2, 2, 2], [8, 9, 0, 2], [8, 9, 2, 2], [8, 8, 8, 8]]),
    ('fill_empty_lines', 3, [[1, 0, 1, 0, 1]], None),
    ('fill_empty_lines', 5, [[0, 0], [0, 3]], [[9, 9], [9, 3]]),
    ('fill_empty_lines', 0, [[0, 0], [0, 3]], [[9, 9], [0, 3]]),  # without walls: only the all-zero row
    ('split_reduce', 0, [[0, 1, 5, 0, 0], [2, 2, 5, 0, 3], [5, 5, 5, 5, 5], [0, 0, 5, 0, 0]], [[2, 3], [0, 0]]),
    ('split_reduce', 1, [[0, 1, 5, 0, 0], [2, 2, 5, 0, 3], [5, 5, 5, 5, 5], [0, 0, 5, 0, 0]], [[3, 1], [0, 0]]),
    ('split_reduce', 0, [[1, 2], [3, 4]], None),
    ('bridge', 0, [[1, 0, 0, 1], [2, 0, 3, 0]], [[1, 9, 9, 1], [2, 0, 3, 0]]),
    ('bridge', 1, [[1, 0], [0, 0], [1, 2]], [[1, 0], [9, 0], [1, 2]]),
    ('bridge', 2, [[1, 0, 1], [0, 0, 0], [1, 0, 0]], [[1, 9, 1], [9, 0, 0], [1, 0, 0]]),
    ('bridge', 3, [[1, 0, 0], [0, 0, 0], [0, 0, 1]], [[1, 0, 0], [0, 9, 0], [0, 0, 1]]),
    ('bridge', 0, [[1, 2]], None),
    ('rays_to_target', 0, [[1, 0, 0], [0, 0, 0], [2, 2, 0], [2, 2, 0]], [[1, 0, 0], [1, 0, 0], [2, 2, 0], [2, 2, 0]]),
    ('rays_to_target', 1, [[1, 0, 2], [0, 0, 0], [1, 0, 0]], [[1, 1, 2], [0, 0, 0], [1, 0, 0]]),
    ('header_recolour', 0, [[2, 0, 5, 5], [3, 5, 0, 5]], [[2, 0, 2, 2], [3, 3, 0, 3]]),
    ('header_recolour', 1, [[2, 3], [5, 5], [0, 5]], [[2, 3], [2, 3], [0, 3]]),
    # a 2 x 2 block with a diagonal tail, and a horizontal tail of colour 2
    ('extend_tails', 0, [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]],
     [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]),
    ('extend_tails', 1, [[2, 2, 0, 0], [0, 0, 0, 0]], [[2, 2, 2, 2], [0, 0, 0, 0]]),
    ('extend_tails', 1, [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]], None),  # a diagonal tail only
    ('extend_tails', 2, [[3, 0, 0], [0, 3, 0], [0, 0, 0]], [[3, 0, 0], [0, 3, 0], [0, 0, 3]]),
    ('span_rect', 0, [[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1], [2, 0, 0, 0]],
     [[0, 1, 1, 1], [0, 1, 1, 1], [0, 1, 1, 1], [2, 0, 0, 0]]),
    ('span_rect', 1, [[1, 0, 0], [0, 0, 0], [0, 0, 1]], [[1, 1, 1], [1, 0, 1], [1, 1, 1]]),
    ('span_rect', 0, [[1, 1, 1]], None),  # three cells of colour 1: no pair
    # each row turned inside out in its commonest colour; an empty row stays empty
    ("line_complement", 0, [[6, 6, 0, 7], [0, 0, 0, 0], [0, 4, 4, 2]], [[0, 0, 6, 6], [0, 0, 0, 0], [4, 0, 0, 4]]),
    ("line_complement", 1, [[6, 0], [6, 4], [0, 4]], [[0, 4], [0, 0], [6, 0]]),
    ("line_complement", 0, [[0, 0], [0, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_lines", *case)
