import json
import tomllib

import polars as pl

from offline_eval.cli import main
from offline_eval.tune import Curve, choose
from submission.config import load_config
from tests.fixtures import write_kaggle_files

A, B, C = ("t", 0), ("t", 1), ("u", 0)


def test_choose_spends_seconds_where_they_add_solved_outputs():
    fast = Curve("heuristics", (1.0, 5.0), (frozenset({A}), frozenset({A})), 3)
    slow = Curve("dsl", (1.0, 5.0), (frozenset(), frozenset({B, C})), 3)
    seconds, score = choose([fast, slow], 6.0)
    assert seconds == {"heuristics": 1.0, "dsl": 5.0} and score == 1.0
    seconds, score = choose([fast, slow], 5.0)  # not enough for both: the bigger union wins
    assert seconds == {"dsl": 5.0} and abs(score - 2 / 3) < 1e-9


def test_tune_runs_reuses_and_writes_a_config_run_can_read(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    args = ["tune", "--tasks", str(src), "--budgets", "0.5,1", "--out", str(tmp_path / "tune"),
            "--solvers", "heuristics", "--workers", "1", "--target-seconds", "2"]
    assert main(args) == 0
    assert "heuristics" in capsys.readouterr().out
    out = tmp_path / "tune"
    assert (out / "score_vs_budget.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    stamp = (out / "heuristics_0.5s" / "summary.json").stat().st_mtime
    assert main(args) == 0 and (out / "heuristics_0.5s" / "summary.json").stat().st_mtime == stamp  # reused
    tune = json.loads((out / "tune.json").read_text())
    assert tune["chosen_seconds"] == {"heuristics": 0.5}
    assert tune["command"] == "arcforge " + " ".join(args)  # this call's arguments, not the test runner's
    # heuristics is not anytime: a second visit would only repeat it
    assert tomllib.loads((out / "tuned.toml").read_text())["second_pass"]["solvers"] == []
    assert load_config(out / "tuned.toml").share_of("heuristics") == 1.0
    run = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(run), "--per-task-seconds", "1", "--workers", "1",
                 "--solvers", "heuristics"]) == 0
    assert main(["report", str(run), "--tune", str(out)]) == 0
    page = (run / "report.html").read_text()
    assert "data:image/png;base64," in page
    assert "Measured by <code>arcforge tune" in page and "expected score" in page


def test_tune_with_exclude_measures_the_tasks_left_and_records_them(tmp_path):
    src = write_kaggle_files(tmp_path)
    held = tmp_path / "held"
    held.mkdir()
    (held / "aaaa0001.json").write_text(json.dumps({"train": [{"input": [[3]], "output": [[3]]}],
                                                    "test": [{"input": [[3]]}]}))  # aaaa0001's id
    out = tmp_path / "tune"
    args = ["tune", "--tasks", str(src), "--budgets", "0.5", "--out", str(out), "--solvers", "heuristics",
            "--workers", "1", "--target-seconds", "1"]
    assert main(args) == 0
    run = out / "heuristics_0.5s"
    assert "aaaa0001" in set(pl.read_parquet(run / "results.parquet")["task_id"])
    # other tasks: the stored run is not reused, and the new one keeps to the tasks left
    assert main([*args, "--exclude", str(held)]) == 0
    assert "aaaa0001" not in set(pl.read_parquet(run / "results.parquet")["task_id"])
    summary = json.loads((run / "summary.json").read_text())
    assert summary["exclude"] == str(held)
    # and `rules` rescores the run on those same tasks
    assert main(["rules", str(run)]) == 0
    assert json.loads((run / "summary.json").read_text())["rules"] == summary["rules"]
