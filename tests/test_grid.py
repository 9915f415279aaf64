import numpy as np
import pytest

from solvers.grid import Grid, GridError, check_rows, true_runs


def test_valid_rows_become_a_read_only_uint8_grid():
    g = Grid.from_rows([[1, 2], [3, 4]])
    assert g.shape == (2, 2) and g.cells.dtype == np.uint8
    assert not g.cells.flags.writeable
    assert g.tolist() == [[1, 2], [3, 4]]


@pytest.mark.parametrize("rows,message", [
    ([[1, 2], [3]], "ragged rows"),
    ([[1, 10]], "outside 0..9"),
    ([[-1]], "outside 0..9"),
    ([[True]], "outside 0..9"),
    ([[1.5]], "outside 0..9"),
    ([[0] * 31], "size 1x31"),
    ([[0]] * 31, "size 31x1"),
    ([], "non-empty"),
    ([[]], "row 0"),
    ("abc", "non-empty list"),
    (None, "non-empty list"),
])
def test_bad_rows_say_what_is_wrong(rows, message):
    with pytest.raises(GridError, match=message):
        check_rows(rows)


def test_equal_grids_hash_equal_and_shape_matters():
    a = Grid(np.array([[1, 2, 3, 4]], dtype=np.uint8))
    assert a == Grid.from_rows([[1, 2, 3, 4]]) and hash(a) == hash(Grid.from_rows([[1, 2, 3, 4]]))
    assert a != Grid.from_rows([[1, 2], [3, 4]])
    assert len({a, Grid.from_rows([[1, 2, 3, 4]]), Grid.from_rows([[1, 2], [3, 4]])}) == 2


def test_grid_copies_a_writeable_array_so_callers_cannot_mutate_it():
    arr = np.zeros((2, 2), dtype=np.uint8)
    g = Grid(arr)
    arr[0, 0] = 5
    assert g.cells[0, 0] == 0


def test_grid_rejects_bad_arrays():
    with pytest.raises(GridError):
        Grid(np.zeros((2, 2, 2), dtype=np.uint8))
    with pytest.raises(GridError):
        Grid(np.full((2, 2), 10, dtype=np.uint8))
    with pytest.raises(GridError):
        Grid(np.zeros((0, 3), dtype=np.uint8))
    assert Grid(np.array([[3]], dtype=np.int64)).cells.dtype == np.uint8


def test_true_runs_are_the_blocks_between_lines():
    assert true_runs([True, True, False, True, False, False, True]) == [(0, 2), (3, 4), (6, 7)]
    assert true_runs(~np.array([1, 0, 0, 1], dtype=bool)) == [(1, 3)]
    assert true_runs([False, False]) == [] and true_runs([]) == []
