"""The neural solver: train on the task's pairs, predict under K augmentations, invert, vote.

A candidate's score is the mean probability of its grid over the K augmented predictions
(log-sum-exp of the per-augmentation log-probabilities, less log K), times a confidence made of the
share of train pairs the final model reproduces and, when it ran, whether a model trained without
the last pair predicted that pair (leave-one-out). Both factors are in [0, 1], so scores compare
across tasks.
"""

from __future__ import annotations

import logging
import math
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from solvers.candidate import Candidate
from solvers.deadline import Deadline
from solvers.dsl.sizes import predict_sizes
from solvers.grid import Grid
from solvers.neural.augment import Augment, voting_augments
from solvers.neural.model import CellNet, NetConfig
from solvers.neural.ttt import TrainConfig, exact_matches, predict, train
from solvers.task import Task

log = logging.getLogger(__name__)

DEFAULT_CHECKPOINT = Path(__file__).with_name("checkpoint.pt")


@dataclass(frozen=True, slots=True)
class NeuralConfig:
    net: NetConfig = field(default_factory=NetConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    votes: int = 8  # K augmentations at prediction
    loo_share: float = 0.25  # of the task's time, for the leave-one-out estimate
    predict_share: float = 0.1  # of the task's time, kept for prediction
    keep_per_test: int = 4  # candidates yielded per test input
    checkpoint: str | None = str(DEFAULT_CHECKPOINT)  # None: from scratch; a missing file: from scratch
    device: str = "auto"  # "auto": CUDA when present, else the CPU
    threads: int = 1  # CPU threads per worker: each worker owns one core


def load_checkpoint(path: str | None) -> tuple[NetConfig, dict] | None:
    if path is None or not Path(path).is_file():
        return None
    blob = torch.load(path, map_location="cpu", weights_only=True)
    return NetConfig.from_dict(blob["net"]), blob["state"]


class NeuralSolver:
    """Named `neural` on the command line."""

    name = "neural"

    def __init__(self, config: NeuralConfig | None = None, seed: int = 0):
        self.config = config or NeuralConfig()
        self.seed = seed
        cuda = self.config.device == "auto" and torch.cuda.is_available()
        self.device = torch.device("cuda" if cuda else ("cpu" if self.config.device == "auto" else self.config.device))
        if self.device.type == "cpu":
            torch.set_num_threads(self.config.threads)
        loaded = load_checkpoint(self.config.checkpoint)
        self.net_config, self.init = loaded if loaded else (self.config.net, None)
        self.last_stats = None

    def new_model(self) -> CellNet:
        model = CellNet(self.net_config)
        if self.init is not None:
            model.load_state_dict(self.init)
        return model.to(self.device)

    def warm_up(self) -> None:
        """One tiny training step, so that kernel selection happens before any task's clock."""
        model = self.new_model()
        g = np.arange(9, dtype=np.uint8).reshape(3, 3)
        train(model, [(g, g)], Deadline.after(0.0), TrainConfig(max_steps=1), random.Random(0), self.device)

    def solve(self, task: Task, deadline: Deadline) -> Iterator[Candidate]:
        pairs = [(e.input.cells, e.output.cells) for e in task.train]
        tests = [g.cells for g in task.test_inputs]
        shapes = predict_sizes([i for i, _ in pairs], [o for _, o in pairs], tests)
        if shapes is None or any(min(s) < 1 or max(s) > 30 for s in shapes):
            return  # no agreed output size: this solver has nothing to paint
        seed = zlib.crc32(f"{self.seed}:{task.id}".encode())
        torch.manual_seed(seed)
        rng = random.Random(seed)
        model = self.new_model()
        cfg = self.config
        loo = None
        if len(pairs) >= 2 and cfg.loo_share > 0:
            train(model, pairs[:-1], deadline.share(cfg.loo_share), cfg.train, rng, self.device)
            loo = exact_matches(model, pairs[-1:], self.device) == 1
            # go on from these weights: what was learnt on n-1 pairs is most of the rule
        state = train(model, pairs, deadline.share(1.0 - cfg.predict_share), cfg.train, rng, self.device)
        fit = max(0, state.matched) / len(pairs)
        confidence = fit * (0.6 if loo is None else (1.0 if loo else 0.3))
        self.last_stats = _Stats(state.steps, fit, -1.0 if loo is None else float(loo))
        augs = voting_augments(cfg.votes, rng, cfg.train.keep_background)
        if not cfg.train.colours:  # vote only over what the net was trained under
            augs = list(dict.fromkeys(Augment(a.k) for a in augs))
        for index, (x, shape) in enumerate(zip(tests, shapes)):
            preds = predict(model, [a.apply(x) for a in augs], [a.shape(shape) for a in augs], self.device,
                            [a.k for a in augs])
            votes: dict[bytes, tuple[np.ndarray, list[float]]] = {}
            for a, (g, logp) in zip(augs, preds):
                back = a.invert(g)
                votes.setdefault(back.tobytes() + bytes(back.shape), (back, []))[1].append(logp)
            ranked = sorted(votes.values(), key=lambda v: -_mean_prob(v[1], len(augs)))
            for grid, logps in ranked[:cfg.keep_per_test]:
                score = min(1.0, max(0.0, _mean_prob(logps, len(augs)) * confidence))
                text = (f"neural: {len(logps)}/{len(augs)} votes, {state.steps} steps, "
                        f"{max(0, state.matched)}/{len(pairs)} train pairs, leave-one-out {loo}")
                yield Candidate(task.id, index, Grid(grid), score, self.name, text, fit)


def _mean_prob(logps: list[float], k: int) -> float:
    """exp(logsumexp(logps) - log k): the grid's probability averaged over all k augmentations
    (an augmentation that predicted another grid contributes 0)."""
    m = max(logps)
    return math.exp(m + math.log(sum(math.exp(x - m) for x in logps)) - math.log(k))


@dataclass(frozen=True, slots=True)
class _Stats:
    steps: int
    train_fit: float
    loo: float  # 1 the held-out pair was predicted, 0 not, -1 not tried
