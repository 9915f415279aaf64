"""The learned choice among train outputs: each property, consistency, and the refusals."""

import numpy as np
import pytest

from solvers.deadline import Deadline
from solvers.dsl.learned_choice import PROPERTIES, learn_choice
from solvers.dsl.search import Search, SearchConfig

pytestmark = pytest.mark.usefixtures("warm_dsl")  # their searches run under deadlines

YES = np.array([[1]], dtype=np.uint8)
NO = np.array([[7]], dtype=np.uint8)


def g(rows) -> np.ndarray:
    return np.array(rows, dtype=np.uint8)


# per property: grids that share its value (and differ in it from the third), and that third grid
CASES = {
    "top_colour": (g([[2, 2, 3]]), g([[0, 2], [2, 0]]), g([[3, 3, 2]])),
    "colour_count": (g([[1, 2], [0, 0]]), g([[3, 0, 4]]), g([[1, 1], [1, 1]])),
    "colours": (g([[1, 2], [0, 0]]), g([[2, 1, 0, 0]]), g([[1, 3], [0, 0]])),
    "symmetries": (g([[1, 2, 1], [0, 3, 0]]), g([[4, 4], [5, 5]]), g([[1, 2], [2, 1]])),
    "mask": (g([[1, 0], [1, 1]]), g([[3, 0], [2, 2]]), g([[1, 1], [1, 0]])),
}


def test_every_property_has_a_case():
    assert {name for name, _, _ in PROPERTIES} == set(CASES)


@pytest.mark.parametrize("name", [name for name, _, _ in PROPERTIES])
def test_each_property_picks_the_output_its_value_was_seen_with(name):
    a, b, other = CASES[name]
    prop = dict((n, p) for n, _, p in PROPERTIES)[name]
    assert prop(a) == prop(b) != prop(other)
    # train: a -> YES, other -> NO, a again -> YES; test: b (same value as a), then other
    found = {x.name: x for x in learn_choice([a, other, a, b, other], [YES, NO, YES], 3)}
    picked = found[f"choose_output({name})"].tests
    assert [t.tolist() for t in picked] == [YES.tolist(), NO.tolist()]


def test_no_choice_without_a_repeated_output_or_with_an_unseen_value():
    a, b, other = CASES["symmetries"]
    assert learn_choice([a, other, b], [YES, NO], 2) == []  # each output once: memorising
    assert learn_choice([a, a, other], [YES, YES], 2) == []  # one output only: nothing is chosen
    unseen = g([[5, 6, 7]])  # no train grid had its colours, its count, its symmetry or its mask
    assert learn_choice([a, other, a, unseen], [YES, NO, YES], 3) == []


def test_a_value_with_two_outputs_is_no_choice():
    a, b, other = CASES["colours"]
    assert "choose_output(colours)" not in {x.name for x in learn_choice([a, b, other, a], [YES, NO, NO], 3)}


def test_the_search_offers_a_choice_at_the_root():
    a, b, other = CASES["mask"]
    search = Search([], [a, other, a], [YES, NO, YES], [b], SearchConfig(max_depth=1))
    full = [f for f in search.run(Deadline.after(5)) if f.matched == f.n_train]
    assert any(f.program == ("choose_output(mask)",) and f.tests[0].tolist() == YES.tolist() for f in full)
