"""The list of heuristic rules: every module in `solvers.heuristics.rules` that defines RULE."""

from __future__ import annotations

import importlib
import pkgutil

from solvers.heuristics import rules as rules_pkg
from solvers.heuristics.rule import Rule


def rule_modules() -> list[str]:
    """Names of the rule modules, sorted so the order (and the output) is reproducible."""
    return sorted(m.name for m in pkgutil.iter_modules(rules_pkg.__path__) if not m.name.startswith("_"))


def load_rules() -> tuple[Rule, ...]:
    """Import every rule module and collect its RULE; a module without one is a bug."""
    out = []
    for name in rule_modules():
        module = importlib.import_module(f"{rules_pkg.__name__}.{name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"rule module {name} defines no RULE")
        out.append(rule)
    names = [r.name for r in out]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate rule names in {names}")
    return tuple(out)
