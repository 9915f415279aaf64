import random

import numpy as np
import pytest

from solvers.neural.augment import (
    Augment,
    dihedral,
    dihedral_inverse,
    random_augment,
    random_colours,
    shuffle,
    unshuffle,
    voting_augments,
)

GRID = np.arange(12, dtype=np.uint8).reshape(3, 4) % 10


@pytest.mark.parametrize("k", range(8))
def test_each_dihedral_transform_round_trips_and_is_distinct(k):
    assert np.array_equal(dihedral(dihedral(GRID, k), dihedral_inverse(k)), GRID)
    others = [dihedral(GRID, j) for j in range(8) if j != k]
    assert not any(o.shape == dihedral(GRID, k).shape and np.array_equal(o, dihedral(GRID, k)) for o in others)


@pytest.mark.parametrize("keep", [True, False])
def test_colour_permutations_round_trip_and_keep_the_background_when_asked(keep):
    rng = random.Random(3)
    for _ in range(20):
        perm = random_colours(rng, keep)
        assert sorted(perm) == list(range(10))
        if keep:
            assert perm[0] == 0
        a = Augment(rng.randrange(8), perm)
        assert np.array_equal(a.invert(a.apply(GRID)), GRID)
        assert a.apply(GRID).shape == a.shape(GRID.shape)


def test_augmentations_are_reproducible_from_the_seed():
    assert [random_augment(random.Random(5)) for _ in range(3)] == [random_augment(random.Random(5)) for _ in range(3)]


def test_voting_augments_start_with_the_identity_and_cover_the_dihedral_group():
    augs = voting_augments(8, random.Random(0))
    assert augs[0].is_identity() and sorted(a.k for a in augs) == list(range(8))
    assert len(voting_augments(12, random.Random(0))) == 12


def test_example_order_shuffle_round_trips():
    items = list("abcdef")
    shuffled, order = shuffle(items, random.Random(1))
    assert shuffled != items and unshuffle(shuffled, order) == items
