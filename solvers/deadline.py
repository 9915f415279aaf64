"""The time a solver is given. Solvers read it; only the budget manager sets it."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Deadline:
    """An instant on the monotonic clock.

    CLOCK_MONOTONIC is system-wide on Linux, so a Deadline made in the parent process means the same
    instant in a worker process on the same machine.
    """

    end: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + max(0.0, seconds))

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def share(self, fraction: float) -> Deadline:
        """A sub-deadline after `fraction` (0..1) of the time that remains now."""
        f = min(1.0, max(0.0, fraction))
        now = time.monotonic()
        return Deadline(now + max(0.0, self.end - now) * f)

    def cap(self, seconds: float) -> Deadline:
        """This deadline, or `seconds` from now if that comes sooner."""
        return Deadline(min(self.end, time.monotonic() + max(0.0, seconds)))
