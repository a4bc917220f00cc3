"""What a check says about a field: shared by the checks and the red flags."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """A check that failed on a field, with what to do about it."""

    key: str
    """The field it is about."""
    check: str
    """required, number, comparison, vague, length, red_flag ..."""
    message: str
    flag: str = ""
    """For a red flag: its stable key (leaky-split, accuracy-on-rare ...)."""
    question: str = ""
    """For a red flag: the question it invites from an interviewer."""
