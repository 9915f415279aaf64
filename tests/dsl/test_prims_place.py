"""Cases for the placement kernels: (kernel name, param, input rows, expected rows or None)."""

import numpy as np
import pytest

from solvers.dsl.prims_place import _scale, _turn
from tests.dsl.cases import check

# the template: a body of three 5s with anchors 1 and 2; turned a quarter clockwise it reads
# [[0, 5, 1], [2, 5, 5]]
TEMPLATE = [[1, 5, 0, 0, 0, 0, 0],
            [5, 5, 0, 0, 0, 0, 0],
            [0, 2, 0, 0, 0, 0, 0]]
# its two anchors alone, placed as the turned template's
ANCHORS = TEMPLATE + [[0] * 7, [0] * 7, [0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 2, 0, 0, 0]]
# its body and one anchor, turned: the 1 is missing
BODY = TEMPLATE + [[0] * 7, [0, 0, 0, 5, 0, 0, 0], [0, 0, 2, 5, 5, 0, 0]]
# the anchors as 2 x 2 blocks: a copy at twice the size
BLOCKS = TEMPLATE + [[0] * 7, [0, 0, 0, 1, 1, 0, 0], [0, 0, 0, 1, 1, 0, 0], [0] * 7, [0] * 7,
                     [0, 0, 0, 0, 0, 2, 2], [0, 0, 0, 0, 0, 2, 2]]
# the 2 anchor touches a 4-6 pair at a corner: 8-connected they make a second three-coloured object
# (a template with no body, whose cells no copy may use), 4-connected they stay apart
CORNER = ANCHORS + [[0, 6, 4, 0, 0, 0, 0]]
DIAGONAL = [[1, 5, 5, 0, 0],
            [0, 2, 5, 0, 0],
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [0, 1, 0, 5, 0],
            [0, 0, 2, 0, 0],
            [0, 0, 0, 0, 0]]

RIGHT = [[0, 0, 4, 2, 0, 0],
         [4, 4, 4, 2, 0, 0],
         [0, 0, 4, 2, 0, 0]]
TWO_SIDES = [[3, 1, 1, 0, 0, 0, 0],
             [0, 0, 1, 0, 0, 0, 0],
             [0, 0, 0, 0, 0, 6, 0],
             [0, 0, 0, 0, 6, 6, 0],
             [0, 0, 0, 0, 0, 7, 0]]

