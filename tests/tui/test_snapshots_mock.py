"""The mock interview on a laptop's 80×24 terminal: a question with the stories offered for
it, the report, an improvised answer being rated, and the unfinished mock offered again (SVG
snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

import pytest
from fake_clock import FakeClock
from test_snapshots import app as bank_app  # noqa: F401  the sample bank, as the others
from tui_helpers import wait_for

from coach.core.rehearsal import Result
from coach.services import mock
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store
from coach.tui.app import CoachApp, MockRequest
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_report import MockReportScreen
from coach.tui.screens.mock_resume import ResumeDialog

SIZE = (80, 24)


@pytest.fixture
def mock_app(bank_app: CoachApp) -> CoachApp:  # noqa: F811
    """The sample bank, opening straight into a 30-minute mixed mock, questions drawn with 3."""
    bank_app.mock = MockRequest(30, "mixed", 3)
    return bank_app


async def first_question(pilot) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MockScreen), "the mock")
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.offers is not None, "the stories read")
    await pilot.press("enter")
    await pilot.pause()


def test_mock_question_80x24(snap_compare, mock_app: CoachApp) -> None:
    assert snap_compare(mock_app, terminal_size=SIZE, run_before=first_question)


def test_mock_report_80x24(snap_compare, mock_app: CoachApp, clock: FakeClock) -> None:
    async def report(pilot) -> None:
        await first_question(pilot)
        await pilot.press("enter")  # the best match
        clock.now += 125
        await pilot.press("enter")
        for rating in "231":
            clock.now += 45
            await pilot.press("enter", rating, "enter")
        await pilot.press("i")  # the second question with no story, rated weak
        clock.now += 70
        await pilot.press("enter", "2", "enter", "e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MockReportScreen), "the report")
        await pilot.pause()

    assert snap_compare(mock_app, terminal_size=SIZE, run_before=report)


def test_mock_resume_offered_80x24(
    snap_compare, mock_app: CoachApp, samples: Store, workspace: Workspace
) -> None:
    """A mock left unfinished (one story told, one answer improvised), offered at the start."""
    questions = mock.draw(common_questions(workspace).questions, "mixed", 3)
    run = mock.Mock(samples, questions, 30, 3, 0.0, kind="mixed")
    for story_id, seconds in ((samples.find("churn-leakage").id, 125.0), (None, 70.0)):
        part = run.begin_part(
            questions[len(run.parts)], story_id, templates=workspace.templates,
            question_sets=workspace.question_sets, now=0.0,
        )  # fmt: skip
        run.record(part, 0, Result(seconds), now=240.0 * len(run.parts))

    async def offered(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ResumeDialog), "the offer")
        await pilot.pause()

    assert snap_compare(mock_app, terminal_size=SIZE, run_before=offered)


def test_mock_improvised_rated_80x24(snap_compare, mock_app: CoachApp, clock: FakeClock) -> None:
    async def rated(pilot) -> None:
        await first_question(pilot)
        await pilot.press("i")
        clock.now += 80
        await pilot.press("enter", "3")
        await pilot.pause()

    assert snap_compare(mock_app, terminal_size=SIZE, run_before=rated)
