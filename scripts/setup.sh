#!/usr/bin/env bash
# Make .venv and install arcforge (editable) with its test tools. Safe to run again.
# torch comes first as torch==2.13.0: the CPU wheel that lies on this machine, so the package's
# looser torch>=2.10 is already satisfied and no CUDA packages are pulled in.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" "torch==2.13.0"
constraints=()
[ "${ARCFORGE_LATEST:-0}" = 1 ] || constraints=(-c scripts/kaggle-constraints.txt)
"${pip[@]}" "${constraints[@]}" -e ".[dev]"
