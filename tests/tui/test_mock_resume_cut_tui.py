"""A question cut by a crash, asked again on resume and told again with the same story:
one rehearsal of that story, and the report shows the answers given again."""

from __future__ import annotations

from fake_clock import FakeClock
from test_tui_mock import drawn, on_top, screen, shown, started, tell
from test_tui_mock_resume import offered_resume
from tui_helpers import AppFactory, notified, wait_for

from coach.services.workspace import Workspace
from coach.store import Store, rehearsals
from coach.tui.app import MockRequest
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_report import MockReportScreen

SIZE = (120, 40)


async def test_a_cut_question_told_again_is_one_rehearsal_in_the_report(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "project", 5)
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        told = (await started(pilot, app)).offered[0].story_id
        await pilot.press("enter")
        await tell(pilot, clock, 130, "2")  # the first follow-up rated weak
        clock.now += 30  # the second under way when the app dies
        await wait_for(pilot, lambda: "· 26:40 left ·" in shown(app, "stage"))
    clock.now += 3600
    assert told is not None

    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await offered_resume(pilot, app)
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        assert notified(app, "Resumed: question 1 asked again")
        assert screen(app).offered[0].story_id == told
        await pilot.press("enter")  # the same story, told again whole
        await tell(pilot, clock, 100, "444")
        await wait_for(pilot, lambda: shown(app, "stage").startswith("Question 2 · "))
        await pilot.press("e")
        await wait_for(pilot, lambda: on_top(app, MockReportScreen), "the report")
        head = shown(app, "summary-head")
        title = samples.story(told).title
        ratings = ", ".join(["very strong"] * 3)
        assert f"1. {asked[0].text} → {title} · 1:40 of 2:00 · {ratings}" in head, head
    (row,) = rehearsals.history(samples, told)  # one rehearsal for the one question
    assert row.status == "finished"
    assert [a.seconds for a in rehearsals.answers(samples, row.id)] == [100.0, 40.0, 40.0, 40.0]
