import random

import numpy as np
import torch

from solvers.neural.model import (
    N_FEATURES,
    CellNet,
    NetConfig,
    encode,
    n_parameters,
    targets,
)
from solvers.neural.ttt import TrainConfig, augmented, batch_loss


def test_shapes_for_a_batch_of_different_sizes():
    ins = [np.zeros((3, 5), np.uint8), np.ones((7, 2), np.uint8)]
    feats, canvas, outm = encode(ins, [(6, 6), (2, 2)])
    assert feats.shape == (2, N_FEATURES, 7, 6) and canvas.shape == outm.shape == (2, 1, 7, 6)
    assert canvas[1, 0].sum() == 7 * 2 and outm[0, 0].sum() == 36
    assert feats[0, 0, :3, :5].sum() == 15 and feats[1, 1, :7, :2].sum() == 14  # one-hot colours
    model = CellNet(NetConfig())
    assert model(feats, canvas).shape == (2, 10, 7, 6)
    y = targets([np.full((6, 6), 3, np.uint8), np.zeros((2, 2), np.uint8)], 7, 6)
    assert y.shape == (2, 7, 6) and int((y[1] == -100).sum()) == 42 - 4


def test_padding_does_not_change_a_pairs_prediction():
    torch.manual_seed(0)
    model = CellNet(NetConfig()).eval()
    a = np.random.default_rng(0).integers(0, 10, (4, 4)).astype(np.uint8)
    alone = model(*encode([a], [(4, 4)])[:2])[0, :, :4, :4]
    padded = model(*encode([a, np.zeros((9, 9), np.uint8)], [(4, 4), (9, 9)])[:2])[0, :, :4, :4]
    assert torch.allclose(alone, padded, atol=1e-5)


def test_parameters_stay_small():
    assert n_parameters(CellNet(NetConfig())) < 5_000_000
    assert n_parameters(CellNet(NetConfig(width=128, depth=8))) < 5_000_000


def test_one_training_step_lowers_the_loss():
    torch.manual_seed(0)
    model = CellNet(NetConfig())
    g = np.random.default_rng(1).integers(0, 10, (5, 5)).astype(np.uint8)
    pairs = augmented([(g, (g + 1) % 10)], 8, random.Random(0), TrainConfig())
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    before = batch_loss(model, pairs, torch.device("cpu"))
    opt.zero_grad()
    before.backward()
    opt.step()
    with torch.no_grad():
        after = batch_loss(model, pairs, torch.device("cpu"))
    assert after.item() < before.item()
