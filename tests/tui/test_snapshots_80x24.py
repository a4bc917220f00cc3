"""The bank, its dialogs, help, the sheet preview and the summary on a laptop's 80×24
terminal (SVG snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

import test_snapshots as wide
from fake_clock import FakeClock
from test_snapshots import no_blink, sheet_shown, to_followup
from tui_helpers import wait_for

from coach.tui.app import CoachApp
from coach.tui.screens.dialogs import NewStoryDialog
from coach.tui.screens.export import ExportDialog
from coach.tui.screens.help import HelpScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (80, 24)

app = wide.app
"""The sample bank, as in the wider snapshots."""
rehearsal = wide.rehearsal
"""Straight into a rehearsal of the churn story."""


def test_bank_80x24(snap_compare, app: CoachApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=no_blink)


def test_help_80x24(snap_compare, app: CoachApp) -> None:
    async def help_(pilot) -> None:
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")

    assert snap_compare(app, terminal_size=SIZE, run_before=help_)


def test_new_story_80x24(snap_compare, app: CoachApp) -> None:
    async def new(pilot) -> None:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewStoryDialog), "the dialog")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=new)


def test_export_dialog_80x24(snap_compare, app: CoachApp) -> None:
    async def export(pilot) -> None:
        await pilot.press("space", "o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog), "the dialog")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=export)


def test_sheet_preview_80x24(snap_compare, app: CoachApp) -> None:
    async def preview(pilot) -> None:
        await pilot.press("down", "s")
        await wait_for(pilot, lambda: sheet_shown(pilot.app), "the sheet")

    assert snap_compare(app, terminal_size=SIZE, run_before=preview)


def test_summary_80x24(snap_compare, rehearsal: CoachApp, clock: FakeClock) -> None:
    async def summary(pilot) -> None:
        await to_followup(pilot, clock)
        await pilot.press(*"say", "space", *"the", "space", *"number", "enter")
        clock.now += 30
        await pilot.press("enter", "3", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
        await pilot.pause()

    assert snap_compare(rehearsal, terminal_size=SIZE, run_before=summary)


def test_rehearsal_followup_rated_80x24(
    snap_compare, rehearsal: CoachApp, clock: FakeClock
) -> None:
    """A follow-up just rated: the question, the timer, the ratings, what a strong answer
    contains and why they ask, all on a laptop's screen."""

    async def followup(pilot) -> None:
        await to_followup(pilot, clock)

    assert snap_compare(rehearsal, terminal_size=SIZE, run_before=followup)
