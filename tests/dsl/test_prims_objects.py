"""Cases for the object kernels: (kernel name, param, input rows, expected rows or None).
Object params: p = selector * 4 + diag * 2 + multi (see solvers/dsl/prims_objects.py)."""


import pytest

from tests.dsl.cases import check

MOD = "solvers.dsl.prims_objects"
M8, S4, M4, S8 = 3, 0, 1, 2  # connectivity bits: conn8 multi, conn4 single, conn4 multi, conn8 single
LARGEST, SMALLEST, UCOL, USHAPE, MOSTC, BORDER, INNER, TOP, BOTTOM, LEFT, RIGHT, HOLED, MOST_OF = range(13)

A = [[1, 1, 0, 0, 0, 2],
     [1, 1, 0, 3, 0, 0],
     [0, 0, 0, 3, 3, 0],
     [4, 0, 0, 0, 0, 0]]
SHAPES = [[5, 5, 0, 5, 0, 5],
          [0, 0, 0, 5, 0, 5]]
COLOURS = [[5, 5, 0, 5, 5, 0, 2],
           [0, 0, 0, 0, 0, 0, 2],
           [5, 5, 0, 0, 0, 0, 0]]
TWO = [[0, 0, 0, 0],
       [0, 7, 0, 0],
       [0, 0, 0, 8]]
DIAG = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
MIXED = [[1, 1, 2], [0, 0, 0], [3, 0, 0]]
SIZES = [[5, 5, 5, 0, 5],
         [0, 0, 0, 0, 5],
         [5, 0, 5, 0, 0]]

