"""The drill driven through Pilot with a fake clock, checked against the database."""

from __future__ import annotations

from typing import Any

from fake_clock import FakeClock
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Static
from tui_helpers import AppFactory, notified, table, wait_for
from weak_answers import prompt, questions, rate

from coach.core.clock import utc_now
from coach.core.schedule import Rating
from coach.store import Store, rehearsals
from coach.tui.app import CoachApp, DrillRequest, RehearseRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.drill import DrillScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import AgainDialog, SummaryScreen

SIZE = (120, 40)


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def on_top(app: CoachApp, kind: type[Screen[Any]]) -> bool:
    """A screen of this kind is on top, and has run its on_mount."""
    return isinstance(app.screen, kind) and app.screen.is_mounted


async def through_the_pitch(pilot: Pilot[None], app: CoachApp) -> None:
    """Start the clock and say each section of the pitch, up to the check-in."""
    await pilot.press("enter")
    while "Check-in" not in shown(app, "stage"):
        await pilot.press("enter")


def ident(store: Store, slug: str) -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


async def select_story(pilot: Pilot[None], app: CoachApp, story_id: int) -> None:
    await wait_for(pilot, lambda: table(app).row_count > 0, "the bank's rows")
    stories = table(app)
    stories.move_cursor(row=stories.get_row_index(str(story_id)))


async def test_d_on_the_bank_drills_the_storys_weak_answers(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    q = questions("project", 3)
    rate(samples, "churn-leakage", 6, (q[0], Rating.WEAK), (q[1], Rating.STRONG))
    rate(samples, "churn-leakage", 2, (q[2], Rating.VERY_WEAK))
    rate(samples, "produce-demand-forecast", 3, (q[1], Rating.VERY_WEAK))  # another story
    churn = ident(samples, "churn-leakage")
    before = len(rehearsals.history(samples, churn))
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await select_story(pilot, app, churn)
        await pilot.press("D")
        await wait_for(pilot, lambda: on_top(app, DrillScreen), "the drill")
        assert "2 follow-ups you last rated weak or very weak" in shown(app, "prompt")
        assert prompt(q[2], 2) in shown(app, "notes")
        await pilot.press("enter")
        assert shown(app, "stage").startswith("Drill 1 of 2")
        assert shown(app, "prompt") == prompt(q[2], 2)  # the very weak one first
        assert "last rated very weak 2 days ago" in shown(app, "notes")
        clock.now += 33
        await pilot.press("enter")
        assert q[2].why in shown(app, "why")
        await pilot.press("3", "enter")
        assert shown(app, "prompt") == prompt(q[0], 6)
        clock.now += 51
        await pilot.press("enter", "1", *"numbers", "enter")
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        assert shown(app, "summary-head").startswith("Drill · Churn model that leaked")
        answers_table = app.screen.query_one(DataTable)
        assert answers_table.row_count == 2
        answers_table.move_cursor(row=1)
        await pilot.press("a", "ctrl+s")  # the note goes into the field the question probes

    (row, *_) = rehearsals.history(samples, churn)
    assert len(rehearsals.history(samples, churn)) == before + 1 and row.status == "finished"
    answers = rehearsals.answers(samples, row.id)
    assert [(a.kind, a.key, a.seconds, a.rating) for a in answers] == [
        ("followup", q[2].id, 33.0, Rating.STRONG),
        ("followup", q[0].id, 51.0, Rating.VERY_WEAK),
    ]
    assert answers[1].note == "numbers" and answers[0].prompt == prompt(q[2], 2)
    assert samples.fields(churn)[q[0].probes[0]].endswith("\n\nnumbers")
    schedule = rehearsals.reviews(samples, churn)
    assert schedule[q[2].id].last_rating is Rating.STRONG
    assert schedule[q[2].id].due.date() > utc_now().date()
    assert schedule[q[0].id].last_rating is Rating.VERY_WEAK


async def test_the_drill_summary_drills_again_what_was_rated_weak(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    q = questions("project", 2)
    rate(samples, "churn-leakage", 4, (q[0], Rating.WEAK), (q[1], Rating.WEAK))
    app = coach_app(drill=DrillRequest(ident(samples, "churn-leakage")))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_top(app, DrillScreen), "the drill")
        await pilot.press("enter", "enter", "4", "enter", "enter", "2", "enter")
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, DrillScreen), "the drill again")
        assert "1 follow-up you last rated weak" in shown(app, "prompt")
        await pilot.press("enter")
        assert shown(app, "stage").startswith("Drill 1 of 1")
        assert shown(app, "prompt") == prompt(q[1], 4)
        await pilot.press("enter", "3", "enter")
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        await pilot.press("r")  # nothing weak is left
        await wait_for(pilot, lambda: notified(app, "Nothing left to drill"))
        assert isinstance(app.screen, SummaryScreen)


