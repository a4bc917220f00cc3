"""A mock interview killed mid-way (the app closed under run_test) and the next start: the
unfinished mock offered, resumed where it stopped with the time it had left, or discarded;
its improvised answers in the report after the restart."""

from __future__ import annotations

import re

from fake_clock import FakeClock
from test_tui_mock import drawn, offered, on_top, screen, shown, started, tell
from textual.pilot import Pilot
from tui_helpers import AppFactory, notified, table, wait_for

from coach.services import mock_record
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals
from coach.tui.app import CoachApp, MockRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_report import MockReportScreen
from coach.tui.screens.mock_resume import ResumeDialog, offer_unfinished_mock

SIZE = (120, 40)


async def first_part_then_killed(
    coach_app: AppFactory, clock: FakeClock, *, improvise: bool = False
) -> int | None:
    """A 30-minute project mock (seed 5): the first question answered (with the best match,
    told 130 s and three follow-ups of 40 s; or improvised 90 s, rated weak), the second
    asked; then the app closes. The story told, if one was."""
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        story_id = None
        if improvise:
            await pilot.press("i")
            clock.now += 90
            await pilot.press("enter", "2", "enter")
        else:
            story_id = mock_screen.offered[0].story_id
            await pilot.press("enter")
            await tell(pilot, clock, 130, "243")
        assert shown(app, "stage").startswith("Question 2 · ")
    clock.now += 3600  # the app is down for an hour: that time is not the mock's
    return story_id


async def offered_resume(pilot: Pilot[None], app: CoachApp) -> ResumeDialog:
    await wait_for(pilot, lambda: on_top(app, ResumeDialog), "the unfinished mock offered")
    dialog = app.screen
    assert isinstance(dialog, ResumeDialog)
    return dialog


async def test_a_killed_mock_is_resumed_where_it_stopped(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "project", 5)
    told = await first_part_then_killed(coach_app, clock)
    assert told is not None

    app = coach_app(mock=MockRequest(45, "behavioral"))  # `coach mock` again, other settings
    async with app.run_test(size=SIZE) as pilot:
        dialog = await offered_resume(pilot, app)
        question = str(dialog.query_one(".dialog-question").render())
        assert question.startswith(
            "A mock interview was left unfinished (30 minutes, project): 1 question answered, "
            "25:50 left."
        )
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        assert shown(app, "prompt") == asked[1].text  # the same draw goes on
        assert shown(app, "stage").startswith("Question 2 · 25:50 left")
        assert told not in offered(app)  # the story told before the crash stays told
        assert screen(app).settings.minutes == 30
        best = screen(app).offered[0]
        assert best.level == "good"
        await pilot.press("i")
        clock.now += 60
        await pilot.press("enter", "3", "enter", "e")
        await wait_for(pilot, lambda: on_top(app, MockReportScreen), "the report")
        head = shown(app, "summary-head")
        assert head.startswith("Mock interview · ended early · 2 questions in 5:10 of 30:00")
        assert f"1. {asked[0].text} → {samples.story(told).title} · 2:10 of 2:00" in head
        assert (
            f"2. {asked[1].text} → no story (you had one: {best.title}) · 1:00 of 2:00 · strong"
            in head
        )
    (row,) = rehearsals.history(samples, told)
    assert row.status == "finished"  # each of its steps answered before the crash
    assert mock_record.unfinished(samples) is None


async def test_an_improvised_answer_is_in_the_report_after_a_restart(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "project", 5)
    await first_part_then_killed(coach_app, clock, improvise=True)

    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        await offered_resume(pilot, app)
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        assert shown(app, "stage").startswith("Question 2 · 28:30 left")
        story = screen(app).offered[0]
        await pilot.press("enter")
        await tell(pilot, clock, 100, "3")
        await pilot.press("e")
        await wait_for(pilot, lambda: on_top(app, MockReportScreen), "the report")
        head = shown(app, "summary-head")
        # a story fitted it: the report names it (one told later in the mock: told already)
        first = rf"1\. {re.escape(asked[0].text)} → no story \((you had one: .+|.+ was told "
        assert re.search(first + r"already)\) · 1:30 of 2:00", head), head
        assert f"2. {asked[1].text} → {story.title} · 1:40 of 2:00 · strong" in head
        assert "No story yet for" not in head


async def test_discarding_the_unfinished_mock_starts_a_new_one(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    told = await first_part_then_killed(coach_app, clock)
    assert told is not None
    app = coach_app(mock=MockRequest(45, "behavioral", 2))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await offered_resume(pilot, app)
        await pilot.press("d")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).offers is not None)
        assert notified(app, "Unfinished mock discarded.")
        assert shown(app, "stage") == "Mock interview · 45 minutes"
        assert screen(app).interview is None
    assert mock_record.unfinished(samples) is None
    (row,) = rehearsals.history(samples, told)  # what was told with a story stays
    assert row.status == "finished" and len(rehearsals.answers(samples, row.id)) == 4


async def test_not_now_starts_a_new_mock_and_keeps_the_unfinished_one(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    await first_part_then_killed(coach_app, clock)
    app = coach_app(mock=MockRequest(45, "behavioral", 2))
    async with app.run_test(size=SIZE) as pilot:
        await offered_resume(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).offers is not None)
        assert screen(app).settings.minutes == 45 and screen(app).resume is None
    assert mock_record.unfinished(samples) is not None


async def test_the_bank_offers_the_unfinished_mock(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    """What the bank does at start-up (its on_mount calls offer_unfinished_mock)."""
    asked = drawn(workspace, "project", 5)
    await first_part_then_killed(coach_app, clock)
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: table(app).row_count > 0, "the bank's rows")
        if not on_top(app, ResumeDialog):  # until the bank calls it itself
            bank = app.screen
            assert isinstance(bank, BankScreen)
            offer_unfinished_mock(bank)
        await offered_resume(pilot, app)
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        assert shown(app, "prompt") == asked[1].text
        assert shown(app, "stage").startswith("Question 2 · 25:50 left")
