"""Cases for the stamp kernels: (kernel name, param, input rows, expected rows or None)."""

import pytest

from tests.dsl.cases import check

# a 2 x 2 template holding one 5 (its anchor), and a marker of colour 5
ANCHORED = [[1, 2, 0, 0, 0, 0, 0],
            [5, 2, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 5, 0],
            [0, 0, 0, 0, 0, 0, 0]]
BLOCKS = [[1, 2, 0, 0, 0],
          [3, 4, 0, 0, 0],
          [0, 0, 0, 8, 8],
          [0, 0, 0, 8, 8]]
CENTRED = [[0, 2, 0, 0, 0, 0],
           [2, 1, 3, 0, 0, 0],
           [0, 3, 0, 0, 0, 0],
           [0, 0, 0, 0, 0, 0],
           [0, 0, 0, 0, 6, 0],
           [0, 0, 0, 0, 0, 0]]

# two templates ({8 6 8} crossed, {1 . 1 / . 3 . / 1 . 1}) and partial copies of each: a lone 6, a
# ring of 8s, four 1s at the corners; a lone 3 at the edge has no room for its corners
PARTIAL = [[0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
           [8, 6, 8, 0, 0, 6, 0, 0, 0, 0, 3, 0],
           [0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
           [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 8, 0, 0, 0, 1, 0, 1, 0, 0, 0],
           [0, 8, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 8, 0, 0, 0, 1, 0, 1, 0, 0, 3]]

CORNER = [[1, 2, 0, 0], [3, 4, 0, 0], [0, 0, 5, 5], [0, 0, 5, 5]]

TWIN = [[2, 2, 2, 2, 0, 0, 0, 0],
        [2, 3, 3, 2, 0, 0, 0, 0],
        [2, 2, 2, 2, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 3, 3, 0],
        [0, 0, 0, 0, 0, 0, 0, 0]]

# an L of 5s (3 cells) and a 2-cell marker of 2s to its right: copies go right in colour 2
RIGHT = [[5, 5, 0, 2, 0, 0, 0, 0, 0, 0],
         [5, 0, 0, 2, 0, 0, 0, 0, 0, 0]]
# a diamond of 5s and a 3 off its lower right corner: the first copy that covers the 3 without
# landing on the diamond is 2 steps down and right
DIAGONAL = [[0, 5, 0, 0, 0, 0],
            [5, 0, 5, 0, 0, 0],
            [0, 5, 0, 3, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0]]

CASES = [
    ("complete_templates", 0, PARTIAL, [[0, 8, 0, 0, 0, 8, 0, 0, 0, 1, 0, 1],
                                        [8, 6, 8, 0, 8, 6, 8, 0, 0, 0, 3, 0],
                                        [0, 8, 0, 0, 0, 8, 0, 0, 0, 1, 0, 1],
                                        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                        [0, 0, 8, 0, 0, 0, 1, 0, 1, 0, 0, 0],
                                        [0, 8, 6, 8, 0, 0, 0, 3, 0, 0, 0, 0],
                                        [0, 0, 8, 0, 0, 0, 1, 0, 1, 0, 0, 3]]),
    ("complete_templates", 0, [[0, 8, 0], [8, 6, 8], [0, 8, 0]], None),  # nothing partial
    ("complete_templates", 0, [[1, 0, 2, 0, 1]], None),  # no object has two colours

    ("stamp", 0, ANCHORED, [[1, 2, 0, 0, 0, 0, 0],
                            [5, 2, 0, 0, 0, 0, 0],
                            [0, 0, 0, 0, 0, 0, 0],
                            [0, 0, 0, 0, 0, 1, 2],
                            [0, 0, 0, 0, 0, 5, 2],
                            [0, 0, 0, 0, 0, 0, 0]]),
    ("stamp", 1, BLOCKS, [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 2], [0, 0, 0, 3, 4]]),
    ("stamp", 0, CENTRED, [[0, 2, 0, 0, 0, 0],
                           [2, 1, 3, 0, 0, 0],
                           [0, 3, 0, 0, 0, 0],
                           [0, 0, 0, 0, 2, 0],
                           [0, 0, 0, 2, 1, 3],
                           [0, 0, 0, 0, 3, 0]]),
    ("stamp", 0, [[1, 0, 2]], None),  # no object has two colours
    ("stamp", 0, [[1, 2, 0, 3, 4]], None),  # two templates tie
    ("stamp", 0, [[1, 2, 0, 3, 3, 3]], None),  # a marker of another size: nothing stamped
    # a block touching the template at a corner: 8-connected it joins the template (nothing to
    # stamp); 4-connected it is a marker, and with p & 1 the template goes
    ("stamp", 1, CORNER, None),
    ("stamp", 2, CORNER, [[1, 2, 0, 0], [3, 4, 0, 0], [0, 0, 1, 2], [0, 0, 3, 4]]),
    ("stamp", 3, CORNER, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 2], [0, 0, 3, 4]]),
    # the frame's inside (3 3) has one twin elsewhere: it gets a copy of the frame
    ("frame_to_twin", 0, TWIN, [[2, 2, 2, 2, 0, 0, 0, 0],
                                [2, 3, 3, 2, 0, 0, 0, 0],
                                [2, 2, 2, 2, 2, 2, 2, 2],
                                [0, 0, 0, 0, 2, 3, 3, 2],
                                [0, 0, 0, 0, 2, 2, 2, 2]]),
    # two twins, or none: n/a
    ("frame_to_twin", 0, [r[:] for r in TWIN[:4]] + [[0, 3, 3, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]], None),
    ("frame_to_twin", 0, [[2, 2, 2, 2, 0], [2, 3, 3, 2, 0], [2, 2, 2, 2, 0], [0, 0, 0, 0, 0]], None),
    # the step covers the marker (here 3, as the box plus a gap of 1), or is the box plus a gap;
    # copies paint zero cells only and are clipped at the edge
    ("repeat_toward", 0, RIGHT, [[5, 5, 0, 2, 2, 0, 2, 2, 0, 2], [5, 0, 0, 2, 0, 0, 2, 0, 0, 2]]),
    ("repeat_toward", 3, RIGHT, [[5, 5, 0, 2, 2, 0, 2, 2, 0, 2], [5, 0, 0, 2, 0, 0, 2, 0, 0, 2]]),
    ("repeat_toward", 2, RIGHT, [[5, 5, 2, 2, 2, 2, 2, 2, 2, 2], [5, 0, 2, 2, 2, 0, 2, 0, 2, 0]]),
    ("repeat_toward", 1, RIGHT, [[5, 5, 2, 2, 2, 2, 2, 2, 2, 2], [5, 2, 2, 2, 2, 2, 2, 2, 2, 2]]),
    ("repeat_toward", 0, DIAGONAL, [[0, 5, 0, 0, 0, 0],
                                    [5, 0, 5, 0, 0, 0],
                                    [0, 5, 0, 3, 0, 0],
                                    [0, 0, 3, 0, 3, 0],
                                    [0, 0, 0, 3, 0, 3],
                                    [0, 0, 0, 0, 3, 0]]),
    ("repeat_toward", 0, [[5, 5, 0, 3, 3]], None),  # the marker is as large as the template
    ("repeat_toward", 3, [[5, 5, 5] + [0, 1] * 9], None),  # 9 markers: noise
    ("repeat_toward", 0, [[5, 0, 0, 0], [0, 0, 0, 0]], None),  # no marker
    ("repeat_toward", 0, [[5, 5, 5], [5, 3, 5], [5, 5, 5]], None),  # the marker is at the centre: no way
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_stamp", *case)
