import time

from solvers.task import Task
from submission.run import Plan, allot, run_tasks
from submission.worker import solve_task
from tests.fixtures import hard_task, swap_task


def tasks() -> list[Task]:
    (a, sa), (b, sb) = swap_task(), hard_task()
    return [Task.from_json("aaaa0001", a, sa), Task.from_json("bbbb0002", b, sb)]


def test_a_raising_solver_loses_only_its_own_candidates():
    r = solve_task(tasks()[0], ("tests.plugins:raises", "heuristics"), 2.0)
    assert r.errors and "raises" in r.errors[0]
    assert any(c.solver == "heuristics" for c in r.candidates)
    assert set(r.solver_seconds) == {"tests.plugins:raises", "heuristics"}


def test_a_candidate_for_the_wrong_test_index_is_an_error_not_a_crash():
    r = solve_task(tasks()[0], ("tests.plugins:wrong_task", "tests.plugins:truth"), 1.0)
    assert "wrong_task" in r.errors[0]
    assert {c.solver for c in r.candidates} == {"tests.plugins:truth"}  # the name it was run under


def test_time_is_shared_so_leftovers_flow_to_later_solvers():
    t0 = time.monotonic()
    r = solve_task(tasks()[0], ("heuristics", "tests.plugins:patient"), 0.6)
    elapsed = time.monotonic() - t0
    assert 0.5 < elapsed < 0.9
    assert r.solver_seconds["tests.plugins:patient"] > 0.45  # the fast solver's leftover went on


def test_allotment_shares_what_remains():
    now = 100.0
    assert allot(Plan(("h",), workers=2, end=160.0), 4, now) == 30.0
    assert allot(Plan(("h",), workers=2, end=160.0), 1, now) == 60.0
    assert allot(Plan(("h",), per_task_seconds=5.0), 99, now) == 5.0


def test_pool_runs_every_task_and_is_deterministic():
    def once():
        got = {}
        run_tasks(tasks(), Plan(("heuristics",), workers=2, seed=1, per_task_seconds=2.0),
                  lambda r: got.__setitem__(r.task_id, [(c.test_index, c.grid) for c in r.candidates]))
        return got

    first = once()
    assert set(first) == {"aaaa0001", "bbbb0002"}
    assert first == once()


def test_a_run_with_no_time_left_starts_nothing():
    got = []
    done = run_tasks(tasks(), Plan(("heuristics",), end=time.monotonic()), got.append)
    assert done == 0 and got == []


def test_a_task_never_runs_past_the_runs_end():
    t0 = time.monotonic()
    solve_task(tasks()[0], ("tests.plugins:patient",), 30.0, until=time.monotonic() + 0.3)
    assert time.monotonic() - t0 < 0.6


def test_workers_warm_their_solvers_up_first(monkeypatch):
    warmed = []
    monkeypatch.setattr("submission.worker.warm_up", lambda solver: warmed.append(solver.name))
    run_tasks(tasks()[:1], Plan(("heuristics",), per_task_seconds=1.0), lambda r: None)
    assert warmed == ["heuristics"]
