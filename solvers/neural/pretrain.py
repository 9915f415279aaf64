"""Pretraining: one net on the pairs of many training tasks, as the starting point of test-time
training. It never sees a task that shares content with an evaluation split: ARC-AGI-2 training
holds most ARC-AGI-1 evaluation tasks, and a score measured on what the model trained on is void."""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from solvers.deadline import Deadline
from solvers.neural.model import CellNet, NetConfig, n_parameters
from solvers.neural.ttt import TrainConfig, augmented, batch_loss
from solvers.overlap import overlapping
from solvers.task import Task

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class PretrainReport:
    tasks_used: int
    tasks_refused: tuple[str, ...]
    steps: int
    final_loss: float
    parameters: int
    seconds: float


def pretrain(tasks: Sequence[Task], held_out: Sequence[Task], out: str | Path, minutes: float,
             net: NetConfig | None = None, train: TrainConfig | None = None, seed: int = 0,
             device: str = "auto", meta: dict | None = None) -> PretrainReport:
    """Train on the pairs of `tasks` (less those overlapping `held_out`) for `minutes`, then save
    {net, state} to `out` and a JSON record (command, data, figures) beside it."""
    refused = overlapping(tasks, held_out)
    if refused:
        log.warning("refusing %d task(s) that share content with the evaluation data: %s%s", len(refused),
                    ", ".join(refused[:10]), " ..." if len(refused) > 10 else "")
    keep = [t for t in tasks if t.id not in set(refused)]
    if not keep:
        raise ValueError("no task left to pretrain on once those overlapping the evaluation data are refused")
    net = net or NetConfig()
    train = train or TrainConfig(batch=16, lr=1e-3)
    dev = torch.device("cuda" if device == "auto" and torch.cuda.is_available() else
                       ("cpu" if device == "auto" else device))
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = CellNet(net).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=train.lr, weight_decay=0.01)
    pairs = [[(e.input.cells, e.output.cells) for e in t.train] for t in keep]
    deadline = Deadline.after(minutes * 60)
    t0 = time.monotonic()
    steps, recent = 0, []
    while not deadline.expired():
        # a batch of pairs from different tasks, each under a random augmentation
        batch = [p for _ in range(train.batch) for p in augmented(rng.choice(pairs), 1, rng, train)]
        loss = batch_loss(model, batch, dev)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        recent = (recent + [float(loss.detach())])[-200:]
        steps += 1
        if steps % 500 == 0:
            log.info("pretrain step %d: loss %.4f", steps, float(np.mean(recent)))
    report = PretrainReport(len(keep), tuple(refused), steps, float(np.mean(recent)) if recent else float("nan"),
                            n_parameters(model), time.monotonic() - t0)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    torch.save({"net": net.to_dict(), "state": state}, out)
    record = {**(meta or {}), "tasks_used": report.tasks_used, "tasks_refused": list(report.tasks_refused),
              "steps": report.steps, "final_loss": report.final_loss, "parameters": report.parameters,
              "seconds": round(report.seconds, 1), "device": str(dev), "seed": seed, "net": net.to_dict(),
              "torch": torch.__version__}
    out.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n")
    return report
