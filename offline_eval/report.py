"""`arcforge report DIR`: one self-contained HTML page for an eval run.

ARC is visual, so the page draws every task: train pairs, each test input, both attempts and the
truth, with the solver and program behind each attempt, missed tasks first. Grids travel as JSON and
are drawn on canvases by a few lines of inline JavaScript when they scroll into view, which keeps a
400-task page to a few MB and quick to open. No file outside the page is needed.
"""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

import polars as pl

from offline_eval.compare import run_tasks
from offline_eval.tune import PLOT_NAME  # written by `arcforge tune`, embedded when present

# the usual ARC palette, colours 0-9
PALETTE = ["#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00", "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF",
           "#870C25"]


def task_records(run: Path) -> list[dict[str, Any]]:
    """Per task: its pairs, and per test output the attempts, their provenance and the truth."""
    summary, ran = run_tasks(run)
    tasks = {t.id: t for t in ran}
    sub = json.loads((run / "submission.json").read_text())
    rows = pl.read_parquet(run / "results.parquet").sort(["task_id", "test_index"]).iter_rows(named=True)
    by_task: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_task.setdefault(r["task_id"], []).append(r)
    out = []
    for task_id, results in by_task.items():
        task = tasks[task_id]
        tests = []
        for r in results:
            i = r["test_index"]
            entry = sub[task_id][i]
            tests.append({"input": task.test_inputs[i].tolist(), "truth": task.test_outputs[i].tolist(),
                          "a1": entry["attempt_1"], "a2": entry["attempt_2"], "p1": r["attempt_1"],
                          "p2": r["attempt_2"], "correct": r["correct"], "oracle": r["oracle"],
                          "solvers": r["solvers_correct"]})
        out.append({"id": task_id, "solved": all(t["correct"] for t in tests),
                    "solvers": sorted({s for t in tests for s in t["solvers"]}),
                    "train": [[e.input.tolist(), e.output.tolist()] for e in task.train], "tests": tests})
    # missed first, then by id, so the page opens on what needs work
    out.sort(key=lambda t: (t["solved"], t["id"]))
    return out


