"""A long mock's report scrolls: every question can be read at 80x24, and the questions
improvised where a story fitted say which story, apart from the real gaps."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static
from tui_helpers import AppFactory, wait_for

from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import mock, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.mock_report import MockReportScreen


def long_mock(store: Store, workspace: Workspace, improvised: int) -> mock_record.MockReport:
    """A stored mock: one story told, then `improvised` questions answered with none."""
    questions = list(common_questions(workspace).questions.questions[: improvised + 1])
    run = mock.Mock(store, questions, 90, 1, 1000.0, kind="mixed")
    now = 1000.0
    story_id = int(store.conn.execute("SELECT min(id) FROM stories").fetchone()[0])
    for n in range(improvised + 1):
        question = run.next_question()
        assert question is not None
        part = run.begin_part(
            question,
            story_id if n == 0 else None,
            templates=workspace.templates,
            question_sets=workspace.question_sets,
            now=now,
        )
        now += 60
        run.record(part, 0, Result(60.0, rating=Rating.STRONG), now=now)
        run.close(part, "ended")
    run.finish("ended", now)
    assert run.mock_id is not None
    return mock_record.report(store, run.mock_id)


async def test_a_long_report_scrolls_to_its_last_question_at_80x24(
    samples: Store, workspace: Workspace, coach_app: AppFactory
) -> None:
    stored = long_mock(samples, workspace, 30)
    last = f"31. {stored.parts[-1].question}"
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")
        app.push_screen(MockReportScreen(stored))
        await wait_for(
            pilot, lambda: isinstance(app.screen, MockReportScreen) and app.screen.is_mounted
        )
        box = app.screen.query_one("#summary-head-box", VerticalScroll)
        await wait_for(pilot, lambda: box.has_focus, "the long head focused")
        assert box.max_scroll_y > 0 and box.scroll_y == 0
        head = app.screen.query_one("#summary-head", Static)
        assert last[:30] in str(head.render())
        await pilot.press("end")
        await wait_for(pilot, lambda: box.scroll_y == box.max_scroll_y, "scrolled to the end")
        assert box.region.height <= 12  # half the screen: the table stays in sight
        await pilot.press("tab")
        assert not box.has_focus  # the answers' table is next


async def test_a_short_report_leaves_the_table_focused(
    samples: Store, workspace: Workspace, coach_app: AppFactory
) -> None:
    stored = long_mock(samples, workspace, 1)
    app = coach_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")
        app.push_screen(MockReportScreen(stored))
        await wait_for(
            pilot, lambda: isinstance(app.screen, MockReportScreen) and app.screen.is_mounted
        )
        await pilot.pause()
        box = app.screen.query_one("#summary-head-box", VerticalScroll)
        assert box.max_scroll_y == 0 and not box.has_focus