async def test_every_story_back_to_back(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    p, s = questions("project", 1), questions("star", 1)
    rate(samples, "churn-leakage", 5, (p[0], Rating.WEAK))
    rate(samples, "fraud-model-drift", 3, (s[0], Rating.VERY_WEAK))
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: table(app).row_count > 0, "the bank's rows")
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: on_top(app, DrillScreen), "the drill")
        assert "Churn model that leaked the future" in shown(app, "notes")
        await pilot.press("enter")
        assert "Fraud model that broke" in shown(app, "stage")
        clock.now += 20
        await pilot.press("enter", "3", "enter")
        assert "Churn model" in shown(app, "stage")
        await pilot.press("e")  # ended on the second story, before answering it
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        assert app.screen.query_one(DataTable).row_count == 1
    (fraud, *_) = rehearsals.history(samples, ident(samples, "fraud-model-drift"))
    assert fraud.status == "finished"
    assert [a.rating for a in rehearsals.answers(samples, fraud.id)] == [Rating.STRONG]
    (churn, *_) = rehearsals.history(samples, ident(samples, "churn-leakage"))
    assert churn.started_at < fraud.started_at  # the drill began no churn rehearsal


async def test_nothing_weak_says_so_and_stays_on_the_bank(
    samples: Store, coach_app: AppFactory
) -> None:
    q = questions("project", 1)
    rate(samples, "churn-leakage", 2, (q[0], Rating.STRONG))
    churn = ident(samples, "churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await select_story(pilot, app, churn)
        await pilot.press("D")
        await wait_for(pilot, lambda: notified(app, "Nothing to drill in 'Churn model"))
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: notified(app, "Nothing to drill: no follow-up"))
        assert isinstance(app.screen, BankScreen)
    assert len(rehearsals.history(samples, churn)) == 1


async def test_a_rehearsals_summary_offers_to_drill_the_weak_answers(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    churn = ident(samples, "churn-leakage")
    app = coach_app(rehearse=RehearseRequest(churn, persona="technical", followups=2))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_top(app, RehearsalScreen), "the rehearsal")
        await through_the_pitch(pilot, app)
        await pilot.press("1")  # technical details
        asked = []
        for rating in ("2", "4"):
            asked.append(shown(app, "prompt"))
            clock.now += 30
            await pilot.press("enter", rating, "enter")
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, AgainDialog), "the offer")
        assert "You rated 1 follow-up weak just now" in str(
            app.screen.query_one(".dialog-question", Static).render()
        )
        await pilot.press("escape")  # stays on the summary
        await wait_for(pilot, lambda: on_top(app, SummaryScreen))
        await pilot.press("r", "d")
        await wait_for(pilot, lambda: on_top(app, DrillScreen), "the drill")
        await pilot.press("enter")
        assert shown(app, "stage").startswith("Drill 1 of 1")
        assert shown(app, "prompt") == asked[0]  # the words it was asked in just now
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "back to the bank")


async def test_rehearse_again_asks_only_after_weak_answers(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    churn = ident(samples, "churn-leakage")
    app = coach_app(rehearse=RehearseRequest(churn, followups=1))
    async with app.run_test(size=SIZE) as pilot:
        # a follow-up rated strong: "rehearse again" starts a new rehearsal at once
        await wait_for(pilot, lambda: on_top(app, RehearsalScreen), "the rehearsal")
        await through_the_pitch(pilot, app)
        await pilot.press("enter", "enter", "3", "enter")  # no preference; rated strong
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        await pilot.press("r")
        # the next one (five follow-ups), ended after one rated weak: it asks first
        await wait_for(pilot, lambda: on_top(app, RehearsalScreen), "the second rehearsal")
        await through_the_pitch(pilot, app)
        await pilot.press("enter", "enter", "2", "enter", "e")
        await wait_for(pilot, lambda: on_top(app, SummaryScreen), "the second summary")
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, AgainDialog), "the offer")
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, RehearsalScreen), "a new rehearsal")
        assert "Say the pitch out loud" in shown(app, "prompt")
    assert len(rehearsals.history(samples, churn)) == 2  # the third is not started yet
