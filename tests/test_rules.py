import json

import numpy as np
import pytest

from ensemble.rules import (
    Calibration,
    calibrated,
    features,
    gather,
    load_calibration,
    logsumexp,
    max_score,
    ranking,
    registry,
    top_two,
    vote,
    weighted,
)
from offline_eval.calibrate import calibrate, fit_logistic
from offline_eval.cli import main
from offline_eval.compare import compare_rules
from solvers.candidate import Candidate
from solvers.grid import Grid
from submission.sources import SourceError, load_tasks
from tests.fixtures import write_kaggle_files

A, B, C = (Grid.from_rows([[k]]) for k in (1, 2, 3))


def cand(grid, score, solver="dsl", prov="", fit=1.0):
    return Candidate("t", 0, grid, score, solver, prov, fit)


# three weak votes for A from one solver, one strong vote for B from another
CANDS = [cand(A, 0.2, "neural"), cand(A, 0.2, "neural"), cand(A, 0.2, "neural"), cand(B, 0.9, "dsl")]


def test_gather_groups_by_grid_and_ranks_inside_each_solver():
    ev = gather(CANDS + [cand(C, 0.5, "neural")])
    assert [e.grid for e in ev] == [A, B, C]
    assert ev[2].ranks == (1,) and ev[1].ranks == (1,) and sorted(ev[0].ranks) == [2, 3, 4]


@pytest.mark.parametrize("rule,first", [(vote, A), (max_score, B), (weighted, B), (logsumexp, B)])
def test_rules_differ_where_agreement_and_confidence_disagree(rule, first):
    assert ranking(CANDS, rule)[0] == first


def test_logsumexp_lies_between_the_sum_and_the_max():
    ev = gather(CANDS)
    for e, v in zip(ev, logsumexp(ev)):
        scores = [c.score for c in e.candidates]
        assert max(scores) - 1e-9 <= np.exp(v) <= sum(scores) + 1e-9


def test_top_two_fills_from_the_fallback_and_is_reproducible():
    assert top_two([], vote, C) == (C, C)
    assert top_two([cand(A, 0.5)], vote, C) == (A, C)
    tie = [cand(B, 0.5), cand(A, 0.5)]
    assert ranking(tie, max_score) == ranking(list(reversed(tie)), max_score)


def test_features_see_programs_fits_and_agreement():
    ev = gather([cand(A, 0.8, "dsl", "program cost 3, 2/2 train pairs"), cand(A, 0.4, "heuristics")])
    f = features(ev[0], ["heuristics", "dsl"])
    assert f[:2] == [0.4, 0.8] and f[3] == 2.0 and f[-1] == pytest.approx(np.exp(-3 / 4))


def test_logistic_fit_separates_a_separable_signal():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] > 0).astype(float)
    w, b = fit_logistic(x, y)
    assert w[0] > 3 * abs(w[1])
    cal = Calibration(("dsl",), (1.0, 0, 0, 0, 0, 0), -0.5)
    assert 0 < calibrated(gather([cand(A, 0.9)]), cal)[0] < 1


def evaluated_run(tmp_path):
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(out), "--per-task-seconds", "1", "--workers", "1",
                 "--solvers", "heuristics"]) == 0
    return src, out


def test_eval_reports_every_rule_and_calibrate_refuses_the_reported_split(tmp_path):
    src, run = evaluated_run(tmp_path)
    summary = json.loads((run / "summary.json").read_text())
    assert set(summary["rules"]) >= {"vote", "weighted", "max_score", "logsumexp"}
    with pytest.raises(SourceError, match="share content"):
        calibrate([run], load_tasks(str(src)).tasks, "test")


def test_calibration_round_trips_and_joins_the_registry(tmp_path):
    cal = Calibration(("dsl", "heuristics"), (1, 2, 3, 0.1, 0.2, 0.3, 0.4), -1.0, {"command": "x"})
    path = tmp_path / "c.json"
    path.write_text(json.dumps(cal.to_json()))
    back = load_calibration(path)
    assert back == Calibration.from_json(cal.to_json()) and back.record["command"] == "x"
    assert "calibrated" in registry(back) and "calibrated" not in registry(None)


def test_compare_counts_against_the_oracle(tmp_path):
    task = load_tasks(str(write_kaggle_files(tmp_path))).tasks[1]  # one test; truth [[9, 9, 9]]
    truth = task.test_outputs[0]
    cands = {task.id: [Candidate(task.id, 0, A, 0.9, "dsl"), Candidate(task.id, 0, B, 0.8, "dsl"),
                       Candidate(task.id, 0, truth, 0.1, "neural")]}
    by_rule = {s.rule: s for s in compare_rules([task], cands, registry())}
    assert by_rule["max_score"].n_correct == 0 and by_rule["max_score"].n_oracle == 1
    assert by_rule["max_score"].share_of_oracle == 0.0
