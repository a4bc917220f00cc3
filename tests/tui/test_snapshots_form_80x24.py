"""The story form at 80x24, a laptop's terminal: the fields list stays in reach."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea
from tui_helpers import AppFactory

from coach.store import Store
from coach.tui.app import CoachApp

FIXED = "2024-03-01T10:00:00+00:00"


@pytest.fixture
def app(samples: Store, coach_app: AppFactory) -> CoachApp:
    samples.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return coach_app()


async def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("TextArea, Input"):
        assert isinstance(widget, TextArea | Input)
        widget.cursor_blink = False
    await pilot.pause()


def test_form_80x24(snap_compare, app: CoachApp) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+down")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
