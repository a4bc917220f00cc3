"""How the bank and the form look (SVG snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

import pytest
from fake_clock import FakeClock
from textual.widgets import Input, Markdown, TextArea
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.app import CoachApp, RehearseRequest
from coach.tui.screens.preview import SheetPreview
from coach.tui.widgets.pacing_timer import PacingTimer

FIXED = "2024-03-01T10:00:00+00:00"


@pytest.fixture
def app(samples: Store, coach_app: AppFactory) -> CoachApp:
    """The sample bank, every story last changed at the same fixed time."""
    samples.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return coach_app()


async def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("TextArea, Input"):
        assert isinstance(widget, TextArea | Input)
        widget.cursor_blink = False
    await pilot.pause()


def test_bank(snap_compare, app: CoachApp) -> None:
    assert snap_compare(app, terminal_size=(120, 32), run_before=no_blink)


def test_bank_search(snap_compare, app: CoachApp) -> None:
    async def search(pilot) -> None:
        await pilot.press("slash", *"churn")
        await wait_for(
            pilot,
            lambda: "matching 'churn'" in str(pilot.app.screen.query_one("#status").render()),
            "the search for churn",
        )
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=(120, 32), run_before=search)


def test_form(snap_compare, app: CoachApp) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+down")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_form)


def test_form_one_field(snap_compare, app: CoachApp) -> None:
    async def one_field(pilot) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+down", "f2")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=one_field)


@pytest.fixture
def rehearsal(app: CoachApp) -> CoachApp:
    """The bank's app, opening straight into a rehearsal of the churn story."""
    row = app.store.find("churn-leakage")
    assert row is not None
    app.rehearse = RehearseRequest(row.id, persona="technical", followups=2)
    return app


def test_rehearsal_pitch(snap_compare, rehearsal: CoachApp, clock: FakeClock) -> None:
    async def pitch(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        clock.now += 17  # past 80% of the goal's 20 s: the bar turns
        pilot.app.screen.query_one(PacingTimer).tick()
        await pilot.pause()

    assert snap_compare(rehearsal, terminal_size=(110, 30), run_before=pitch)


async def to_followup(pilot, clock: FakeClock) -> None:
    await pilot.pause()
    await pilot.press("enter")
    for _ in range(5):
        clock.now += 20
        await pilot.press("enter")
    await pilot.press("1")
    clock.now += 52
    await pilot.press("enter", "2")
    await no_blink(pilot)


def test_rehearsal_followup_rated(snap_compare, rehearsal: CoachApp, clock: FakeClock) -> None:
    async def followup(pilot) -> None:
        await to_followup(pilot, clock)

    assert snap_compare(rehearsal, terminal_size=(110, 30), run_before=followup)


def test_rehearsal_summary(snap_compare, rehearsal: CoachApp, clock: FakeClock) -> None:
    async def summary(pilot) -> None:
        await to_followup(pilot, clock)
        await pilot.press(*"say", "space", *"the", "space", *"number", "enter")
        clock.now += 30
        await pilot.press("enter", "3", "enter")
        await pilot.pause()

    assert snap_compare(rehearsal, terminal_size=(110, 30), run_before=summary)


def sheet_shown(app: CoachApp) -> bool:
    """The sheet preview is on top with its Markdown laid out in full."""
    if not isinstance(app.screen, SheetPreview):
        return False
    sheet = app.screen.query_one(Markdown)
    return bool(sheet.query("MarkdownBlock")) and not sheet.lock.is_locked


def test_sheet_preview(snap_compare, app: CoachApp) -> None:
    async def preview(pilot) -> None:
        await pilot.press("down", "s")
        await wait_for(pilot, lambda: sheet_shown(pilot.app), "the sheet")

    assert snap_compare(app, terminal_size=(100, 40), run_before=preview)
