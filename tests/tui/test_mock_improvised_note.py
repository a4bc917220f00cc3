"""The note under an improvised answer says what the report will say of it: the story of
the bank that fits the question when there is one, else that it is a story to write."""

from __future__ import annotations

from fake_clock import FakeClock
from test_tui_mock import shown, started
from tui_helpers import AppFactory, wait_for

from coach.core.text import visible
from coach.store import Store
from coach.tui.app import MockRequest
from coach.tui.screens.mock_report import MockReportScreen

SIZE = (120, 40)


async def test_an_improvised_answer_names_the_story_that_fits(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        best = mock_screen.offered[0]
        assert best.level == "good"
        await pilot.press("i")
        await wait_for(pilot, lambda: mock_screen.part is not None)
        note = shown(app, "notes")
        assert f"The report names a story of yours that fits it: {visible(best.title)}." in note
        assert "story to write" not in note
        clock.now += 60
        await pilot.press("enter", "3", "enter", "e")
        await wait_for(pilot, lambda: "no story (you had one: " in shown(app, "prompt"))
        assert f"(you had one: {visible(best.title)})" in shown(app, "prompt")
        assert not isinstance(app.screen, MockReportScreen)


async def test_an_improvised_answer_with_no_story_is_one_to_write(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app(mock=MockRequest(30, "behavioral", 0))  # mentoring first: no story fits
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        assert all(o.level != "good" for o in mock_screen.offered)
        await pilot.press("i")
        await wait_for(pilot, lambda: mock_screen.part is not None)
        assert "The report lists it as a story to write." in shown(app, "notes")
        clock.now += 60
        await pilot.press("enter", "3", "enter", "e")
        await wait_for(pilot, lambda: "No story yet for: " in shown(app, "prompt"))
