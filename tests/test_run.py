"""The budget manager under faults: every run ends by its deadline plus grace with a valid submission
that covers every task, and the healthy solver's answers kept."""

import json
import time
from types import MappingProxyType

import pytest

from solvers.task import Task
from submission.budget import Plan, task_weights
from submission.config import RunConfig
from submission.io import validate_file
from submission.run import run_submission, run_tasks
from submission.sources import load_tasks
from tests.fixtures import hard_task, swap_task, write_kaggle_files

SWAP_ANSWERS = [[[2, 0], [1, 1]], [[1]]]


def quick(budget: float = 4.0, **kw) -> RunConfig:
    base = dict(time_budget=budget, safety_margin=0.5, grace_seconds=1.0, memory_cap_mb=3072,
                second_pass_share=0.0, warm_up_seconds=60.0)
    return RunConfig(**{**base, **kw})


def tasks() -> list[Task]:
    (a, sa), (b, sb) = swap_task(), hard_task()
    return [Task.from_json("aaaa0001", a, sa), Task.from_json("bbbb0002", b, sb)]


def check_run(tmp_path, solvers, config, workers=2):
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = write_kaggle_files(tmp_path)
    taskset = load_tasks(str(src))
    out = tmp_path / "sub.json"
    t0 = time.monotonic()
    outcome = run_submission(taskset, out, config, solvers, workers)
    wall = time.monotonic() - t0
    assert wall < config.time_budget + config.grace_seconds + 2.0, wall
    assert validate_file(out, taskset.n_tests()) == []
    sub = json.loads(out.read_text())
    assert [e["attempt_1"] for e in sub["aaaa0001"]] == SWAP_ANSWERS  # the healthy solver's answers
    return outcome, sub


@pytest.mark.parametrize("plugin,failure", [
    ("raises", "crashes"), ("segfault", "crashes"), ("hog", "crashes"), ("garbage", None), ("wrong_task", None),
])
def test_a_faulty_solver_before_a_healthy_one_costs_only_its_own_candidates(tmp_path, plugin, failure):
    outcome, _ = check_run(tmp_path, (f"tests.plugins:{plugin}", "heuristics"), quick())
    assert outcome.finished == 2
    if plugin == "segfault":
        assert outcome.stats.crashes == 2  # one per task; each time the slot got a new process


def test_a_solver_that_never_returns_is_killed_at_deadline_plus_grace(tmp_path):
    outcome, _ = check_run(tmp_path, ("heuristics", "tests.plugins:sleeper"), quick())
    assert outcome.stats.kills == 2 and outcome.finished == 2


def test_garbage_is_rejected_field_by_field_and_the_good_answer_kept(tmp_path):
    got = {}
    run_tasks(tasks()[:1], Plan(("tests.plugins:garbage",), per_task_seconds=2.0, config=quick()),
              lambda r, p: got.update({r.task_id: r}))
    r = got["aaaa0001"]
    assert [c.grid.tolist() for c in r.candidates] == [[[7, 7], [7, 7]]]
    assert r.candidates[0].solver == "tests.plugins:garbage"
    assert len(r.errors) == 9  # one message per rejected item, each naming the solver
    assert all(e.startswith("tests.plugins:garbage: candidate") for e in r.errors)


def test_the_memory_cap_turns_a_hog_into_a_contained_error():
    got = {}
    run_tasks(tasks()[:1], Plan(("tests.plugins:hog",), per_task_seconds=5.0, config=quick(memory_cap_mb=2048)),
              lambda r, p: got.update({r.task_id: r}))
    assert "MemoryError" in got["aaaa0001"].errors[0] or "died" in got["aaaa0001"].errors[0]


def test_a_run_is_deterministic(tmp_path):
    a, sub_a = check_run(tmp_path / "a", ("heuristics",), quick())
    b, sub_b = check_run(tmp_path / "b", ("heuristics",), quick())
    assert sub_a == sub_b


def test_unused_time_flows_to_later_solvers_of_the_task():
    got = {}
    t0 = time.monotonic()
    run_tasks(tasks()[:1], Plan(("heuristics", "tests.plugins:patient"), per_task_seconds=1.0, config=quick()),
              lambda r, p: got.update({r.task_id: r}))
    assert got["aaaa0001"].solver_seconds["tests.plugins:patient"] > 0.8
    assert time.monotonic() - t0 < 15


def test_weights_favour_bigger_tasks_within_a_clamp():
    small, big = tasks()[1], tasks()[0]
    w = task_weights([small, big])
    assert 0.5 <= w["bbbb0002"] < w["aaaa0001"] <= 2.0


def test_the_second_pass_revisits_only_tasks_without_a_full_fit(tmp_path):
    config = quick(budget=8.0, second_pass_share=0.5, second_pass_factor=1.0,
                   shares=MappingProxyType({"heuristics": 1.0}),
                   second_pass_solvers=("heuristics", "tests.plugins:patient"))
    src = write_kaggle_files(tmp_path)
    outcome = run_submission(load_tasks(str(src)), tmp_path / "s.json", config,
                             ("heuristics", "tests.plugins:patient"), 1)
    lines = [json.loads(x) for x in (tmp_path / "s.json.journal.jsonl").read_text().splitlines()[1:]]
    passes = [(x["task_id"], x["pass"]) for x in lines]
    assert ("aaaa0001", 1) in passes and ("bbbb0002", 1) in passes
    assert ("bbbb0002", 2) in passes and ("aaaa0001", 2) not in passes  # the swap task has a full fit
    assert outcome.stats.second_visits == 1


def test_gpu_solvers_run_on_their_own_workers_one_per_device():
    got = {}
    plan = Plan(("heuristics", "tests.plugins:probe"), workers=1, per_task_seconds=2.0, config=quick(),
                gpu_solvers=("tests.plugins:probe",), gpus=2)
    run_tasks(tasks(), plan, lambda r, p: got.update({r.task_id: r}))
    seen = {c.provenance for r in got.values() for c in r.candidates if c.solver == "tests.plugins:probe"}
    assert seen and seen <= {"device 0", "device 1"}
    assert any(c.solver == "heuristics" for c in got["aaaa0001"].candidates)


def test_the_gpu_lane_has_its_own_pool_so_both_lanes_stay_busy_for_the_whole_budget():
    # One CPU worker and one GPU worker, each with a solver that uses all of its time. With one shared
    # pool each lane would get about half of the budget; with a pool per lane, each gets all of it.
    got = {}
    end = time.monotonic() + 10.0
    plan = Plan(("tests.plugins:patient", "tests.plugins:patient_probe"), workers=1, end=end,
                config=quick(), gpu_solvers=("tests.plugins:patient_probe",), gpus=1)
    stats = run_tasks(tasks(), plan, lambda r, p: got.update({r.task_id: r}))
    assert time.monotonic() < end + plan.config.grace_seconds + 1.0
    assert stats.busy_seconds > 5.0 and stats.gpu_busy_seconds > 5.0, stats
    assert set(got) == {"aaaa0001", "bbbb0002"} and stats.tasks_finished == 2
    assert all(c.provenance == "device 0" for r in got.values() for c in r.candidates)
