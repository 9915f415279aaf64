"""Cases for the size kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

G = [[1, 2, 3], [4, 5, 6]]

CASES = [
    ("upscale", 22, [[1, 2]], [[1, 1, 2, 2], [1, 1, 2, 2]]),
    ("upscale", 33, [[1], [2]], [[1, 1, 1], [1, 1, 1], [1, 1, 1], [2, 2, 2], [2, 2, 2], [2, 2, 2]]),
    ("upscale", 44, [[7]], [[7] * 4] * 4),
    ("upscale", 12, G, [[1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 6, 6]]),
    ("upscale", 21, G, [[1, 2, 3], [1, 2, 3], [4, 5, 6], [4, 5, 6]]),
    ("upscale", 22, [[1] * 16], None),
    ("downscale", 20, [[1, 2, 3, 4], [5, 6, 7, 8]], [[1, 3]]),
    ("downscale", 30, [[1, 0, 0], [0, 0, 0], [0, 0, 2]], [[1]]),
    ("downscale", 21, [[1, 0, 2, 2], [1, 1, 0, 2]], [[1, 2]]),
    ("downscale", 31, [[1, 0, 2], [0, 2, 2], [0, 2, 2]], [[2]]),
    ("downscale", 21, [[1, 0, 0], [0, 0, 0]], None),
    ("downscale_auto", 0, [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 0, 0], [3, 3, 0, 0]], [[1, 2], [3, 0]]),
    ("downscale_auto", 0, [[1, 1, 1, 2, 2, 2]], [[1, 2]]),
    ("downscale_auto", 0, [[1, 2], [3, 4]], None),
    ("square_up", 0, [[1], [2], [3]], [[1, 1, 1], [2, 2, 2], [3, 3, 3]]),
    ("square_up", 0, [[4, 0]], [[4, 0], [4, 0]]),
    ("square_up", 0, [[5]], None),
    ("square_up", 0, [[1, 2], [3, 4]], None),
    ("pad", 0, [[1, 2]], [[0, 0, 0, 0], [0, 1, 2, 0], [0, 0, 0, 0]]),
    ("pad", 0, [[1] * 29], None),
    ("crop_colour", 10, [[0, 0, 0, 0], [0, 1, 0, 2], [0, 0, 3, 0]], [[1, 0, 2], [0, 3, 0]]),
    ("crop_colour", 3, [[0, 3, 0, 0], [0, 1, 0, 2], [0, 0, 3, 0]], [[3, 0], [1, 0], [0, 3]]),
    ("crop_colour", 10, [[0, 0]], None),
    # a speckled block of 5 in noise; a block of 0; a region whose stray tail is trimmed away
    # two full rows and two full columns: their box, lines included; noise outside goes
    ("crop_lines", 0, [[0, 3, 0, 0, 8, 2],
                       [1, 1, 1, 1, 1, 1],
                       [0, 3, 2, 0, 8, 0],
                       [2, 2, 2, 2, 2, 2],
                       [4, 3, 0, 0, 8, 0]], [[1, 1, 1, 1],
                                             [3, 2, 0, 8],
                                             [2, 2, 2, 2]]),
    # one full row only; the lines span the whole grid
    ("crop_lines", 0, [[1, 1, 1], [0, 2, 0], [0, 2, 0]], None),
    ("crop_lines", 0, [[1, 1, 1], [1, 0, 1], [1, 1, 1]], None),
    ("crop_speckled", 0, [[1, 2, 3, 1, 2], [3, 5, 5, 5, 1], [2, 5, 4, 5, 3], [1, 5, 5, 5, 2], [2, 3, 1, 3, 1]],
     [[5, 5, 5], [5, 4, 5], [5, 5, 5]]),
    ("crop_speckled", 0, [[1, 2, 1, 2], [2, 0, 0, 1], [1, 0, 3, 2], [2, 1, 2, 1]], [[0, 0], [0, 3]]),
    ("crop_speckled", 0, [[1, 1, 0, 0, 0], [0, 1, 1, 1, 0], [0, 1, 2, 1, 0], [0, 1, 1, 1, 0]],
     [[1, 1, 1], [1, 2, 1], [1, 1, 1]]),
    ("crop_speckled", 0, [[1, 2], [2, 1]], None),  # no largest region
    ("crop_speckled", 0, [[5, 5], [5, 4]], None),  # the box is the whole grid
    ("strip_border", 0, [[5, 5, 5, 5], [5, 1, 2, 5], [5, 5, 5, 5]], [[1, 2]]),
    ("strip_border", 0, [[0, 0, 0], [0, 1, 2], [0, 3, 0]], [[1, 2], [3, 0]]),
    ("strip_border", 0, [[5, 5, 5], [5, 0, 5], [5, 0, 1], [5, 5, 5]], [[0, 5], [0, 1]]),
    ("strip_border", 0, [[4, 4], [4, 4]], None),
    ("half", 0, [[1, 2, 3, 4, 5]], [[1, 2]]),
    ("half", 1, [[1, 2, 3, 4, 5]], [[4, 5]]),
    ("half", 2, [[1], [2], [3], [4]], [[1], [2]]),
    ("half", 3, [[1], [2], [3], [4]], [[3], [4]]),
    ("half", 0, [[1], [2]], None),
    ("third", 0, [[1, 2, 3, 4, 5, 6]], [[1, 2]]),
    ("third", 1, [[1, 2, 3, 4, 5, 6]], [[3, 4]]),
    ("third", 2, [[1, 5, 2, 5, 3]], [[3]]),  # 3n + 2: separators dropped
    ("third", 3, [[1], [2], [3]], [[1]]),
    ("third", 4, [[1], [2], [3]], [[2]]),
    ("third", 5, [[1], [2], [3]], [[3]]),
    ("third", 0, [[1, 2, 3, 4]], None),
    ("compress", 0, [[1, 1, 2], [1, 1, 2], [3, 3, 3], [1, 1, 2]], [[1, 2], [3, 3], [1, 2]]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_size", *case)
