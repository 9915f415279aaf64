"""Checkpoint and resume: a run killed with SIGKILL resumes without redoing finished tasks; SIGTERM
and SIGINT leave a valid submission and a clean exit."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from submission.io import validate_file
from submission.journal import Journal, JournalError, journal_path, read_journal
from submission.sources import load_tasks
from submission.wire import TaskResult
from tests.fixtures import swap_task

N_TASKS = 6


def write_tasks(folder: Path) -> Path:
    task, answers = swap_task()
    path = folder / "arc-agi_test_challenges.json"
    path.write_text(json.dumps({f"task{i:04d}": task for i in range(N_TASKS)}))
    (folder / "arc-agi_test_solutions.json").write_text(json.dumps({f"task{i:04d}": answers for i in range(N_TASKS)}))
    return path


def start(src: Path, out: Path, budget: float, *extra: str) -> subprocess.Popen:
    # 'patient' spends its whole allotment, so the run lasts its budget
    cmd = [sys.executable, "-m", "offline_eval.cli", "run", "--tasks", str(src), "--out", str(out),
           "--time-budget", str(budget), "--safety-margin", "0.5", "--workers", "1",
           "--solvers", "heuristics,tests.plugins:patient", *extra]
    env = {**os.environ, "CI": "true"}
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=Path(__file__).parent.parent)


def task_lines(out: Path) -> list[dict]:
    p = journal_path(out)
    if not p.exists():
        return []
    lines = []
    for line in p.read_text().splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if obj.get("kind") == "task":
            lines.append(obj)
    return lines


def wait_for_tasks(out: Path, n: int, timeout: float = 60.0) -> None:
    t0 = time.monotonic()
    while len(task_lines(out)) < n:
        assert time.monotonic() - t0 < timeout, "the run recorded too few tasks"
        time.sleep(0.05)


def test_a_run_killed_with_sigkill_resumes_without_redoing_finished_tasks(tmp_path):
    src, out = write_tasks(tmp_path), tmp_path / "sub.json"
    p = start(src, out, 14.0)
    wait_for_tasks(out, 2)
    p.kill()
    p.wait()
    done_before = {x["task_id"] for x in task_lines(out) if x["pass"] == 1}
    taskset = load_tasks(str(src))
    assert validate_file(out, taskset.n_tests()) == []  # valid even after SIGKILL
    q = start(src, out, 14.0, "--resume")
    stdout, stderr = q.communicate(timeout=60)
    assert q.returncode == 0, stderr
    firsts = [x["task_id"] for x in task_lines(out) if x["pass"] == 1]
    assert sorted(firsts) == sorted(set(firsts)), "a finished task was redone"
    assert set(firsts) == {t.id for t in taskset.tasks}
    assert f"{len(done_before)} from the journal" in stdout
    sub = json.loads(out.read_text())
    assert validate_file(out, taskset.n_tests()) == []
    assert all(sub[t][0]["attempt_1"] == [[2, 0], [1, 1]] for t in sub)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_cleanly_with_a_valid_submission(tmp_path, sig):
    src, out = write_tasks(tmp_path), tmp_path / "sub.json"
    p = start(src, out, 20.0)
    wait_for_tasks(out, 1)
    t0 = time.monotonic()
    p.send_signal(sig)
    stdout, stderr = p.communicate(timeout=30)
    assert time.monotonic() - t0 < 10
    assert p.returncode == 0, stderr
    assert f"stopped by {sig.name}" in stdout
    assert validate_file(out, load_tasks(str(src)).n_tests()) == []


def test_the_journal_skips_a_torn_line_and_refuses_another_runs_journal(tmp_path):
    path = tmp_path / "j.jsonl"
    header = {"tasks": ["a"], "solvers": ["heuristics"], "seed": 0, "time_budget": 10.0}
    j = Journal(path, header, resume=False)
    j.record(TaskResult("a", (), {"heuristics": 1.5}), 1, 2.0)
    j.close()
    with open(path, "a") as f:
        f.write('{"kind": "task", "task_id": "a", "pa')  # a kill while writing
    got = read_journal(path, header)
    assert got.results["a"][1] == 1 and got.spent == 2.0 and not got.redo
    with pytest.raises(JournalError, match="solvers"):
        read_journal(path, {**header, "solvers": ["dsl"]})


def test_a_visit_cut_short_is_kept_but_redone(tmp_path):
    path = tmp_path / "j.jsonl"
    header = {"tasks": ["a", "b"]}
    j = Journal(path, header, resume=False)
    j.record(TaskResult("a", ()), 0, 1.0)
    j.record(TaskResult("b", ()), 1, 2.0)
    j.record(TaskResult("b", ()), 0, 3.0)  # b's second visit, cut short
    j.close()
    got = read_journal(path, header)
    assert got.redo == {"a"} and got.results["b"][1] == 1 and got.spent == 3.0