def solver_table(records: list[dict[str, Any]], summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Per solver: outputs it proposed correctly, outputs only it proposed correctly, seconds."""
    rows = []
    for name, s in summary["per_solver"].items():
        unique = sum(t["solvers"] == [name] for r in records for t in r["tests"])
        rows.append({"solver": name, "proposed_correct": s["proposed_correct"], "unique": unique,
                     "seconds": s["seconds"], "states_per_second": s.get("states_per_second")})
    return rows


def _figures(s: dict[str, Any]) -> str:
    items = [("score (pass@2)", f"{s['score']:.4f} ({s['n_correct']}/{s['n_outputs']} outputs)"),
             ("tasks fully solved", f"{s['n_tasks_solved']}/{s['n_tasks']}"),
             ("oracle", f"{s['oracle_score']:.4f} ({s['n_oracle']}/{s['n_outputs']})"),
             ("solvers", ", ".join(s["solvers"])), ("seconds per task", f"{s['per_task_seconds']:g}"),
             ("wall time", f"{s['seconds']:.0f} s"), ("source", s["source"])]
    return "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in items)


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(k)}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in r.values())
                   + "</tr>" for r in rows)
    return f"<table class=t><tr>{head}</tr>{body}</table>"


def _tune_caption(path: Path) -> str:
    """What the plot measured and chose: a tune may run on other tasks (a sample) than the report's run."""
    if not path.is_file():
        return ""
    t = json.loads(path.read_text())
    chosen = ", ".join(f"{k} {v:g} s" for k, v in t["chosen_seconds"].items())
    return (f'<p class="caption">Measured by <code>{html.escape(t["command"])}</code>; chosen for '
            f'{t["target_seconds_per_task"]:g} s per task: {html.escape(chosen)} '
            f'(expected score {t["expected_score"]:.4f}).</p>')


def render(run: str | Path, tune: str | Path | None = None) -> Path:
    """Write DIR/report.html (with the plot of a tune directory, if given) and return its path."""
    run = Path(run)
    plot_file = Path(tune) / PLOT_NAME if tune else run / PLOT_NAME
    summary = json.loads((run / "summary.json").read_text())
    records = task_records(run)
    rules = [{"rule": k, **v} for k, v in summary.get("rules", {}).items()]
    plot = ""
    if plot_file.is_file():
        data = base64.b64encode(plot_file.read_bytes()).decode()
        plot = f'<h2>Score against seconds per task</h2><img alt="score vs budget" src="data:image/png;base64,{data}">'
        plot += _tune_caption(plot_file.with_name("tune.json"))
    solvers = sorted({s for r in records for s in r["solvers"]} | set(summary["solvers"]))
    options = "".join(f'<option value="{html.escape(s)}">{html.escape(s)}</option>' for s in solvers)
    page = TEMPLATE.format(
        title=html.escape(f"arcforge report: {run.name}"), figures=_figures(summary),
        solvers=_table(solver_table(records, summary)), rules=_table(rules), plot=plot, options=options,
        data=json.dumps(records, separators=(",", ":")).replace("</", "<\\/"), palette=json.dumps(PALETTE))
    out = run / "report.html"
    out.write_text(page, encoding="utf-8")
    return out


TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }}
table.t, table.f {{ border-collapse: collapse; margin: .5em 0 1em; }}
.t td, .t th, .f td, .f th {{ border: 1px solid #ccc; padding: 3px 8px; text-align: left; }}
.task {{ border: 1px solid #ddd; border-radius: 6px; margin: .8em 0; padding: .5em .8em; }}
.task.missed {{ border-left: 6px solid #d33; }} .task.solved {{ border-left: 6px solid #2a2; }}
.row {{ display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-start; margin: .3em 0; }}
.cell {{ display: flex; flex-direction: column; font-size: 11px; color: #555; }}
canvas {{ image-rendering: pixelated; border: 1px solid #999; margin-top: 2px; }}
pre {{ font-size: 11px; background: #f6f6f6; padding: 4px; margin: 2px 0; max-width: 560px; white-space: pre-wrap; }}
.ok {{ color: #2a2; font-weight: bold; }} .no {{ color: #d33; font-weight: bold; }}
</style></head><body>
<h1>{title}</h1>
<table class=f>{figures}</table>
<h2>Solvers</h2>{solvers}
<h2>Scoring rules on the same candidates</h2>{rules}
{plot}
<h2>Tasks</h2>
<p>Show <select id=status><option value=all>all</option><option value=missed>missed</option>
<option value=solved>solved</option></select> proposed correctly by <select id=solver>
<option value=any>any solver or none</option>{options}</select> <span id=count></span></p>
<div id=tasks></div>
<script>
const DATA = {data};
const PAL = {palette};
function draw(cv) {{
  const g = JSON.parse(cv.dataset.g), s = Math.max(4, Math.min(14, Math.floor(140 / Math.max(g.length, g[0].length))));
  cv.width = g[0].length * s; cv.height = g.length * s;
  const c = cv.getContext('2d');
  g.forEach((row, y) => row.forEach((v, x) => {{ c.fillStyle = PAL[v]; c.fillRect(x * s, y * s, s, s); }}));
}}
const seen = new IntersectionObserver(es => es.forEach(e => {{
  if (e.isIntersecting) {{ draw(e.target); seen.unobserve(e.target); }} }}));
function grid(label, g) {{
  const d = document.createElement('div'); d.className = 'cell'; d.textContent = label;
  const cv = document.createElement('canvas'); cv.dataset.g = JSON.stringify(g); cv.width = 10; cv.height = 10;
  d.appendChild(cv); seen.observe(cv); return d;
}}
function row(items) {{
  const r = document.createElement('div'); r.className = 'row'; items.forEach(i => r.appendChild(i)); return r;
}}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function pre(text) {{ const p = document.createElement('pre'); p.textContent = text; return p; }}
const root = document.getElementById('tasks');
const nodes = DATA.map(t => {{
  const d = document.createElement('div'); d.className = 'task ' + (t.solved ? 'solved' : 'missed');
  const h = document.createElement('h3');
  h.innerHTML = `${{t.id}} <span class=${{t.solved ? 'ok' : 'no'}}>${{t.solved ? 'solved' : 'missed'}}</span>`;
  d.appendChild(h);
  d.appendChild(row(t.train.flatMap((p, i) => [grid(`train ${{i}} in`, p[0]), grid(`train ${{i}} out`, p[1])])));
  t.tests.forEach((x, i) => {{
    d.appendChild(row([grid(`test ${{i}} input`, x.input), grid('attempt 1' + (same(x.a1, x.truth) ? ' ✓' : ''), x.a1),
                       grid('attempt 2' + (same(x.a2, x.truth) ? ' ✓' : ''), x.a2), grid('truth', x.truth)]));
    d.appendChild(pre('attempt 1: ' + x.p1)); d.appendChild(pre('attempt 2: ' + x.p2));
    d.appendChild(pre('truth proposed by: ' + (x.solvers.length ? x.solvers.join(', ') : 'no solver')));
  }});
  root.appendChild(d); return [t, d];
}});
function filter() {{
  const st = document.getElementById('status').value, so = document.getElementById('solver').value;
  let n = 0;
  nodes.forEach(([t, d]) => {{
    const show = (st === 'all' || (st === 'solved') === t.solved) && (so === 'any' || t.solvers.includes(so));
    d.style.display = show ? '' : 'none'; n += show;
  }});
  document.getElementById('count').textContent = `(${{n}} of ${{DATA.length}} tasks)`;
}}
document.getElementById('status').onchange = filter; document.getElementById('solver').onchange = filter; filter();
</script></body></html>
"""
