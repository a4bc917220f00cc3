"""The mock while it is being given: the time left counts down with the clock, a second
window on the same database is not offered the live mock, and a question cut by a crash is
asked again on resume, with the time it had left."""

from __future__ import annotations

from fake_clock import FakeClock
from test_tui_mock import drawn, offered, on_top, screen, shown, started, tell
from test_tui_mock_resume import offered_resume
from tui_helpers import AppFactory, table, wait_for

from coach.services import mock_record
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals
from coach.tui.app import MockRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_resume import ResumeDialog, offer_unfinished_mock

SIZE = (120, 40)


def stored_elapsed(store: Store) -> float:
    return float(store.conn.execute("SELECT max(elapsed_seconds) FROM mocks").fetchone()[0])


async def test_the_time_left_counts_down_while_the_user_talks(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, app)
        clock.now += 12  # choosing the story takes time too
        await wait_for(pilot, lambda: shown(app, "stage").startswith("Question 1 · 29:48 left"))
        await pilot.press("enter")
        assert shown(app, "stage").startswith("Question 1 · 29:48 left · ")
        clock.now += 65  # the story told: no key pressed, the header follows the clock
        await wait_for(pilot, lambda: "· 28:43 left ·" in shown(app, "stage"))
        await pilot.press("enter")
        assert shown(app, "stage").startswith("Question 1 · 28:43 left · Follow-up 1 of 3")
        clock.now += 30.5
        await wait_for(pilot, lambda: "· 28:12 left ·" in shown(app, "stage"))
        await pilot.press("enter")  # the answer over: the interview's clock still runs
        clock.now += 8
        await wait_for(pilot, lambda: "· 28:04 left ·" in shown(app, "stage"))
        # the mock's own clock is kept as it runs: a crash loses a few seconds at most
        await wait_for(pilot, lambda: stored_elapsed(samples) == 115.5)


async def test_a_second_window_is_not_offered_the_mock_being_given(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    first = coach_app(mock=MockRequest(30, "project", 5))
    async with first.run_test(size=SIZE) as pilot:
        await started(pilot, first)
        await pilot.press("enter")
        await tell(pilot, clock, 100, "3")  # stored: a crash now would leave it unfinished
        assert mock_record.unfinished(samples) is None
        second = coach_app()  # `coach` in another terminal, on the same database
        async with second.run_test(size=SIZE) as other:
            await wait_for(other, lambda: table(second).row_count > 0, "the bank's rows")
            bank = second.screen
            assert isinstance(bank, BankScreen)
            offer_unfinished_mock(bank)
            await other.pause()
            assert not on_top(second, ResumeDialog)
        assert on_top(first, MockScreen) and screen(first).session is not None
    # the first window gone (closed or crashed): now the mock is one to resume
    assert mock_record.unfinished(samples) is not None


async def test_a_question_cut_by_a_crash_is_asked_again_with_the_time_it_had_left(
    samples: Store, workspace: Workspace, coach_app: AppFactory, clock: FakeClock
) -> None:
    asked = drawn(workspace, "project", 5)
    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE) as pilot:
        mock_screen = await started(pilot, app)
        told = mock_screen.offered[0].story_id
        await pilot.press("enter")
        clock.now += 130
        await pilot.press("enter")
        clock.now += 40
        await pilot.press("enter", "2", "enter")  # the first follow-up answered, rated
        clock.now += 30  # then the second under way when the app dies
        await wait_for(pilot, lambda: "· 26:40 left ·" in shown(app, "stage"))
        await wait_for(pilot, lambda: stored_elapsed(samples) == 200.0, "the clock kept")
    clock.now += 3600
    assert told is not None

    app = coach_app(mock=MockRequest(30, "project", 5))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await offered_resume(pilot, app)
        line = str(dialog.query_one(".dialog-question").render())
        assert line.startswith(
            "A mock interview was left unfinished (30 minutes, project): no question "
            "answered, 26:40 left. Question 1 was cut: it is asked again."
        )
        await pilot.press("r")
        await wait_for(pilot, lambda: on_top(app, MockScreen) and screen(app).picking)
        assert shown(app, "prompt") == asked[0].text  # the cut question again
        assert shown(app, "stage").startswith("Question 1 · 26:40 left")
        assert offered(app)[0] == told  # its story is not told yet in this mock
        assert screen(app).interview is not None and screen(app).interview.parts == []
    (row,) = rehearsals.history(samples, told)  # the question's, until it is answered again
    assert row.status == "unfinished"
    assert [a.seconds for a in rehearsals.answers(samples, row.id)] == [130.0, 40.0]
    left = mock_record.unfinished(samples)  # closed again before a story was picked: still cut
    assert left is not None and len(left.parts) == 1
