"""How ready a story is for an interview: still a draft, to rehearse, or ready."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.checks import Completeness
from coach.core.schedule import Rating
from coach.core.text import plural

LABELS = ("draft", "rehearse", "ready")
"""From least to most ready."""

READY_MEAN = float(Rating.STRONG)
"""The last rehearsal's mean rating a story needs to count as ready."""


@dataclass(frozen=True)
class Readiness:
    label: str
    """One of LABELS."""
    reason: str
    """A few words on why, e.g. 'averaged 2.5 of 4 last time'."""

    @property
    def rank(self) -> int:
        """0 for a draft, 1 to rehearse, 2 when ready."""
        return LABELS.index(self.label)


def readiness(completeness: Completeness, last_ratings: Sequence[int], overdue: int) -> Readiness:
    """Where a story stands.

    A draft while it is empty, a required field is empty or a check fails; then to
    rehearse until its last rated rehearsal (`last_ratings`, empty if never rated)
    averages strong (3 of 4) or better with no follow-up overdue; then ready.
    """
    if not completeness.filled:
        return Readiness("draft", "nothing written yet")
    empty = sum(1 for f in completeness.findings if f.check == "required")
    if empty:
        are = "is" if empty == 1 else "are"
        return Readiness("draft", f"{plural(empty, 'required field')} {are} empty")
    if completeness.findings:
        return Readiness("draft", f"{plural(len(completeness.findings), 'check')} to fix")
    if not last_ratings:
        return Readiness("rehearse", "not rehearsed yet")
    mean = sum(last_ratings) / len(last_ratings)
    reasons = []
    if mean < READY_MEAN:
        reasons.append(f"averaged {mean:.1f} of 4 last time")
    if overdue > 0:
        reasons.append(f"{plural(overdue, 'follow-up')} due")
    if reasons:
        return Readiness("rehearse", "; ".join(reasons))
    return Readiness("ready", f"averaged {mean:.1f} of 4 last time; nothing due")