CASES = [
    ("place_templates", 0, ANCHORS, TEMPLATE + [[0] * 7, [0] * 7, [0, 0, 0, 0, 5, 1, 0], [0, 0, 0, 2, 5, 5, 0]]),
    ("place_templates", 1, ANCHORS, [[0] * 7] * 5 + [[0, 0, 0, 0, 5, 1, 0], [0, 0, 0, 2, 5, 5, 0]]),
    ("place_templates", 2, BODY, TEMPLATE + [[0] * 7, [0, 0, 0, 5, 1, 0, 0], [0, 0, 2, 5, 5, 0, 0]]),
    ("place_templates", 3, BODY, [[0] * 7] * 4 + [[0, 0, 0, 5, 1, 0, 0], [0, 0, 2, 5, 5, 0, 0]]),
    ("place_templates", 0, BLOCKS, TEMPLATE + [[0] * 7, [0, 0, 0, 1, 1, 5, 5], [0, 0, 0, 1, 1, 5, 5],
                                               [0, 0, 0, 5, 5, 5, 5], [0, 0, 0, 5, 5, 5, 5],
                                               [0, 0, 0, 0, 0, 2, 2], [0, 0, 0, 0, 0, 2, 2]]),
    ("place_templates", 0, CORNER, None),
    ("place_templates", 4, CORNER, TEMPLATE + [[0] * 7, [0] * 7, [0, 0, 0, 0, 5, 1, 0], [0, 0, 0, 2, 5, 5, 0],
                                               [0, 6, 4, 0, 0, 0, 0]]),
    ("place_templates", 5, CORNER, [[0] * 7] * 5 + [[0, 0, 0, 0, 5, 1, 0], [0, 0, 0, 2, 5, 5, 0],
                                                    [0, 6, 4, 0, 0, 0, 0]]),
    ("place_templates", 6, BODY, TEMPLATE + [[0] * 7, [0, 0, 0, 5, 1, 0, 0], [0, 0, 2, 5, 5, 0, 0]]),
    ("place_templates", 7, BODY, [[0] * 7] * 4 + [[0, 0, 0, 5, 1, 0, 0], [0, 0, 2, 5, 5, 0, 0]]),
    # the anchors 1 and 2 sit on a diagonal, so the template and its transpose both fit them; the 5
    # already in place says which (4-connected: 8-connected the marks would make one more template)
    ("place_templates", 4, DIAGONAL, [[1, 5, 5, 0, 0], [0, 2, 5, 0, 0], [0] * 5, [0] * 5,
                                      [0, 1, 5, 5, 0], [0, 0, 2, 5, 0], [0] * 5]),
    # without the 5 nothing says which: both are drawn
    ("place_templates", 4, DIAGONAL[:4] + [[0, 1, 0, 0, 0], [0, 0, 2, 0, 0], [0] * 5],
     [[1, 5, 5, 0, 0], [0, 2, 5, 0, 0], [0] * 5, [0] * 5, [0, 1, 5, 5, 0], [0, 5, 2, 5, 0], [0, 5, 5, 0, 0]]),
    ("place_templates", 0, TEMPLATE, None),  # nothing to complete
    ("place_templates", 0, [[1, 0, 2, 0, 1]], None),  # no object has two colours
    # the anchors' cells lie on another colour: no copy
    ("place_templates", 0, TEMPLATE + [[0] * 7, [0, 0, 0, 0, 3, 1, 0], [0, 0, 0, 2, 0, 0, 0]], None),
    # a marker column right of the body: the body is mirrored across its right side, over the marker
    ("mirror_to_marker", 0, RIGHT, [[0, 0, 4, 4, 0, 0], [4, 4, 4, 4, 4, 4], [0, 0, 4, 4, 0, 0]]),
    ("mirror_to_marker", 1, RIGHT, [[0, 0, 4, 2, 0, 0], [4, 4, 4, 2, 2, 2], [0, 0, 4, 2, 0, 0]]),
    # a marker above and one on the left, the mirror images clipped at the edge; a marker below
    ("mirror_to_marker", 0, [[0, 2, 0], [0, 5, 5], [0, 5, 0]], [[0, 5, 5], [0, 5, 5], [0, 5, 0]]),
    ("mirror_to_marker", 0, TWO_SIDES, [[1, 1, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 6, 0],
                                        [0, 0, 0, 0, 6, 6, 0], [0, 0, 0, 0, 6, 6, 0]]),
    ("mirror_to_marker", 0, [[5, 5, 0], [5, 5, 0], [0, 0, 2]], None),  # past a corner: no side
    ("mirror_to_marker", 0, [[1, 1], [0, 0]], None),  # one colour: no marker
    ("mirror_to_marker", 0, [[1, 2]], None),  # as many of each colour: no body
    ("mirror_to_marker", 0, [[1, 2, 1]], None),  # the marker inside the body's box
    # a block of 2 with a marker 5 at its top-right corner moves up and right, the marker joining it
    ("step_to_marker", 0, [[0, 0, 0, 0, 0],
                           [0, 2, 2, 5, 0],
                           [0, 2, 2, 2, 0],
                           [0, 2, 2, 2, 0],
                           [0, 0, 0, 0, 0]], [[0, 0, 2, 2, 2],
                                              [0, 0, 2, 2, 2],
                                              [0, 0, 2, 2, 2],
                                              [0, 0, 0, 0, 0],
                                              [0, 0, 0, 0, 0]]),
    # a marker in the middle of a side; a block that would leave the grid
    ("step_to_marker", 0, [[0, 0, 0, 0], [0, 2, 5, 2], [0, 2, 2, 2], [0, 0, 0, 0]], None),
    ("step_to_marker", 0, [[5, 2, 0], [2, 2, 0], [0, 0, 0]], None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}({c[1]})")
def test_case(case):
    check("solvers.dsl.prims_place", *case)


def test_the_eight_turns_are_the_dihedral_group():
    t = np.array(TEMPLATE, dtype=np.uint8)[:, :2]
    turns = [_turn(t, k) for k in range(8)]
    assert len({(u.shape, u.tobytes()) for u in turns}) == 8  # an asymmetric shape: all distinct
    np.testing.assert_array_equal(_turn(turns[1], 3), t)  # a quarter turn undone by three more
    np.testing.assert_array_equal(_turn(turns[4], 4), t)  # the transpose undone by itself
    np.testing.assert_array_equal(turns[1], [[0, 5, 1], [2, 5, 5]])


def test_scale_grows_each_cell_to_a_block():
    np.testing.assert_array_equal(_scale(np.array([[1, 0]], dtype=np.uint8), 2), [[1, 1, 0, 0], [1, 1, 0, 0]])
