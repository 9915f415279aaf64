"""Tasks the tests build (never real ARC tasks), in the Kaggle challenges/solutions format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def swap_task() -> tuple[dict[str, Any], list]:
    """Colours 1 and 2 swap: the colour_map rule solves it."""
    task = {
        "train": [
            {"input": [[1, 2], [0, 1]], "output": [[2, 1], [0, 2]]},
            {"input": [[2, 2, 1]], "output": [[1, 1, 2]]},
        ],
        "test": [{"input": [[1, 0], [2, 2]]}, {"input": [[2]]}],
    }
    return task, [[[2, 0], [1, 1]], [[1]]]


def hard_task() -> tuple[dict[str, Any], list]:
    """No rule fits: outputs are unrelated to inputs."""
    task = {
        "train": [
            {"input": [[1, 2], [3, 4]], "output": [[5]]},
            {"input": [[4, 3], [2, 1]], "output": [[6, 7]]},
        ],
        "test": [{"input": [[1, 1], [1, 1]]}],
    }
    return task, [[[9, 9, 9]]]


def challenges() -> tuple[dict[str, Any], dict[str, list]]:
    (a, sa), (b, sb) = swap_task(), hard_task()
    return {"aaaa0001": a, "bbbb0002": b}, {"aaaa0001": sa, "bbbb0002": sb}


def write_kaggle_files(folder: Path, extra: dict[str, Any] | None = None) -> Path:
    """arc-agi_test_challenges.json and its solutions beside it; returns the challenges path."""
    ch, sol = challenges()
    ch.update(extra or {})
    path = folder / "arc-agi_test_challenges.json"
    path.write_text(json.dumps(ch))
    (folder / "arc-agi_test_solutions.json").write_text(json.dumps(sol))
    return path
