"""Run the neural solver alone on a sample of tasks and print what it solved (pass@2), its speed
and its device: the check made on a GPU machine, where only torch and numpy can be counted on.

    PYTHONPATH=. python scripts/device_neural.py --tasks FILE --sample 30 --seconds 4 [--checkpoint PATH|none]
"""

import argparse
import time

import torch

from solvers.deadline import Deadline
from solvers.neural.solver import DEFAULT_CHECKPOINT, NeuralConfig, NeuralSolver
from submission.sources import load_tasks


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--tasks", required=True)
    p.add_argument("--sample", type=int, default=30)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--seconds", type=float, default=4.0)
    p.add_argument("--checkpoint", default=str(DEFAULT_CHECKPOINT))
    args = p.parse_args()
    cuda = torch.cuda.is_available()
    print(f"torch {torch.__version__}, device {torch.cuda.get_device_name() if cuda else 'cpu'}")
    solver = NeuralSolver(NeuralConfig(checkpoint=None if args.checkpoint == "none" else args.checkpoint))
    print(f"solver on {solver.device}, checkpoint {'yes' if solver.init is not None else 'none (from scratch)'}")
    solver.warm_up()
    tasks = load_tasks(args.tasks).sample(args.sample, args.seed).tasks
    outputs = correct = solved = steps = 0
    t0 = time.monotonic()
    for task in tasks:
        cands = list(solver.solve(task, Deadline.after(args.seconds)))
        steps += solver.last_stats.steps if solver.last_stats else 0
        ok = 0
        for i, truth in enumerate(task.test_outputs or []):
            top = sorted((c for c in cands if c.test_index == i), key=lambda c: -c.score)[:2]
            ok += any(c.grid == truth for c in top)
        outputs += task.n_test
        correct += ok
        solved += ok == task.n_test
        if ok:
            print(f"  solved {task.id}: {ok}/{task.n_test}")
    wall = time.monotonic() - t0
    print(f"{len(tasks)} tasks at {args.seconds:g} s: {solved} fully solved, {correct}/{outputs} outputs "
          f"in 2 attempts; {steps / wall:.0f} training steps/s; {wall:.0f} s")


if __name__ == "__main__":
    main()
