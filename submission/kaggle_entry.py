"""What the Kaggle kernel runs once the bundle's wheels are installed: `python -m submission.kaggle_entry`.

It reports the versions and the hardware, picks the budget (a short dry run on the public
placeholder, the configured 12 hours on the rerun, `ARCFORGE_TIME_BUDGET` over both), runs on every
CPU and GPU, and checks the file it leaves: an invalid one is replaced by the fallback answers.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from solvers.registry import GPU_SOLVERS, default_solvers, parse_solver_names
from submission.config import load_config
from submission.io import validate_file
from submission.live import LiveSubmission
from submission.run import default_workers, run_submission
from submission.sources import SourceError, TaskSet, load_tasks

log = logging.getLogger(__name__)

RERUN_VARIABLE = "KAGGLE_IS_COMPETITION_RERUN"
BUDGET_VARIABLE = "ARCFORGE_TIME_BUDGET"
SOLVERS_VARIABLE = "ARCFORGE_SOLVERS"
# Long enough for the workers to compile their kernels and solve some of the placeholder's tasks, so
# a push shows the whole pipeline working; short next to the rerun, since every commit runs it.
DRY_RUN_SECONDS = 300.0
# Names of the bundle's files that the kernel reads (the bundle writes them).
CONFIG_NAME = "arcforge-config.toml"
MANIFEST_NAME = "manifest.json"
VERSIONS_OF = ("arcforge", "numpy", "numba", "polars", "torch", "tqdm")


@dataclass(frozen=True, slots=True)
class EntryPlan:
    """The run the kernel makes, decided from the environment before anything is solved."""

    rerun: bool
    time_budget: float
    solvers: tuple[str, ...]
    gpu_solvers: tuple[str, ...]
    workers: int
    gpus: int
    config_path: Path | None


def choose_budget(configured: float, rerun: bool, override: str | None) -> float:
    """Seconds for the whole kernel: the configured budget on the rerun, a short dry run on the
    placeholder; a non-empty override wins on the rerun and caps the dry run."""
    value: float | None = None
    if override:
        try:
            value = float(override)
        except ValueError:
            raise ValueError(f"{BUDGET_VARIABLE}={override!r} is not a number of seconds") from None
        if not value > 0:
            raise ValueError(f"{BUDGET_VARIABLE}={override!r} must be positive")
    if rerun:
        return value if value is not None else configured
    return min(DRY_RUN_SECONDS, configured, value if value is not None else DRY_RUN_SECONDS)


def count_gpus(env: Mapping[str, str] | None = None) -> int:
    """Visible NVIDIA devices, found without initialising CUDA in this process: the workers are the
    ones that use the devices, each with its own CUDA_VISIBLE_DEVICES."""
    env = os.environ if env is None else env
    visible = env.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        ids = [x for x in visible.split(",") if x.strip()]
        return 0 if not ids or ids[0].strip() == "-1" else len(ids)
    proc = Path("/proc/driver/nvidia/gpus")
    if proc.is_dir():
        return sum(1 for _ in proc.iterdir())
    return len(_nvidia_smi(["-L"]))


def _nvidia_smi(args: list[str]) -> list[str]:
    if shutil.which("nvidia-smi") is None:
        return []
    try:
        out = subprocess.run(["nvidia-smi", *args], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def find_config(dataset: Path | None) -> Path | None:
    """The tuned config the bundle ships, if this dataset has one."""
    path = dataset / CONFIG_NAME if dataset is not None else None
    return path if path is not None and path.is_file() else None


def make_plan(env: Mapping[str, str], configured_budget: float, config_path: Path | None = None) -> EntryPlan:
    rerun = RERUN_VARIABLE in env
    chosen = env.get(SOLVERS_VARIABLE) or None
    if chosen:
        solvers = parse_solver_names(chosen)
        gpus = count_gpus(env) if any(s in GPU_SOLVERS for s in solvers) else 0
    else:  # every device in use: the default solvers, plus the GPU solvers when there is a GPU
        gpus = count_gpus(env)
        solvers = default_solvers(gpus)
    # with no device, a GPU solver shares the CPU workers: a GPU worker that never starts would leave
    # its visits waiting until the deadline
    gpu_solvers = tuple(s for s in solvers if s in GPU_SOLVERS) if gpus else ()
    return EntryPlan(rerun, choose_budget(configured_budget, rerun, env.get(BUDGET_VARIABLE)), solvers,
                     gpu_solvers, default_workers(), gpus, config_path)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0


def report_environment(dataset: Path | None, out: Path) -> None:
    """Versions and hardware in the kernel's log: Kaggle's image moves on, and a failed rerun shows
    nothing else."""
    import submission

    log.info("python %s on %s; package at %s", platform.python_version(), platform.platform(),
             Path(submission.__file__).resolve().parent.parent)
    log.info("versions: %s", ", ".join(f"{n} {_version(n)}" for n in VERSIONS_OF))
    free = shutil.disk_usage(out.parent).free / 2**30 if out.parent.is_dir() else 0.0
    log.info("hardware: %d CPU(s) usable of %s, %.1f GB memory, %.1f GB free beside %s", default_workers(),
             os.cpu_count(), _memory_gb(), free, out)
    gpus = _nvidia_smi(["--query-gpu=name,memory.total", "--format=csv,noheader"])
    log.info("GPUs: %s", "; ".join(gpus) if gpus else "none")
    manifest = dataset / MANIFEST_NAME if dataset is not None else None
    if manifest is not None and manifest.is_file():
        try:
            m = json.loads(manifest.read_text())
            log.info("bundle: arcforge %s, commit %s, built %s", m.get("arcforge"), m.get("commit"), m.get("built"))
        except (OSError, ValueError) as e:
            log.warning("bundle manifest %s unreadable (%s)", manifest, e)


def ensure_valid(out: Path, taskset: TaskSet) -> bool:
    """True if `out` is a valid submission for the tasks; otherwise replace it with the fallback
    answers (each test input as both attempts) and return False."""
    problems = validate_file(out, taskset.n_tests())
    if not problems:
        return True
    log.error("%s has %d problem(s), e.g. %s; writing the fallback answers instead", out, len(problems),
              "; ".join(problems[:3]))
    LiveSubmission(out, taskset)  # starts every task on its fallback and writes the file
    return False


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m submission.kaggle_entry",
                                description="arcforge's run inside a Kaggle kernel (called by the kernel script)")
    p.add_argument("--tasks", required=True, metavar="FILE", help="the competition's test challenges file")
    p.add_argument("--out", required=True, metavar="FILE", help="the submission to write")
    p.add_argument("--dataset", metavar="DIR", help="the bundle dataset folder (tuned config, manifest)")
    p.add_argument("--started", type=float, default=None, metavar="EPOCH",
                   help="when the kernel started (time.time()); the budget counts from there")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    now_mono, now_wall = time.monotonic(), time.time()
    started = now_mono - max(0.0, now_wall - args.started) if args.started is not None else now_mono
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stdout)
    dataset = Path(args.dataset) if args.dataset else None
    out = Path(args.out)
    report_environment(dataset, out)
    try:
        taskset = load_tasks(args.tasks)
    except SourceError as e:
        log.error("cannot read the tasks: %s", e)
        return 2
    failed = False
    try:
        config_path = find_config(dataset)
        plan = make_plan(os.environ, load_config(config_path).time_budget, config_path)
        config = load_config(config_path, time_budget=plan.time_budget)
        log.info("%s: %d task(s), %d malformed; budget %.0f s from the kernel's start (%.0f s planned, "
                 "%.0f s already gone); solvers %s on %d CPU worker(s)%s; config %s",
                 "rerun" if plan.rerun else "dry run on the public placeholder", len(taskset.tasks),
                 len(taskset.bad), config.time_budget, config.usable_seconds, time.monotonic() - started,
                 ",".join(plan.solvers), plan.workers,
                 f", {','.join(plan.gpu_solvers)} on {plan.gpus} GPU worker(s)" if plan.gpu_solvers else "",
                 plan.config_path or "the shipped defaults")
        o = run_submission(taskset, out, config, plan.solvers, plan.workers, gpus=plan.gpus,
                           gpu_solvers=plan.gpu_solvers, started=started)
        log.info("%d of %d task(s) finished in %.0f s; %d second visit(s), %d kill(s), %d crash(es)%s",
                 o.finished, o.n_tasks, o.wall_seconds, o.stats.second_visits, o.stats.kills, o.stats.crashes,
                 f"; stopped by {o.stopped_by}" if o.stopped_by else "")
    except Exception:
        # whatever broke, the file is checked below and replaced if it is not valid
        log.exception("the run failed")
        failed = True
    valid = ensure_valid(out, taskset)
    log.info("%s: %s", out, "valid" if valid else "replaced by the fallback answers")
    return 0 if valid and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
