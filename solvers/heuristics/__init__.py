"""Heuristic rules: one small rule per module in `rules/`, each verified on every train pair."""
