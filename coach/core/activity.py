"""Days practised: streaks, weekly counts and a one-line sparkline of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_BARS = "▁▂▃▄▅▆▇█"
_NONE = "·"


@dataclass(frozen=True)
class Streaks:
    current: int
    """Days in a row up to today, or up to yesterday when today has no practice yet."""
    longest: int
    """The longest run of days in a row ever."""
    last_7: int
    """Days practised in the 7 days ending today."""
    last_30: int
    """Days practised in the 30 days ending today."""
    days: int
    """Days practised in all."""
    last_day: dt.date | None
    """The last day practised, if any."""


def streaks(days: Iterable[dt.date], today: dt.date) -> Streaks:
    """The streaks of a set of local days with practice (days after `today` are ignored)."""
    practised = sorted({d for d in days if d <= today})
    longest = run = 0
    previous: dt.date | None = None
    for day in practised:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    if previous is not None and (today - previous).days <= 1:
        current = run
    return Streaks(
        current=current,
        longest=longest,
        last_7=sum(1 for d in practised if (today - d).days < 7),
        last_30=sum(1 for d in practised if (today - d).days < 30),
        days=len(practised),
        last_day=previous,
    )


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def weekly(counts: Mapping[dt.date, int], today: dt.date, weeks: int) -> list[tuple[dt.date, int]]:
    """Per-day counts summed by week: the last `weeks` weeks up to today's, oldest first."""
    this_week = week_start(today)
    starts = [this_week - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    totals = dict.fromkeys(starts, 0)
    for day, count in counts.items():
        start = week_start(day)
        if start in totals:
            totals[start] += count
    return list(totals.items())


def sparkline(values: Sequence[float]) -> str:
    """One character per value, the highest as a full bar; a zero shows as a dot."""
    top = max(values, default=0)
    if top <= 0:
        return _NONE * len(values)
    return "".join(
        _NONE if v <= 0 else _BARS[max(0, round(v / top * (len(_BARS) - 1)))] for v in values
    )
