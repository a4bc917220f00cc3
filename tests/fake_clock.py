"""The one fake clock: a monotonic-style clock that only moves when a test moves it."""

from __future__ import annotations


class FakeClock:
    """Stands in for `time.monotonic`; tests advance it with `clock.now += seconds`."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
