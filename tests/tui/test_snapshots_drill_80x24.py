"""The drill on a laptop's 80×24 terminal: five weak answers of one story, one of them a
long question, before the clock starts and while one is asked (SVG snapshots)."""

from __future__ import annotations

import datetime as dt

import pytest
from fake_clock import FakeClock
from test_snapshots import no_blink
from tui_helpers import AppFactory, wait_for
from weak_answers import questions

from coach.core.clock import utc_now
from coach.core.schedule import Rating
from coach.store import Store, rehearsals
from coach.tui.app import CoachApp, DrillRequest
from coach.tui.screens.drill import DrillScreen

SIZE = (80, 24)
LONG = (
    "You said the model ranked customers by their risk of leaving: how did the call centre "
    "use that list day to day, and what would you change about it now?"
)


def weak_answers(store: Store, slug: str) -> int:
    """A rehearsal of the story, five days ago, with five follow-ups rated weak or very weak
    in the words they were asked (one of them long); the story's id."""
    row = store.find(slug)
    assert row is not None
    when = utc_now() - dt.timedelta(days=5)
    rid = rehearsals.start(store, row.id, when=when)
    for position, question in enumerate(questions("project", 5)):
        rehearsals.record(
            store,
            rid,
            position,
            kind="followup",
            key=question.id,
            category=question.category,
            prompt=LONG if position == 2 else question.fallback or question.text,
            target_seconds=question.target_seconds,
            seconds=question.target_seconds + 20.0,
            rating=Rating.VERY_WEAK if position % 2 else Rating.WEAK,
            when=when + dt.timedelta(minutes=position + 1),
        )
    rehearsals.close(store, rid, "finished", when=when + dt.timedelta(minutes=10))
    return row.id


@pytest.fixture
def drill_app(samples: Store, coach_app: AppFactory) -> CoachApp:
    story_id = weak_answers(samples, "churn-leakage")
    return coach_app(drill=DrillRequest(story_id, picked=True))


async def on_the_drill(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DrillScreen), "the drill")
    await no_blink(pilot)


def test_drill_intro_80x24(snap_compare, drill_app: CoachApp) -> None:
    assert snap_compare(drill_app, terminal_size=SIZE, run_before=on_the_drill)


def test_drill_question_80x24(snap_compare, drill_app: CoachApp, clock: FakeClock) -> None:
    async def asked(pilot) -> None:  # type: ignore[no-untyped-def]
        await on_the_drill(pilot)
        await pilot.press("enter")
        clock.now += 12
        await no_blink(pilot)

    assert snap_compare(drill_app, terminal_size=SIZE, run_before=asked)
