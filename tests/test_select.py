import numpy as np

from ensemble.select import rank, select, two_attempts
from solvers.candidate import Candidate
from solvers.grid import Grid


def g(v: int) -> Grid:
    return Grid(np.full((1, 1), v, dtype=np.uint8))


def c(v: int, score: float, solver: str = "a", test: int = 0) -> Candidate:
    return Candidate("t", test, g(v), score, solver, f"made {v}")


def test_identical_grids_are_grouped_and_summed():
    ranked = rank([c(1, 0.5), c(2, 0.9), c(1, 0.5, "b")])
    assert [r.grid for r in ranked] == [g(1), g(2)]
    assert ranked[0].weight == 1.0 and ranked[0].count == 2 and ranked[0].solvers == ("a", "b")


def test_solver_weights_change_the_order():
    ranked = rank([c(1, 0.5, "a"), c(2, 0.5, "b")], {"a": 1.0, "b": 3.0})
    assert ranked[0].grid == g(2)


def test_ties_break_reproducibly_whatever_the_input_order():
    a = rank([c(3, 0.5), c(1, 0.5), c(2, 0.5)])
    b = rank([c(2, 0.5), c(3, 0.5), c(1, 0.5)])
    assert [r.grid for r in a] == [r.grid for r in b]


def test_attempt_2_differs_whenever_a_second_candidate_exists():
    a1, a2 = two_attempts(rank([c(1, 0.9), c(1, 0.9), c(2, 0.1)]), g(0))
    assert (a1, a2) == (g(1), g(2))


def test_fallbacks():
    assert two_attempts([], g(7)) == (g(7), g(7))
    assert two_attempts(rank([c(1, 0.9)]), g(7)) == (g(1), g(7))


def test_select_covers_every_test_input_in_order_and_ignores_strays():
    out = select([c(1, 0.9, test=1), c(5, 0.9, test=9)], [g(7), g(8)])
    assert out == [(g(7), g(7)), (g(1), g(8))]
