"""Spaced repetition of follow-ups: when a (story, question) pair is due again.

An SM-2-like schedule on the interviewers' four-point rubric. A weak answer comes back
within a day or two; each strong one pushes the next time further out, by a factor (the
ease) that weak answers lower and very strong ones raise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from dateutil.relativedelta import relativedelta


class Rating(IntEnum):
    VERY_WEAK = 1
    WEAK = 2
    STRONG = 3
    VERY_STRONG = 4

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @classmethod
    def parse(cls, value: int | str) -> Rating:
        if isinstance(value, str) and not value.isdigit():
            return cls[value.strip().upper().replace(" ", "_").replace("-", "_")]
        return cls(int(value))

    @property
    def weak(self) -> bool:
        return self <= Rating.WEAK


START_EASE = 2.5
MIN_EASE = 1.3
_EASE_CHANGE = {
    Rating.VERY_WEAK: -0.3,
    Rating.WEAK: -0.15,
    Rating.STRONG: 0.0,
    Rating.VERY_STRONG: 0.15,
}
_RELEARN_DAYS = {Rating.VERY_WEAK: 1, Rating.WEAK: 2}
_FIRST_DAYS = {Rating.STRONG: 4, Rating.VERY_STRONG: 7}


@dataclass(frozen=True)
class Review:
    """Where one (story, question) pair stands after its ratings so far."""

    reps: int
    """Strong answers in a row."""
    interval_days: int
    ease: float
    due: datetime
    last_rating: Rating
    last_rated: datetime

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def review(previous: Review | None, rating: Rating, when: datetime) -> Review:
    """The pair's state after one more rating given at `when`."""
    ease = previous.ease if previous else START_EASE
    ease = max(MIN_EASE, ease + _EASE_CHANGE[rating])
    if rating.weak:
        reps = 0
        days = _RELEARN_DAYS[rating]
    else:
        reps = (previous.reps if previous else 0) + 1
        if reps == 1:
            days = _FIRST_DAYS[rating]
        else:
            last = previous.interval_days if previous else _FIRST_DAYS[rating]
            bonus = 1.3 if rating is Rating.VERY_STRONG else 1.0
            days = max(last + 1, round(last * ease * bonus))
    return Review(
        reps=reps,
        interval_days=days,
        ease=round(ease, 3),
        due=when + relativedelta(days=days),
        last_rating=rating,
        last_rated=when,
    )


def replay(ratings: Iterable[tuple[Rating, datetime]]) -> Review | None:
    """The state after every rating of a pair, oldest first (None if never rated)."""
    state: Review | None = None
    for rating, when in ratings:
        state = review(state, rating, when)
    return state


def _span(start: datetime, end: datetime) -> tuple[str, int]:
    """Whole years or months between two dates as words ('2 months'), else '' and the days."""
    delta = relativedelta(end.date(), start.date())
    for count, unit in ((delta.years, "year"), (delta.months, "month")):
        if count:
            return f"{count} {unit}{'s' if count > 1 else ''}", 0
    return "", delta.days


def ago(then: datetime, now: datetime) -> str:
    """'today', 'yesterday', '6 days ago', '3 months ago' between two datetimes."""
    words, days = _span(then, now)
    if words:
        return f"{words} ago"
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def due_in(due: datetime, now: datetime) -> str:
    """'now', 'tomorrow', 'in 4 days', 'in 2 months'."""
    if due <= now:
        return "now"
    words, days = _span(now, due)
    if words:
        return f"in {words}"
    if days <= 0:
        return "later today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"
