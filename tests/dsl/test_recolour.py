import numpy as np

from solvers.dsl.recolour import describe_map, learn_map, pair_map


def a(rows):
    return np.array(rows, dtype=np.uint8)


def test_learns_a_map_confirmed_by_every_pair():
    lut = learn_map([a([[1, 2]]), a([[2, 1, 0]])], [a([[3, 2]]), a([[2, 3, 0]])])
    assert lut is not None and lut[1] == 3 and lut[2] == 2 and lut[7] == 7
    assert describe_map(lut) == "recolour_map(1>3)"


def test_refuses_two_way_colours_identity_and_unconfirmed_maps():
    assert learn_map([a([[1, 1]])], [a([[2, 3]])]) is None
    assert learn_map([a([[1]]), a([[1]])], [a([[2]]), a([[3]])]) is None
    assert learn_map([a([[1, 2]]), a([[1]])], [a([[1, 2]]), a([[1]])]) is None
    # 1x1 outputs: each pair's colour seen once, so any 1x1 state would 'fit': refused
    assert learn_map([a([[4]]), a([[5]])], [a([[7]]), a([[8]])]) is None


def test_pair_map_reads_each_colour_once_and_flags_a_split():
    assert pair_map(a([[1, 2], [1, 0]]), a([[3, 2], [3, 0]])).tolist() == [0, 3, 2] + [-1] * 7
    assert (pair_map(a([[1, 1]]), a([[2, 3]])) == -2).all()  # colour 1 becomes two colours
