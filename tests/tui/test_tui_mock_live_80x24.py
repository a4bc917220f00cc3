"""The mock's notifications and its resume offer at 80×24: each notification said on one
line of its toast (a toast is at most half the screen wide), the offer's text whole."""

from __future__ import annotations

from fake_clock import FakeClock
from test_tui_mock import on_top, screen, started
from test_tui_mock_resume import first_part_then_killed, offered_resume
from textual.widgets._toast import Toast
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.app import CoachApp, MockRequest
from coach.tui.screens.mock import MockScreen

SIZE = (80, 24)


def toasts(app: CoachApp) -> dict[str, int]:
    """Each notification shown, with the lines its toast takes."""
    return {t._notification.message: t.content_size.height for t in app.screen.query(Toast)}


async def test_discarding_and_resuming_are_said_in_one_line(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    await first_part_then_killed(coach_app, clock)
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await offered_resume(pilot, app)
        await pilot.press("d")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and toasts(app), "the toast")
        await pilot.pause()
        assert toasts(app) == {"Unfinished mock discarded.": 1}


async def test_resumed_and_time_up_are_said_in_one_line(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    await first_part_then_killed(coach_app, clock)
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await offered_resume(pilot, app)
        await pilot.pause()
        question = dialog.query_one(".dialog-question")
        assert question.content_size.height >= 4  # the offer wraps, never cut
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        await wait_for(pilot, lambda: toasts(app), "the toast")
        await pilot.pause()
        assert toasts(app) == {"Resumed: 1 question answered": 1}
        clock.now += 30 * 60
        await pilot.press("i")
        await wait_for(pilot, lambda: "Time is up: the interview is over" in toasts(app))
        await pilot.pause()
        assert set(toasts(app).values()) == {1}


async def test_the_question_line_fits_80_columns(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app(mock=MockRequest(30, "mixed", 3))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, app)
        stage = app.screen.query_one("#stage")
        assert stage.content_size.height == 1
