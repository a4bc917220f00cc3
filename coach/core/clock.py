"""The one wall clock: what time it is, and how a moment is stored and read back."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(when: dt.datetime) -> str:
    """How a moment is stored: UTC, ISO 8601 to the microsecond (so text order is time order)."""
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def now_stamp() -> str:
    """The stored form of now."""
    return stamp(utc_now())


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
