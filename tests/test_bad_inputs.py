"""Bad inputs: each is logged with a message naming the task and the problem, and good tasks still run."""

import json
import logging

import pytest

from submission.io import validate_file
from submission.sources import SourceError, load_tasks
from tests.fixtures import challenges, swap_task

GOOD_IDS = ["aaaa0001", "bbbb0002"]
PAIR = {"input": [[1]], "output": [[1]]}


def task(train=None, test=None, **drop):
    """A well-formed small task with `train` or `test` replaced; drop_train=True etc. removes the key."""
    obj = {"train": [PAIR] if train is None else train, "test": [{"input": [[1]]}] if test is None else test}
    return {k: v for k, v in obj.items() if not drop.get(f"drop_{k}")}


def grid_in_train(rows):
    return task(train=[{"input": rows, "output": [[1]]}])


# task id -> (task JSON, the problem its message must name)
BAD_TASKS = {
    "c0000001": (task(drop_train=True), "missing key 'train'"),
    "c0000002": (task(drop_test=True), "missing key 'test'"),
    "c0000003": (grid_in_train([[1, 2], [3]]), "ragged rows"),
    "c0000004": (grid_in_train([[10]]), "value 10 at (0, 0) is outside 0..9"),
    "c0000005": (grid_in_train([[0, -1]]), "value -1 at (0, 1) is outside 0..9"),
    "c0000006": (grid_in_train([[1.5]]), "value 1.5 at (0, 0) is outside 0..9"),
    "c0000007": (grid_in_train([["3"]]), "value '3' at (0, 0) is outside 0..9"),
    "c0000008": (task(test=[{"input": [[0] * 31] * 31}]), "size 31x31 is outside 1..30"),
    "c0000009": (task(train=[]), "empty train"),
    "c0000010": (task(test=[]), "no test inputs"),
    "c0000011": (None, "task is null, not an object"),
    "c0000012": (task(test=[{"output": [[1]]}]), "test[0]: missing key 'input'"),
}


def write(path, obj):
    path.write_text(json.dumps(obj))
    return str(path)


def messages(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def named(caplog, *parts):
    return any(all(p in m for p in parts) for m in messages(caplog))


def load_case(tmp_path, case):
    """The --tasks string for one case (good tasks beside the bad input), its task id and problem."""
    ch, _ = challenges()
    if case in BAD_TASKS:
        obj, problem = BAD_TASKS[case]
        return write(tmp_path / "c.json", {**ch, case: obj}), case, problem
    if case == "truncated":
        text = json.dumps({**ch, "cut00001": task()})
        (tmp_path / "c.json").write_text(text[:-20])
        return str(tmp_path / "c.json"), "cut00001", "lost where the file is truncated"
    if case == "repeated id":
        first = write(tmp_path / "a.json", ch)
        second = write(tmp_path / "b.json", {"aaaa0001": task(), "dddd0004": task()})
        return f"{first},{second}", "aaaa0001", f"id repeats in {second} (first in {first})"
    raise AssertionError(case)


@pytest.mark.parametrize("case", [*BAD_TASKS, "truncated", "repeated id"])
def test_each_bad_input_is_named_and_good_tasks_still_load(tmp_path, caplog, case):
    src, task_id, problem = load_case(tmp_path, case)
    with caplog.at_level(logging.ERROR):
        ts = load_tasks(src)
    assert [t.id for t in ts.tasks][:2] == GOOD_IDS
    assert named(caplog, f"task {task_id}: ", problem), messages(caplog)
    if case == "repeated id":
        # the repeat is dropped, not a bad task: one submission entry per id
        assert ts.ids() == [*GOOD_IDS, "dddd0004"] and not ts.bad
        assert ts.tasks[0].n_test == 2  # the first occurrence (the swap task) wins
    else:
        assert [b.id for b in ts.bad] == [task_id] and problem in ts.bad[0].problem


def test_truncated_file_says_where_and_how_many_were_kept(tmp_path, caplog):
    src, _, _ = load_case(tmp_path, "truncated")
    with caplog.at_level(logging.ERROR):
        load_tasks(src)
    assert named(caplog, f"challenges file {src}: truncated or invalid JSON at line 1, column",
                 "kept the 2 complete task(s) before it")


@pytest.mark.parametrize("content,message", [
    (b"PK\x03\x04\xff\xfe", "not JSON text"),
    (b"not json at all", "not valid JSON"),
    (b"", "not valid JSON"),
    (b'{"aaaa0001": {"train": [{"input": [[1]]', "not valid JSON"),  # truncated inside the first task
    (b"[1, 2, 3]", "not a challenges map"),
    (b'{"train": [{"input": [[1]], "output": [[1]]}], "test": [{"inp', "not valid JSON"),  # a per-task file cut short
])
def test_unusable_files_raise_a_clear_error_naming_the_file(tmp_path, content, message):
    p = tmp_path / "c.json"
    p.write_bytes(content)
    with pytest.raises(SourceError, match=message) as e:
        load_tasks(str(p))
    assert str(p) in str(e.value)


def test_run_covers_every_id_and_solves_the_good_task(tmp_path):
    from offline_eval.cli import main  # imported here: the load tests above need none of the run machinery

    ch, _ = challenges()
    bad = {task_id: obj for task_id, (obj, _) in BAD_TASKS.items()}
    text = json.dumps({**ch, **bad, "cut00001": task()})
    (tmp_path / "main.json").write_text(text[:-20])
    other = write(tmp_path / "other.json", {"aaaa0001": task(), "dddd0004": task()})
    src = f"{tmp_path / 'main.json'},{other}"
    out = tmp_path / "submission.json"
    assert main(["run", "--tasks", src, "--out", str(out), "--time-budget", "20", "--workers", "1",
                 "--solvers", "heuristics"]) == 0
    taskset = load_tasks(src)
    assert set(taskset.ids()) == {*GOOD_IDS, *BAD_TASKS, "cut00001", "dddd0004"}
    assert validate_file(out, taskset.n_tests()) == []
    sub = json.loads(out.read_text())
    assert set(sub) == set(taskset.ids())
    _, swap_answers = swap_task()
    assert [e["attempt_1"] for e in sub["aaaa0001"]] == swap_answers
