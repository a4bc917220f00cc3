"""The end of a mock interview: the stored mock closed, then its report, read back from
what was stored (the summary's, once a story was told; else its head, on the mock itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.services.mock_record import report_of
from coach.services.stories import StoreError
from coach.tui.screens.mock_report import MockReportScreen, head, reportable

if TYPE_CHECKING:
    from coach.tui.screens.mock import MockScreen


def end_mock(screen: MockScreen, status: str) -> None:
    """Close the mock once its answers are stored ('finished' or 'ended'), and report it."""
    interview = screen.interview
    assert interview is not None
    if not screen.finish_when_stored(status):
        return
    now = screen.coach.clock()
    try:
        interview.finish(status, now)
    except StoreError as exc:  # the answers are stored; the mock stays unfinished
        screen.notify(f"Mock not closed yet: {exc}", severity="error", timeout=8)
    stored = report_of(interview, status, now)
    if reportable(stored):
        report = MockReportScreen(stored)
        if len(screen.app.screen_stack) > 1:
            screen.app.switch_screen(report)
        else:  # the bottom screen (`coach mock`) stays under its report
            screen.app.push_screen(report)
        return
    screen.over = head(stored)
    screen.question = None  # a question asked but not answered is not in the report
    screen.set_focus(None)
    screen.refresh_view()
