"""Run settings: the defaults shipped in the package, a user's TOML file over them, flags over both."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything the budget manager needs to know besides the tasks.

    Times are seconds. `shares` are relative weights of a task's time per solver (normalised over the
    solvers actually run); `second_pass_solvers` are the ones worth a longer second visit.
    """

    time_budget: float = 43200.0
    safety_margin: float = 600.0
    safety_fraction: float = 0.03
    second_pass_share: float = 0.2
    second_pass_factor: float = 2.5
    grace_seconds: float = 5.0
    memory_cap_mb: int = 8192
    warm_up_seconds: float = 600.0
    shares: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))
    second_pass_solvers: tuple[str, ...] = ()
    ensemble_rule: str = "weighted"  # the scoring rule (ensemble.rules) that picks the two attempts

    def __post_init__(self) -> None:
        checks = [
            (self.time_budget > 0, "budget.time_budget must be positive"),
            (self.safety_margin >= 0, "budget.safety_margin must be at least 0"),
            (0 <= self.safety_fraction <= 1, "budget.safety_fraction must be in [0, 1]"),
            (0 <= self.second_pass_share < 1, "budget.second_pass_share must be in [0, 1)"),
            (self.second_pass_factor >= 1, "budget.second_pass_factor must be at least 1"),
            (self.grace_seconds >= 0, "workers.grace_seconds must be at least 0"),
            (self.memory_cap_mb >= 0, "workers.memory_cap_mb must be at least 0 (0: no cap)"),
            (self.warm_up_seconds > 0, "workers.warm_up_seconds must be positive"),
            (all(v > 0 for v in self.shares.values()), "every shares.<solver> must be positive"),
        ]
        for ok, message in checks:
            if not ok:
                raise ConfigError(message)

    @property
    def margin_seconds(self) -> float:
        """The margin actually kept: safety_margin, but at most safety_fraction of the budget, so
        the 12-hour default does not swallow a 15-minute test run."""
        return min(self.safety_margin, self.safety_fraction * self.time_budget)

    @property
    def usable_seconds(self) -> float:
        """The wall time the scheduler may plan with: the budget less the safety margin."""
        return max(0.0, self.time_budget - self.margin_seconds)

    def share_of(self, solver: str) -> float:
        if solver in self.shares:
            return self.shares[solver]
        return sum(self.shares.values()) / len(self.shares) if self.shares else 1.0


# [section] key -> RunConfig field, so the file reads as grouped settings and the code stays flat
_KEYS: dict[tuple[str, str], str] = {
    ("budget", "time_budget"): "time_budget",
    ("budget", "safety_margin"): "safety_margin",
    ("budget", "safety_fraction"): "safety_fraction",
    ("budget", "second_pass_share"): "second_pass_share",
    ("budget", "second_pass_factor"): "second_pass_factor",
    ("workers", "grace_seconds"): "grace_seconds",
    ("workers", "memory_cap_mb"): "memory_cap_mb",
    ("workers", "warm_up_seconds"): "warm_up_seconds",
    ("second_pass", "solvers"): "second_pass_solvers",
    ("ensemble", "rule"): "ensemble_rule",
}


def _apply(base: RunConfig, doc: dict[str, Any], where: str) -> RunConfig:
    """`base` with the settings of one parsed TOML document over it; unknown keys are errors, since
    a misspelt key silently ignored would run a 12-hour job on the wrong settings."""
    changes: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(RunConfig)}
    for section, table in doc.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [{section}] must be a table")
        if section == "shares":
            try:
                shares = {str(k): float(v) for k, v in table.items()}
            except (TypeError, ValueError):
                raise ConfigError(f"{where}: [shares] values must be numbers") from None
            changes["shares"] = MappingProxyType({**base.shares, **shares})
            continue
        for key, value in table.items():
            name = _KEYS.get((section, key))
            if name is None:
                raise ConfigError(f"{where}: unknown setting {section}.{key}")
            if name == "ensemble_rule":
                if not isinstance(value, str):
                    raise ConfigError(f"{where}: ensemble.rule must be a rule name")
                changes[name] = value
            elif name == "second_pass_solvers":
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{where}: second_pass.solvers must be a list of solver names")
                changes[name] = tuple(value)
            elif isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{where}: {section}.{key} must be a number")
            else:
                changes[name] = int(value) if types[name] == "int" else float(value)
    try:
        return replace(base, **changes)
    except ConfigError as e:
        raise ConfigError(f"{where}: {e}") from None


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{where}: not valid TOML ({e})") from None


def default_config() -> RunConfig:
    """The settings shipped in the package (submission/defaults.toml)."""
    text = resources.files("submission").joinpath("defaults.toml").read_text()
    return _apply(RunConfig(), _parse(text, "defaults.toml"), "defaults.toml")


def load_config(path: str | Path | None = None, **overrides: Any) -> RunConfig:
    """The defaults, then the file at `path` (if any), then keyword overrides whose value is not None."""
    config = default_config()
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text()
        except OSError as e:
            raise ConfigError(f"--config {p}: cannot read ({e.strerror})") from None
        config = _apply(config, _parse(text, str(p)), str(p))
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return replace(config, **given)
    except ConfigError as e:
        raise ConfigError(f"command line: {e}") from None
