"""Cases for the flood kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

CASES = [
    # a 3 and a 2 at the end of a corridor between walls of 8: the corridor takes 2, 3, 2... outward
    # from them; the pocket on the far side of the wall is not reached and stays empty
    ("alternate_flood", 0, [[8, 8, 8, 8, 8, 8],
                            [3, 2, 0, 0, 0, 8],
                            [8, 8, 8, 8, 0, 8],
                            [0, 0, 8, 0, 0, 8]],
     [[8, 8, 8, 8, 8, 8],
      [3, 2, 3, 2, 3, 8],
      [8, 8, 8, 8, 2, 8],
      [0, 0, 8, 2, 3, 8]]),
    # two colours only: no walls to tell the seeds from; a seed walled in: nothing reached
    ("alternate_flood", 0, [[1, 2, 0], [0, 0, 0]], None),
    # walls of 0 and corridors of 1 (the numbering when walls are the commonest colour)
    ("alternate_flood", 1, [[0, 0, 0, 0], [4, 3, 1, 1], [0, 0, 0, 1]], [[0, 0, 0, 0], [4, 3, 4, 3], [0, 0, 0, 4]]),
    ("alternate_flood", 0, [[5, 5, 5], [5, 1, 5], [5, 5, 2]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_flood", *case)
