from __future__ import annotations

import pytest
from fake_clock import FakeClock

from coach.core.pacing import Level, PacingClock


def test_elapsed_follows_the_clock_not_ticks(clock: FakeClock) -> None:
    pacing = PacingClock(60, clock)
    pacing.start()
    for _ in range(100):
        clock.now += 0.1
    clock.now += 1.0  # a one-second stall: no tick happened, time still passed
    assert pacing.elapsed() == pytest.approx(11.0)
    assert pacing.remaining() == pytest.approx(49.0)


def test_pause_and_resume_bank_the_time(clock: FakeClock) -> None:
    pacing = PacingClock(30, clock)
    pacing.start()
    clock.now += 10
    pacing.pause()
    assert not pacing.running
    clock.now += 100
    assert pacing.elapsed() == pytest.approx(10)
    pacing.resume()
    pacing.start()
    clock.now += 5
    assert pacing.elapsed() == pytest.approx(15)


def test_levels_turn_near_and_over(clock: FakeClock) -> None:
    pacing = PacingClock(100, clock)
    pacing.start()
    clock.now += 79
    assert pacing.level() is Level.CALM
    clock.now += 1
    assert pacing.level() is Level.NEAR
    clock.now += 21
    assert pacing.level() is Level.OVER
    assert pacing.remaining() == pytest.approx(-1)


def test_a_target_must_be_positive() -> None:
    with pytest.raises(ValueError):
        PacingClock(0)
