import json

import numpy as np

from solvers.grid import Grid
from submission.io import validate_file, validate_submission, write_submission

G = Grid(np.array([[1, 2]], dtype=np.uint8))


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "sub" / "submission.json"
    write_submission(path, {"t1": [(G, G)]})
    write_submission(path, {"t1": [(G, Grid.from_rows([[3]]))]})
    assert json.loads(path.read_text()) == {"t1": [{"attempt_1": [[1, 2]], "attempt_2": [[3]]}]}
    assert [p.name for p in path.parent.iterdir()] == ["submission.json"]


def test_a_valid_submission_has_no_problems(tmp_path):
    path = tmp_path / "s.json"
    write_submission(path, {"t1": [(G, G), (G, G)], "t2": [(G, G)]})
    assert validate_file(path, {"t1": 2, "t2": 1}) == []


def test_every_problem_is_listed():
    sub = {
        "t1": [{"attempt_1": [[1]], "attempt_2": [[1, 2], [3]]}],
        "t2": [{"attempt_1": [[10]]}],
        "t3": "nope",
        "t4": [{"attempt_1": [[1]], "attempt_2": [[0] * 31]}],
        "zz": [],
    }
    problems = validate_submission(sub, {"t1": 1, "t2": 2, "t3": 1, "t4": 1, "t5": 1})
    text = "\n".join(problems)
    for expected in [
        "task t5: missing",
        "task zz: not in the tasks",
        "task t1: test 0: attempt_2: ragged rows",
        "task t2: test 0: attempt_1: value 10",
        "task t2: test 0: attempt_2 missing",
        "task t2: test 1: missing",
        "task t3: not a list",
        "task t4: test 0: attempt_2: size 1x31",
    ]:
        assert expected in text, expected
    assert len(problems) == 8


def test_unreadable_files(tmp_path):
    (tmp_path / "s.json").write_text("{")
    assert "not valid JSON" in validate_file(tmp_path / "s.json", {})[0]
    assert "cannot read" in validate_file(tmp_path / "none.json", {})[0]
    assert "not a map" in validate_submission([], {})[0]
