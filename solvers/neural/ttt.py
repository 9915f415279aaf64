"""Test-time training: fit the net to one task's demonstration pairs under augmentations.

Anytime: the loop runs until its Deadline and always holds the best weights seen so far (most train
pairs reproduced exactly, then lowest loss), so stopping at any moment leaves a usable model.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional as F

from solvers.deadline import Deadline
from solvers.neural.augment import Augment, random_augment
from solvers.neural.model import CellNet, encode, targets

Pair = tuple[np.ndarray, np.ndarray]
Framed = tuple[np.ndarray, np.ndarray, int]  # an (augmented) pair and its dihedral frame


@dataclass(frozen=True, slots=True)
class TrainConfig:
    batch: int = 8  # augmented pairs per step
    lr: float = 3e-3
    weight_decay: float = 0.0
    check_every: int = 10  # steps between exact-match checks on the unaugmented pairs
    # Colour permutations are off by default: with no demonstrations in context, a permuted pair
    # of a colour-specific rule (swap 1 and 2) teaches a different rule. Frames are told to the net.
    colours: bool = False
    keep_background: bool = True  # colour permutations, when on, leave 0 alone
    max_steps: int = 100_000


@dataclass(slots=True)
class TrainState:
    """The best weights so far and how good they are."""

    weights: dict
    matched: int  # train pairs reproduced exactly (unaugmented)
    loss: float
    steps: int = 0


def autocast(device: torch.device) -> torch.autocast:
    """bf16 on CUDA (twice the matrix throughput, no loss scaling needed); full precision on the CPU,
    where bf16 is slower and would change results between machines."""
    return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")


def batch_loss(model: CellNet, pairs: Sequence[Framed], device: torch.device) -> torch.Tensor:
    ins = [p[0] for p in pairs]
    outs = [p[1] for p in pairs]
    feats, canvas, _ = encode(ins, [o.shape for o in outs], device, [p[2] for p in pairs])
    with autocast(device):
        logits = model(feats, canvas)  # (B, 10, H, W)
    y = targets(outs, logits.shape[2], logits.shape[3], device)  # (B, H, W)
    return F.cross_entropy(logits.float(), y, ignore_index=-100)


@torch.no_grad()
def predict(model: CellNet, inputs: Sequence[np.ndarray], shapes: Sequence[tuple[int, int]],
            device: torch.device, frames: Sequence[int] | None = None) -> list[tuple[np.ndarray, float]]:
    """The most likely grid for each input at its output shape (in its frame), with its
    log-probability (the sum over cells of the chosen colour's log-softmax)."""
    feats, canvas, _ = encode(inputs, shapes, device, frames)
    with autocast(device):
        logits = model(feats, canvas)
    logp = F.log_softmax(logits.float(), dim=1)  # (B, 10, H, W)
    best, colour = logp.max(dim=1)  # (B, H, W)
    out = []
    for b, (h, w) in enumerate(shapes):
        out.append((colour[b, :h, :w].cpu().numpy().astype(np.uint8), float(best[b, :h, :w].sum())))
    return out


def exact_matches(model: CellNet, pairs: Sequence[Pair], device: torch.device) -> int:
    model.eval()
    got = predict(model, [i for i, _ in pairs], [o.shape for _, o in pairs], device)
    model.train()
    return sum(np.array_equal(g, o) for (g, _), (_, o) in zip(got, pairs))


def augmented(pairs: Sequence[Pair], n: int, rng: random.Random, config: TrainConfig) -> list[Framed]:
    """n pairs drawn with replacement, each turned into a random frame (and recoloured if asked)."""
    out = []
    for _ in range(n):
        i, o = pairs[rng.randrange(len(pairs))]
        aug = random_augment(rng, config.keep_background)
        if not config.colours:
            aug = Augment(aug.k)
        out.append((aug.apply(i), aug.apply(o), aug.k))
    return out


def train(model: CellNet, pairs: Sequence[Pair], deadline: Deadline, config: TrainConfig, rng: random.Random,
          device: torch.device) -> TrainState:
    """Train `model` in place on `pairs` until the deadline; load and return the best state seen."""
    opt = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    model.train()
    best = TrainState(copy.deepcopy(model.state_dict()), -1, float("inf"))
    recent: list[float] = []
    step = 0
    while step < config.max_steps and not deadline.expired():
        loss = batch_loss(model, augmented(pairs, config.batch, rng, config), device)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        recent.append(float(loss.detach()))
        step += 1
        if step % config.check_every == 0 or deadline.expired():
            mean = sum(recent) / len(recent)
            recent.clear()
            matched = exact_matches(model, pairs, device)
            if (matched, -mean) > (best.matched, -best.loss):
                best = TrainState(copy.deepcopy(model.state_dict()), matched, mean, step)
    if best.matched < 0:  # not one check happened: the deadline came first
        best.matched = exact_matches(model, pairs, device)
    best.steps = step
    model.load_state_dict(best.weights)
    model.eval()
    return best
