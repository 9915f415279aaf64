"""The whole model: a residual convolutional net over grid cells that paints the output canvas.

Why this shape: a task's rule must be learnt from 2-10 pairs in seconds on one CPU core. Convolutions
share weights across cells, so every cell of every pair is a training example (hundreds per task,
thousands under augmentation), and dilated kernels plus row, column and whole-grid pooling give each
cell the long-range context ARC rules need (lines across the grid, colour counts) at a cost linear
in the cells. A transformer over 900 cells would cost ~900x more per layer for that context. The
output size is predicted by rules (solvers/dsl/sizes.py) and the net paints a canvas of that size;
where the input is larger, the canvas covers both and only the output's top-left region is scored.

Shapes: B pairs in a batch, H x W the canvas (padded to the largest in the batch), C the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

N_COLOURS = 10
N_FRAMES = 8
# per cell: input colour one-hot (10), inside-input, inside-output, y and x relative to the input's
# size and to the output's size (4), and which dihedral frame the pair was turned into (8, one-hot).
# The net has no demonstrations in context, so its rule lives in its weights: told the frame, it can
# learn a rule that is not symmetric (gravity *down*) from turned pairs without confusing directions.
N_FEATURES = N_COLOURS + 2 + 4 + N_FRAMES


@dataclass(frozen=True, slots=True)
class NetConfig:
    width: int = 32  # C, channels per cell
    depth: int = 4  # residual blocks
    dilations: tuple[int, ...] = (1, 2, 4, 8)  # cycled over the blocks

    def to_dict(self) -> dict:
        return {"width": self.width, "depth": self.depth, "dilations": list(self.dilations)}

    @classmethod
    def from_dict(cls, d: dict) -> NetConfig:
        return cls(int(d["width"]), int(d["depth"]), tuple(int(x) for x in d["dilations"]))


class CellNorm(nn.Module):
    """LayerNorm over channels at each cell: no statistics across cells, so padding cannot leak in."""

    def __init__(self, c: int):
        super().__init__()
        self.norm = nn.LayerNorm(c)

    def forward(self, h: torch.Tensor) -> torch.Tensor:  # (B, C, H, W) -> (B, C, H, W)
        return self.norm(h.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class Block(nn.Module):
    """A dilated 3x3 convolution, then a mix of each cell with its row's, its column's and the whole
    grid's pooled features (masked, so padding counts for nothing)."""

    def __init__(self, c: int, dilation: int):
        super().__init__()
        self.norm1 = CellNorm(c)
        self.conv = nn.Conv2d(c, c, 3, padding=dilation, dilation=dilation)
        self.norm2 = CellNorm(c)
        self.mix = nn.Conv2d(4 * c, c, 1)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        # h: (B, C, H, W), mask: (B, 1, H, W) with 1 on the canvas
        h = h + self.conv(F.gelu(self.norm1(h))) * mask
        x = F.gelu(self.norm2(h))
        neg = (1 - mask) * -1e4  # masked max: padding never wins
        row = (x + neg).amax(dim=3, keepdim=True).expand_as(x)  # (B, C, H, W): max along each row
        col = (x + neg).amax(dim=2, keepdim=True).expand_as(x)  # max along each column
        area = mask.sum(dim=(2, 3), keepdim=True).clamp(min=1)
        glob = ((x * mask).sum(dim=(2, 3), keepdim=True) / area).expand_as(x)  # (B, C, H, W) mean
        return h + self.mix(torch.cat([x, row, col, glob], dim=1)) * mask


class CellNet(nn.Module):
    """(B, N_FEATURES, H, W) features and (B, 1, H, W) canvas mask -> (B, 10, H, W) colour logits."""

    def __init__(self, config: NetConfig):
        super().__init__()
        self.config = config
        c = config.width
        self.embed = nn.Conv2d(N_FEATURES, c, 1)
        self.blocks = nn.ModuleList(Block(c, config.dilations[i % len(config.dilations)]) for i in range(config.depth))
        self.head = nn.Sequential(CellNorm(c), nn.Conv2d(c, N_COLOURS, 1))

    def forward(self, feats: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.embed(feats) * mask  # (B, C, H, W)
        for block in self.blocks:
            h = block(h, mask)
        return self.head(h)  # (B, 10, H, W)


def n_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def encode(inputs: Sequence[np.ndarray], out_shapes: Sequence[tuple[int, int]],
           device: torch.device | str = "cpu", frames: Sequence[int] | None = None,
           ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Features (B, N_FEATURES, H, W), canvas mask (B, 1, H, W) and output mask (B, 1, H, W) for
    input grids, the output shapes to paint and each pair's dihedral frame (default 0); the canvas
    of a pair covers its input and output."""
    frames = frames if frames is not None else [0] * len(inputs)
    hs = [max(a.shape[0], o[0]) for a, o in zip(inputs, out_shapes)]
    ws = [max(a.shape[1], o[1]) for a, o in zip(inputs, out_shapes)]
    H, W = max(hs), max(ws)
    feats = np.zeros((len(inputs), N_FEATURES, H, W), dtype=np.float32)
    canvas = np.zeros((len(inputs), 1, H, W), dtype=np.float32)
    outm = np.zeros((len(inputs), 1, H, W), dtype=np.float32)
    ys, xs = np.mgrid[0:H, 0:W].astype(np.float32)
    for b, (a, (ho, wo)) in enumerate(zip(inputs, out_shapes)):
        hi, wi = a.shape
        feats[b, a, np.arange(hi)[:, None], np.arange(wi)[None, :]] = 1.0  # one-hot input colours
        feats[b, N_COLOURS, :hi, :wi] = 1.0
        feats[b, N_COLOURS + 1, :ho, :wo] = 1.0
        feats[b, N_COLOURS + 2] = ys / hi
        feats[b, N_COLOURS + 3] = xs / wi
        feats[b, N_COLOURS + 4] = ys / ho
        feats[b, N_COLOURS + 5] = xs / wo
        feats[b, N_COLOURS + 6 + frames[b]] = 1.0
        canvas[b, 0, :hs[b], :ws[b]] = 1.0
        outm[b, 0, :ho, :wo] = 1.0
        feats[b] *= canvas[b]
    t = [torch.from_numpy(x).to(device) for x in (feats, canvas, outm)]
    return t[0], t[1], t[2]


def targets(outputs: Sequence[np.ndarray], H: int, W: int, device: torch.device | str = "cpu") -> torch.Tensor:
    """(B, H, W) int64 target colours, -100 (ignored by the loss) outside each output."""
    y = np.full((len(outputs), H, W), -100, dtype=np.int64)
    for b, o in enumerate(outputs):
        y[b, :o.shape[0], :o.shape[1]] = o
    return torch.from_numpy(y).to(device)
