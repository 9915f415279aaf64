import numpy as np
import pytest

from solvers.candidate import Candidate
from solvers.grid import Grid
from submission.wire import MAX_CANDIDATES_PER_TEST, check_candidates, from_wire, to_wire

GOOD = {"task_id": "t", "test_index": 0, "grid": [[1, 2]], "score": 0.5, "solver": "x", "provenance": "p",
        "train_fit": 1.0}


def test_a_candidate_round_trips_through_the_wire():
    c = Candidate("t", 1, Grid(np.array([[3, 4]], dtype=np.uint8)), 0.25, "dsl", "prog", 0.5)
    back = from_wire(to_wire(c), "t", 2, "dsl")
    assert back == c


@pytest.mark.parametrize("change,message", [
    ({"grid": "not a list"}, "grid"),
    ({"grid": [[1] * 31] * 31}, "outside 1..30"),
    ({"grid": [[10]]}, "outside 0..9"),
    ({"grid": [[1, 2], [3]]}, "ragged"),
    ({"grid": [[1.5]]}, "outside 0..9"),
    ({"test_index": 2}, "test index"),
    ({"test_index": -1}, "test index"),
    ({"test_index": True}, "test index"),
    ({"task_id": "u"}, "not this task"),
    ({"score": float("nan")}, "finite"),
    ({"score": 2}, "outside"),
    ({"train_fit": -0.1}, "outside"),
])
def test_each_kind_of_garbage_is_rejected_with_its_reason(change, message):
    with pytest.raises(ValueError, match=message):
        from_wire({**GOOD, **change}, "t", 2, "x")


def test_check_keeps_the_good_renames_the_solver_and_bounds_the_count():
    raw = [GOOD] * (MAX_CANDIDATES_PER_TEST + 5) + [{**GOOD, "grid": [[10]]}, 7]
    kept, problems = check_candidates(raw, "t", 1, "plugin:name")
    assert len(kept) == MAX_CANDIDATES_PER_TEST and {c.solver for c in kept} == {"plugin:name"}
    assert len(problems) == 2 and all(p.startswith("plugin:name: candidate") for p in problems)
