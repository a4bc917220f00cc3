"""Ratings given days ago, stored as a rehearsal stores them, for the drill's tests.

The questions come from the question sets in use (whatever ids they hold); each prompt
says which question it was and when it was asked, so a test can tell the words a drill
asks again from the question set's own.
"""

from __future__ import annotations

import datetime as dt

from coach.core.clock import utc_now
from coach.core.questions import Question
from coach.core.schedule import Rating
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals


def questions(template: str, count: int) -> list[Question]:
    """The first `count` follow-ups of the question set that asks about `template` stories."""
    found = list(Workspace().question_sets.for_template(template).questions[:count])
    assert len(found) == count
    return found


def prompt(question: Question, days_ago: float) -> str:
    return f"{question.id}, asked {days_ago:g} days ago"


def rate(store: Store, slug: str, days_ago: float, *answers: tuple[Question, Rating]) -> int:
    """One finished rehearsal of the story `slug`, `days_ago` days back, whose follow-ups
    were rated so; its id. Each rating reschedules its question, as in a rehearsal."""
    row = store.find(slug)
    assert row is not None
    when = utc_now() - dt.timedelta(days=days_ago)
    rid = rehearsals.start(store, row.id, when=when)
    for position, (question, rating) in enumerate(answers):
        rehearsals.record(
            store,
            rid,
            position,
            kind="followup",
            key=question.id,
            category=question.category,
            prompt=prompt(question, days_ago),
            target_seconds=40,
            seconds=35.0,
            rating=rating,
            when=when + dt.timedelta(minutes=position + 1),
        )
    rehearsals.close(store, rid, "finished", when=when + dt.timedelta(minutes=10))
    return rid
