"""`arcforge calibrate`: fit the `calibrated` scoring rule on eval runs over training splits.

A logistic model of P(grid is the truth) from the features in ensemble.rules.features, fitted by
Newton's method with a small L2 penalty (a few hundred examples, a dozen features: exact and fast).
It refuses a run whose tasks largely share content with the split being reported (a rule fitted on
the answers it is then scored on would overstate itself), and leaves out the few training tasks
that do (arc1-training holds 6 near-copies of evaluation tasks).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ensemble.rules import Calibration, features, gather
from offline_eval.compare import load_candidates, run_tasks
from solvers.overlap import overlapping
from solvers.task import Task
from submission.sources import SourceError

log = logging.getLogger(__name__)

# A run with more of its tasks than this overlapping the reported split is refused outright: it is
# that split (or most of it) under another name, not a training split with a few near-copies.
MAX_OVERLAP = 0.1


def examples(runs: Sequence[str | Path], solvers: Sequence[str],
             skip: frozenset[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """One row per distinct grid proposed for a test output: its features, and 1 if it is the truth."""
    xs, ys = [], []
    for run in runs:
        _, tasks = run_tasks(run)
        cands = load_candidates(run)
        for task in tasks:
            if task.id in skip:
                continue
            for i, truth in enumerate(task.test_outputs or ()):
                for e in gather(c for c in cands.get(task.id, ()) if c.test_index == i):
                    xs.append(features(e, solvers))
                    ys.append(float(e.grid == truth))
    return np.asarray(xs, dtype=np.float64).reshape(len(xs), -1), np.asarray(ys)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, iters: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias maximising the penalised log-likelihood (Newton-Raphson)."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    reg = l2 * np.eye(a.shape[1])
    reg[-1, -1] = 0.0  # the bias is not penalised
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -50, 50)))
        grad = a.T @ (p - y) + reg @ w
        hess = (a * (p * (1 - p))[:, None]).T @ a + reg + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def calibrate(runs: Sequence[str | Path], reported: Sequence[Task], command: str) -> Calibration:
    """Fit on `runs`; SourceError if any run's tasks overlap the `reported` tasks."""
    solvers: dict[str, None] = {}
    skip: set[str] = set()
    for run in runs:
        summary, tasks = run_tasks(run)
        source = summary["source"]
        clash = overlapping(tasks, reported)
        if len(clash) > MAX_OVERLAP * len(tasks):
            raise SourceError(f"{run} ({source}): {len(clash)} of its {len(tasks)} tasks share content with the "
                              f"split being reported, e.g. {clash[0]}; calibrate on training splits only")
        if clash:  # a training split holds a few near-copies of evaluation tasks: leave them out
            log.warning("%s: leaving out %d task(s) that share content with the reported split: %s", run,
                        len(clash), ", ".join(clash))
            skip |= set(clash)
        solvers.update(dict.fromkeys(summary["solvers"]))
    names = tuple(solvers)
    x, y = examples(runs, names, frozenset(skip))
    if len(y) == 0 or y.min() == y.max():
        raise SourceError("the runs hold no candidates, or none right (or none wrong): nothing to fit")
    w, b = fit_logistic(x, y)
    # how each run was made, so the shipped file says what data it was fitted on
    made = [{k: v for k, v in json.loads((Path(r) / "summary.json").read_text()).items()
             if k in ("source", "solvers", "per_task_seconds", "workers", "seed", "sample", "n_tasks", "commit")}
            for r in runs]
    record = {"command": command, "runs": [str(r) for r in runs], "made_by": made, "n_examples": int(len(y)),
              "n_right": int(y.sum())}
    return Calibration(names, tuple(float(v) for v in w), b, record)
