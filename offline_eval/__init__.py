"""Top floor: offline scoring, per-task and per-solver tables, and the `arcforge` command line."""
