"""arcforge on Kaggle: install the bundle's wheels, run the package, always leave a valid submission.

Written into the kernel folder by `arcforge bundle`; every decision lives in the package
(`submission.kaggle_entry`). This script only has to survive the package failing to install or run.
"""
import glob
import json
import os
import subprocess
import sys
import time
from pathlib import Path

STARTED = time.time()  # Kaggle's 12 hours count from here, so the package is told when that was
TIME_BUDGET = ""  # `arcforge bundle --time-budget S` writes S here, for a quick test commit
ROOT = os.environ.get("ARCFORGE_KAGGLE_ROOT", "/kaggle")  # kaggle-sim points this at its fake tree
OUT = os.path.join(ROOT, "working", "submission.json")


def fallback(tests, check_first=False):
    """Each test input as both attempts, unless the file on disk already answers every test input."""
    try:
        sub = json.loads(Path(OUT).read_text()) if check_first else {}
        if all(len(sub[k]) == len(v["test"]) and all({"attempt_1", "attempt_2"} <= set(a) for a in sub[k])
               for k, v in tests.items()):
            return
    except Exception:  # noqa: BLE001, S110 - any unreadable or malformed file gets the fallback below
        pass
    sub = {k: [{"attempt_1": t["input"], "attempt_2": t["input"]} for t in v["test"]] for k, v in tests.items()}
    Path(OUT + ".tmp").write_text(json.dumps(sub))
    os.replace(OUT + ".tmp", OUT)  # atomic: a reader never sees half a file


def main():
    found = glob.glob(f"{ROOT}/input/**/*test_challenges*.json", recursive=True)
    test_file = min(found, key=lambda p: ("/competitions/" not in p, p))  # the competition's, if several
    tests = json.loads(Path(test_file).read_text())
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    fallback(tests)  # valid before anything else can fail
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; {len(tests)} tasks in {test_file}", flush=True)
    try:
        wheels = glob.glob(f"{ROOT}/input/**/arcforge-*.whl", recursive=True)
        if not wheels:
            raise FileNotFoundError(f"no arcforge wheel under {ROOT}/input: is the bundle dataset attached?")
        folder = os.path.dirname(wheels[0])
        pip = [sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--disable-pip-version-check"]
        subprocess.run(pip + sorted(glob.glob(f"{folder}/*.whl")), check=True)
        env = dict(os.environ, ARCFORGE_TIME_BUDGET=os.environ.get("ARCFORGE_TIME_BUDGET", TIME_BUDGET))
        subprocess.run([sys.executable, "-m", "submission.kaggle_entry", "--tasks", test_file, "--out", OUT,
                        "--dataset", folder, "--started", str(STARTED)], check=True, env=env)
    except Exception as e:  # noqa: BLE001 - whatever fails, the file on disk is checked below
        print(f"arcforge failed ({e!r}); the submission keeps what was written", file=sys.stderr, flush=True)
    fallback(tests, check_first=True)
    print(f"{OUT} written, {time.time() - STARTED:.0f} s after the start", flush=True)


if __name__ == "__main__":
    main()
