import json

from offline_eval.cli import main
from offline_eval.metrics import score_submission
from submission.sources import load_tasks
from tests.fixtures import write_kaggle_files


def test_score_counts_an_output_when_either_attempt_is_right(tmp_path):
    tasks = load_tasks(str(write_kaggle_files(tmp_path))).tasks
    sub = {
        "aaaa0001": [{"attempt_1": [[0]], "attempt_2": [[2, 0], [1, 1]]}, {"attempt_1": [[2]], "attempt_2": [[2]]}],
        "bbbb0002": "garbage",
    }
    s = score_submission(sub, tasks)
    assert (s["n_correct"], s["n_outputs"], s["n_tasks_solved"]) == (1, 3, 0)


def test_the_score_command(tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    sub = {"aaaa0001": [{"attempt_1": [[2, 0], [1, 1]], "attempt_2": [[0]]}, {"attempt_1": [[1]], "attempt_2": [[0]]}],
           "bbbb0002": [{"attempt_1": [[9, 9, 9]], "attempt_2": [[0]]}]}
    (tmp_path / "s.json").write_text(json.dumps(sub))
    assert main(["score", str(tmp_path / "s.json"), "--tasks", str(src)]) == 0
    assert "score 1.0000 (3/3 outputs" in capsys.readouterr().out
