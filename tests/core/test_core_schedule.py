"""Spaced repetition of follow-ups: when a (story, question) pair comes back."""

from __future__ import annotations

import datetime as dt

from coach.core.schedule import Rating, Review, replay, review

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_schedule_across_simulated_days() -> None:
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    state = review(None, Rating.VERY_WEAK, day)
    assert state.due == day + dt.timedelta(days=1)
    assert state.is_due(day + dt.timedelta(days=1)) and not state.is_due(day)
    intervals = []
    for _ in range(4):
        day = state.due
        state = review(state, Rating.STRONG, day)
        intervals.append(state.interval_days)
    assert intervals[0] == 4
    assert intervals == sorted(intervals) and intervals[-1] > 20
    lapsed = review(state, Rating.WEAK, state.due)
    assert lapsed.interval_days == 2 and lapsed.reps == 0
    assert lapsed.ease < state.ease
    assert replay([(Rating.VERY_WEAK, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))]) == review(
        None, Rating.VERY_WEAK, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    assert replay([]) is None


def test_ease_never_falls_below_its_floor() -> None:
    state: Review | None = None
    for n in range(20):
        state = review(state, Rating.VERY_WEAK, NOW + dt.timedelta(days=n))
    assert state is not None and state.ease == 1.3


def test_rating_parse() -> None:
    assert Rating.parse("very weak") is Rating.VERY_WEAK
    assert Rating.parse(3) is Rating.STRONG
    assert Rating.STRONG.label == "strong" and Rating.WEAK.weak and not Rating.STRONG.weak
