"""Counting words and estimating how long they take to say."""

from __future__ import annotations

import datetime as dt
import re

WORDS_PER_MINUTE = 140
"""Speaking pace used for estimates: the middle of the usual 130-150 words a minute."""

_WORD = re.compile(r"\w+(?:['’.,-]\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def speaking_seconds(text_or_words: str | int) -> int:
    """Estimated seconds to say a text (or a number of words) out loud."""
    words = text_or_words if isinstance(text_or_words, int) else word_count(text_or_words)
    return round(words * 60 / WORDS_PER_MINUTE)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 story', '2,000 stories': the count and the word, plural when it is not one."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{secs:02d}"


def short_when(stamp: str, now: dt.datetime | None = None) -> str:
    """A timestamp as a short local time: '14:05' today, 'Nov 24' this year, else the date."""
    moment = dt.datetime.fromisoformat(stamp).astimezone()
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%b %d")
    return moment.strftime("%Y-%m-%d")
