"""Run one kernel case: the kernel from its module, on rows, against the expected rows (None = not applicable)."""

from __future__ import annotations

import importlib

import numpy as np


def check(module: str, kernel: str, param: int, rows, expected) -> None:
    fn = getattr(importlib.import_module(module), kernel)
    g = np.ascontiguousarray(np.array(rows, dtype=np.uint8))
    before = g.copy()
    out = fn(g, param)
    assert np.array_equal(g, before), "kernel wrote to its input"
    assert out.dtype == np.uint8 and out.flags.c_contiguous and out.ndim == 2
    if expected is None:
        assert out.shape == (0, 0), f"expected 'not applicable', got {out.tolist()}"
        return
    assert out.tolist() == expected
    assert out.base is None or not np.shares_memory(out, g), "kernel returned a view of its input"
    assert out.max(initial=0) <= 9 and 1 <= out.shape[0] <= 30 and 1 <= out.shape[1] <= 30
