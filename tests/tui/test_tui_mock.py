"""The mock interview driven through Pilot with a fake clock, checked against the database."""

from __future__ import annotations

from typing import Any

from fake_clock import FakeClock
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList, Static
from tui_helpers import AppFactory, notified, table, wait_for

from coach.core.common_questions import CommonQuestion
from coach.core.schedule import Rating
from coach.services import mock, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals
from coach.tui.app import CoachApp, MockRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_report import MockReportScreen

SIZE = (120, 40)
FRAUD = "Fraud model that broke three weeks after launch"


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def on_top(app: CoachApp, kind: type[Screen[Any]]) -> bool:
    return isinstance(app.screen, kind) and app.screen.is_mounted


def drawn(workspace: Workspace, kind: str, seed: int) -> list[CommonQuestion]:
    return mock.draw(common_questions(workspace).questions, kind, seed)


def screen(app: CoachApp) -> MockScreen:
    found = app.screen
    assert isinstance(found, MockScreen)
    return found


async def started(pilot: Pilot[None], app: CoachApp) -> MockScreen:
    """The mock on top with its stories read; enter asks the first question."""
    await wait_for(pilot, lambda: on_top(app, MockScreen), "the mock")
    await wait_for(pilot, lambda: screen(app).offers is not None, "the stories read")
    await pilot.press("enter")
    assert screen(app).picking
    return screen(app)


def stored_rehearsals(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM rehearsals").fetchone()[0])


def offered(app: CoachApp) -> list[int | None]:
    return [o.story_id for o in screen(app).offered]


async def tell(pilot: Pilot[None], clock: FakeClock, seconds: float, ratings: str) -> None:
    """Tell the story for `seconds`, then answer each follow-up in 40 s, rated so."""
    clock.now += seconds
    await pilot.press("enter")
    for rating in ratings:
        clock.now += 40
        await pilot.press("enter", rating, "enter")


async def test_a_mock_of_two_questions_is_stored_story_by_story(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "project", 5)
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        assert shown(app, "prompt") == asked[0].text
        assert shown(app, "stage").startswith("Question 1 · 30:00 left")
        first = mock_screen.offered[0]
        assert first.story_id is not None and mock.IMPROVISE in mock_screen.offered
        options = app.screen.query_one("#offers", OptionList)
        assert options.has_focus and options.highlighted == 0
        await pilot.press("enter")  # the best match, highlighted
        assert shown(app, "prompt") == asked[0].text
        assert "target 2:00" in shown(app, "stage") and first.title in shown(app, "stage")
        await tell(pilot, clock, 130, "243")
        assert shown(app, "prompt") == asked[1].text
        assert shown(app, "stage").startswith("Question 2 · 25:50 left")
        assert first.story_id not in offered(app)  # a story is told once
        second = mock_screen.offered[1]
        await pilot.press("2")
        await tell(pilot, clock, 100, "3")
        await pilot.press("e")
        await wait_for(pilot, lambda: on_top(app, MockReportScreen), "the report")
        head = shown(app, "summary-head")
        assert head.startswith("Mock interview · ended early · 2 questions in 6:30 of 30:00")
        assert (
            f"1. {asked[0].text} → {first.title} · 2:10 of 2:00 · weak, very strong, strong" in head
        )
        await pilot.press("r")  # another mock: same length and kind, its own draw
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).interview is None)
        assert screen(app).settings == mock.Settings(30, "project")

    ids = [first.story_id, second.story_id]
    stored = [rehearsals.history(samples, i)[0] for i in ids if i is not None]
    assert [r.status for r in stored] == ["finished", "ended"]
    one = rehearsals.answers(samples, stored[0].id)
    assert [(a.kind, a.key, a.prompt, a.seconds) for a in one[:1]] == [
        ("section", "pitch", asked[0].text, 130.0)
    ]
    assert [a.rating for a in one[1:]] == [Rating.WEAK, Rating.VERY_STRONG, Rating.STRONG]
    assert [a.seconds for a in one[1:]] == [40.0, 40.0, 40.0]
    schedule = rehearsals.reviews(samples, first.story_id or 0)
    assert schedule[one[1].key].last_rating is Rating.WEAK
    two = rehearsals.answers(samples, stored[1].id)
    assert [(a.kind, a.rating) for a in two] == [("section", None), ("followup", Rating.STRONG)]


