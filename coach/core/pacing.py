"""The pacing clock behind the rehearsal timer: time from a monotonic clock, never ticks.

A UI may redraw it ten times a second or once after a stall: what it shows is always
computed from the clock, so missed ticks never make it drift.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

NEAR = 0.8
"""The share of the target after which the answer is 'near' its time."""


class Level(Enum):
    CALM = "calm"
    NEAR = "near"
    OVER = "over"


class PacingClock:
    """Elapsed time against a target, with pause and resume."""

    def __init__(self, target_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        if target_seconds <= 0:
            raise ValueError("target_seconds must be above 0")
        self.target = target_seconds
        self._clock = clock
        self._banked = 0.0
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        """Start, or resume after a pause; starting a running clock changes nothing."""
        if self._since is None:
            self._since = self._clock()

    resume = start

    def pause(self) -> None:
        if self._since is not None:
            self._banked += self._clock() - self._since
            self._since = None

    def elapsed(self) -> float:
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._banked + running

    def remaining(self) -> float:
        """Seconds left before the target; negative once past it."""
        return self.target - self.elapsed()

    def fraction(self) -> float:
        """Elapsed as a share of the target (above 1 when over)."""
        return self.elapsed() / self.target

    def level(self) -> Level:
        share = self.fraction()
        if share > 1:
            return Level.OVER
        if share >= NEAR:
            return Level.NEAR
        return Level.CALM