CASES = [
    # selectors, conn8 multi
    ("crop_object", LARGEST * 4 + M8, A, [[1, 1], [1, 1]]),
    ("crop_object", SMALLEST * 4 + M8, A, None),  # two single cells tie
    ("crop_object", SMALLEST * 4 + M8, MIXED, [[3]]),
    ("crop_object", UCOL * 4 + M8, A, None),  # every colour is unique
    ("crop_object", UCOL * 4 + M8, COLOURS, [[2], [2]]),
    ("crop_object", USHAPE * 4 + M8, SHAPES, [[5, 5]]),
    ("crop_object", USHAPE * 4 + M8, [[5, 0, 5]], None),  # fewer than 3 objects
    ("crop_object", MOSTC * 4 + M8, [[1, 2, 0, 3], [0, 0, 0, 3]], [[1, 2]]),
    ("crop_object", MOSTC * 4 + S4, [[1, 2, 0, 3], [0, 0, 0, 3]], None),
    ("crop_object", BORDER * 4 + M8, A, None),
    ("crop_object", BORDER * 4 + M8, TWO, [[8]]),
    ("crop_object", INNER * 4 + M8, A, [[3, 0], [3, 3]]),
    ("crop_object", INNER * 4 + M8, TWO, [[7]]),
    ("crop_object", TOP * 4 + M8, A, None),
    ("crop_object", TOP * 4 + M8, TWO, [[7]]),
    ("crop_object", BOTTOM * 4 + M8, A, [[4]]),
    ("crop_object", LEFT * 4 + M8, A, None),
    ("crop_object", LEFT * 4 + M8, TWO, [[7]]),
    ("crop_object", RIGHT * 4 + M8, A, [[2]]),
    # the object with the most 2s is the smaller one; no 3 anywhere is a tie at zero
    ("crop_object", (MOST_OF + 1) * 4 + M8, [[1, 1, 1, 0, 1, 2], [1, 2, 1, 0, 2, 2]], [[1, 2], [2, 2]]),
    ("crop_object", MOST_OF * 4 + M8, [[1, 1, 1, 0, 1, 2], [1, 2, 1, 0, 2, 2]], [[1, 1, 1], [1, 2, 1]]),
    ("crop_object", (MOST_OF + 2) * 4 + M8, [[1, 1, 1, 0, 1, 2], [1, 2, 1, 0, 2, 2]], None),
    ("crop_object", LARGEST * 4 + M8, [[0, 0], [0, 0]], None),
    # connectivity bits
    ("crop_object", LARGEST * 4 + S8, DIAG, DIAG),
    ("crop_object", LARGEST * 4 + S4, DIAG, None),
    ("crop_object", LARGEST * 4 + S4, MIXED, [[1, 1]]),
    ("crop_object", LARGEST * 4 + M4, MIXED, [[1, 1, 2]]),
    ("crop_object", TOP * 4 + S4, MIXED, None),
    ("crop_object", SMALLEST * 4 + S4, [[1, 1, 2], [0, 0, 0], [3, 3, 0]], [[2]]),
    ("crop_object", UCOL * 4 + S4, [[1, 1, 2], [0, 0, 0], [1, 0, 0]], [[2]]),
    ("crop_object", UCOL * 4 + M8, [[1, 1, 2], [0, 0, 0], [1, 0, 0]], None),  # dominant colours 1, 1
    ("crop_object", BOTTOM * 4 + S4, MIXED, [[3]]),
    ("crop_object", LARGEST * 4 + M8, [[1, 0, 0], [0, 2, 2], [0, 2, 9]], [[1, 0, 0], [0, 2, 2], [0, 2, 9]]),
    ("crop_object", LARGEST * 4 + M8, [[3, 3, 0], [0, 0, 0], [0, 2, 2], [2, 2, 2]], [[0, 2, 2], [2, 2, 2]]),
    # the only object with a hole (a cell of its box it encloses)
    ("crop_object", HOLED * 4 + M8, [[1, 1, 1, 0, 2], [1, 0, 1, 0, 2], [1, 1, 1, 0, 0]],
     [[1, 1, 1], [1, 0, 1], [1, 1, 1]]),
    ("crop_object", HOLED * 4 + M8, [[1, 1, 0, 2], [1, 0, 0, 2]], None),  # an open corner is not a hole
    ("crop_object", HOLED * 4 + S4, [[3, 3, 3], [3, 0, 3], [3, 3, 3], [0, 0, 0], [4, 4, 4], [4, 0, 4], [4, 4, 4]],
     None),  # two holed objects
    ("keep_object", HOLED * 4 + M8, [[0, 5, 0, 0, 0], [5, 0, 5, 0, 0], [0, 5, 0, 0, 2]],
     [[0, 5, 0, 0, 0], [5, 0, 5, 0, 0], [0, 5, 0, 0, 0]]),
    # keep in place
    ("keep_object", LARGEST * 4 + M8, A, [[1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0], [0] * 6, [0] * 6]),
    ("keep_object", UCOL * 4 + M8, COLOURS, [[0, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 2], [0] * 7]),
    ("keep_object", USHAPE * 4 + M8, SHAPES, [[5, 5, 0, 0, 0, 0], [0] * 6]),
    ("keep_object", INNER * 4 + M8, TWO, [[0, 0, 0, 0], [0, 7, 0, 0], [0, 0, 0, 0]]),
    ("keep_object", SMALLEST * 4 + M8, A, None),
    # denoise: p = min size * 4 + connectivity bits
    ("denoise", 2 * 4 + M8, [[1, 0, 0, 2], [1, 0, 0, 0], [0, 0, 3, 0]],
     [[1, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]),
    ("denoise", 3 * 4 + M8, [[1, 0, 0, 2], [1, 0, 0, 0], [0, 0, 3, 0]], [[0] * 4, [0] * 4, [0] * 4]),
    ("denoise", 3 * 4 + M8, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    ("denoise", 2 * 4 + S4, [[1, 2], [0, 0]], [[0, 0], [0, 0]]),
    ("denoise", 2 * 4 + M4, [[1, 2], [0, 0]], [[1, 2], [0, 0]]),
    ("denoise", 2 * 4 + M8, [[0, 0]], None),
    ("denoise", 3 * 4 + S4, [[1, 1, 1, 0], [0, 0, 0, 2], [0, 0, 2, 0]], [[1, 1, 1, 0], [0] * 4, [0] * 4]),
    # recolour by size rank: p = (0 desc / 1 asc) * 4 + connectivity bits
    ("recolour_by_size", 0 * 4 + S8, SIZES, [[1, 1, 1, 0, 2], [0, 0, 0, 0, 2], [3, 0, 3, 0, 0]]),
    ("recolour_by_size", 1 * 4 + S8, SIZES, [[3, 3, 3, 0, 2], [0, 0, 0, 0, 2], [1, 0, 1, 0, 0]]),
    ("recolour_by_size", 0 * 4 + S8, [[5, 0, 0], [0, 5, 0], [0, 0, 0], [5, 0, 0]],
     [[1, 0, 0], [0, 1, 0], [0, 0, 0], [2, 0, 0]]),
    ("recolour_by_size", 0 * 4 + S4, [[5, 0, 0], [0, 5, 0], [0, 0, 0], [5, 0, 0]],
     [[1, 0, 0], [0, 1, 0], [0, 0, 0], [1, 0, 0]]),
    ("recolour_by_size", 0 * 4 + S4, [[0]], None),
    # per object, in its own box: p = symmetry * 4 + connectivity bits (4 lr, 5 ud, 2 rot180, 6 transpose)
    ("per_object", 4 * 4 + M8, [[1, 2, 0, 0], [1, 0, 0, 3], [0, 0, 0, 3]], [[2, 1, 0, 0], [0, 1, 0, 3], [0, 0, 0, 3]]),
    ("per_object", 5 * 4 + M8, [[1, 2, 0, 0], [1, 0, 0, 3], [0, 0, 0, 4]], [[1, 0, 0, 0], [1, 2, 0, 4], [0, 0, 0, 3]]),
    ("per_object", 2 * 4 + M8, [[1, 2, 0], [1, 0, 0], [0, 0, 0]], [[0, 1, 0], [2, 1, 0], [0, 0, 0]]),
    ("per_object", 6 * 4 + M8, [[1, 2, 0], [1, 0, 0], [0, 0, 0]], [[1, 1, 0], [2, 0, 0], [0, 0, 0]]),
    ("per_object", 6 * 4 + M8, [[1, 2, 2], [0, 0, 0]], None),  # a 1 x 3 box cannot be transposed in place
    ("per_object", 4 * 4 + S4, [[1, 2, 0], [1, 0, 0]], [[1, 2, 0], [1, 0, 0]]),  # single colours: each its own box
    ("per_object", 4 * 4 + M8, [[0, 0]], None),
    ("per_object", 5 * 4 + S4, [[1, 1, 0], [1, 0, 2]], [[1, 0, 0], [1, 1, 2]]),  # conn8 multi would take the 2 along
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check(MOD, *case)