async def test_no_story_is_said_in_the_report_and_time_up_ends_the_mock(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "behavioral", 2)
    before = stored_rehearsals(samples)
    app = coach_app(mock=MockRequest(30, "behavioral", 2))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await started(pilot, app)
        await pilot.press("i")
        assert "No story for this one" in shown(app, "notes")
        clock.now += 90
        await pilot.press("enter")  # improvised: no follow-ups, but rated
        assert "1:30 of 2:00 · rate it" in shown(app, "rubric")
        await pilot.press("2", "enter")
        assert shown(app, "prompt") == asked[1].text
        await pilot.press("1")
        clock.now += 29 * 60  # the time runs out during the story
        await pilot.press("enter")
        await wait_for(pilot, lambda: on_top(app, MockReportScreen), "the report")
        assert notified(app, "Time is up")
        head = shown(app, "summary-head")
        assert head.startswith("Mock interview · time up · 2 questions in 30:30 of 30:00")
        # improvised, though the bank had a story for it: named, and not a gap to write
        assert f"1. {asked[0].text} → no story (you had one: {FRAUD}) · 1:30 of 2:00" in head
        assert "No story yet for" not in head
        await pilot.press("escape")  # opened first: the bank comes next
        await wait_for(pilot, lambda: on_top(app, BankScreen), "the bank")
    assert (
        stored_rehearsals(samples) == before + 1
    )  # the improvised answer has no story to be stored with


async def test_m_on_the_bank_opens_a_mock(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: table(app).row_count > 0, "the bank's rows")
        await pilot.press("M")
        await wait_for(pilot, lambda: on_top(app, MockScreen), "the mock")
        assert shown(app, "stage") == "Mock interview · 30 minutes"
        await wait_for(pilot, lambda: "6 stories ready" in shown(app, "notes"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, MockScreen), "the bank again")


async def test_a_mock_with_no_story_told_says_so_and_keeps_it_in_the_mock_alone(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "mixed", 9)
    before = stored_rehearsals(samples)
    app = coach_app(mock=MockRequest(45, "mixed", 9))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, app)
        assert shown(app, "stage").startswith("Question 1 · 45:00 left")
        best = screen(app).offered[0]
        assert best.level == "good"  # offered first, as a good match
        await pilot.press("i")
        clock.now += 50
        await pilot.press("enter", "e")
        await wait_for(pilot, lambda: screen(app).over is not None, "the end")
        assert shown(app, "stage").startswith("Mock over · no story was told")
        assert f"1. {asked[0].text} → no story (you had one: {best.title}) · 0:50" in shown(
            app, "prompt"
        )
        await pilot.press("enter")  # nothing starts again
        assert screen(app).over is not None and len(screen(app).interview.parts) == 1
        stored = screen(app).interview.mock_id
        await pilot.press("escape")
        await wait_for(pilot, lambda: on_top(app, BankScreen), "the bank")
    assert stored_rehearsals(samples) == before
    by_id = {q.id: q for q in asked}  # read back as the mock asked them
    kept = mock_record.report(samples, stored, by_id)  # the improvised answer is in the mock
    assert kept.mock.status == "ended" and kept.without_story == []
    assert kept.parts[0].could_tell == best.title  # a story was there to tell
    assert [(p.seconds, p.target_seconds) for p in kept.parts] == [(50.0, 120.0)]


async def test_closing_the_app_mid_story_keeps_what_was_said(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        story_id = mock_screen.offered[0].story_id
        await pilot.press("enter")
        await tell(pilot, clock, 110, "3")
        clock.now += 20
        await pilot.press("enter")  # the second follow-up answered, not rated: then closed
    assert story_id is not None
    (row, *_) = rehearsals.history(samples, story_id)
    assert row.status == "unfinished"
    answers = rehearsals.answers(samples, row.id)
    assert [(a.kind, a.seconds, a.rating) for a in answers] == [
        ("section", 110.0, None),
        ("followup", 40.0, Rating.STRONG),
        ("followup", 20.0, None),
    ]
