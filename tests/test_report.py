import json

from offline_eval.cli import main
from tests.fixtures import write_kaggle_files


def test_report_is_one_self_contained_page_with_every_task(tmp_path):
    src = write_kaggle_files(tmp_path)
    run = tmp_path / "run"
    assert main(["eval", "--tasks", str(src), "--out", str(run), "--per-task-seconds", "1", "--workers", "1",
                 "--solvers", "heuristics"]) == 0
    assert main(["report", str(run)]) == 0
    page = (run / "report.html").read_text()
    assert "<script src" not in page and "<link" not in page  # nothing to fetch
    data = json.loads(page.split("const DATA = ")[1].split(";\nconst PAL")[0])
    assert [t["id"] for t in data] == ["bbbb0002", "aaaa0001"]  # the missed task first
    swap = data[1]
    assert swap["solved"] and swap["solvers"] == ["heuristics"]
    assert swap["tests"][0]["a1"] == swap["tests"][0]["truth"] and "colour_map" in swap["tests"][0]["p1"]
    assert "heuristics" in page.split("<h2>Solvers</h2>")[1].split("</table>")[0]


def test_report_refuses_a_folder_that_is_not_a_run(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert "no summary.json" in capsys.readouterr().err
