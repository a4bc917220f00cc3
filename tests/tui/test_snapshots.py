"""How the bank and the form look (SVG snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from coach.services.stories import load_samples
from coach.services.workspace import Workspace
from coach.store import open_store
from coach.tui.app import CoachApp, RehearseRequest, make_app
from coach.tui.widgets.pacing_timer import PacingTimer

FIXED = "2024-03-01T10:00:00+00:00"


def sample_app(db: Path) -> CoachApp:
    store = open_store(db)
    templates = Workspace().templates
    load_samples(store, templates)
    store.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return make_app(Workspace(store.path), offer_samples=False)


async def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("TextArea, Input"):
        assert isinstance(widget, TextArea | Input)
        widget.cursor_blink = False
    await pilot.pause()


def test_bank(snap_compare, db_path: Path) -> None:
    assert snap_compare(sample_app(db_path), terminal_size=(120, 32), run_before=no_blink)


def test_bank_search(snap_compare, db_path: Path) -> None:
    async def search(pilot) -> None:
        await pilot.press("slash", *"churn")
        await pilot.pause(0.3)
        await no_blink(pilot)

    assert snap_compare(sample_app(db_path), terminal_size=(120, 32), run_before=search)


def test_form(snap_compare, db_path: Path) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+down")
        await no_blink(pilot)

    assert snap_compare(sample_app(db_path), terminal_size=(120, 40), run_before=open_form)


def test_form_one_field(snap_compare, db_path: Path) -> None:
    async def one_field(pilot) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+down", "f2")
        await no_blink(pilot)

    assert snap_compare(sample_app(db_path), terminal_size=(120, 40), run_before=one_field)


class FrozenClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def rehearsal_app(db: Path, clock: FrozenClock) -> CoachApp:
    app = sample_app(db)
    row = app.store.find("churn-leakage")
    assert row is not None
    app.rehearse = RehearseRequest(row.id, persona="technical", followups=2)
    app.clock = clock
    return app


def test_rehearsal_pitch(snap_compare, db_path: Path) -> None:
    clock = FrozenClock()

    async def pitch(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        clock.now += 17  # past 80% of the goal's 20 s: the bar turns
        pilot.app.screen.query_one(PacingTimer).tick()
        await pilot.pause()

    assert snap_compare(rehearsal_app(db_path, clock), terminal_size=(110, 30), run_before=pitch)


async def to_followup(pilot, clock: FrozenClock) -> None:
    await pilot.pause()
    await pilot.press("enter")
    for _ in range(5):
        clock.now += 20
        await pilot.press("enter")
    await pilot.press("1")
    clock.now += 52
    await pilot.press("enter", "2")
    await no_blink(pilot)


def test_rehearsal_followup_rated(snap_compare, db_path: Path) -> None:
    clock = FrozenClock()

    async def followup(pilot) -> None:
        await to_followup(pilot, clock)

    assert snap_compare(rehearsal_app(db_path, clock), terminal_size=(110, 30), run_before=followup)


def test_rehearsal_summary(snap_compare, db_path: Path) -> None:
    clock = FrozenClock()

    async def summary(pilot) -> None:
        await to_followup(pilot, clock)
        await pilot.press(*"say", "space", *"the", "space", *"number", "enter")
        clock.now += 30
        await pilot.press("enter", "3", "enter")
        await pilot.pause()

    assert snap_compare(rehearsal_app(db_path, clock), terminal_size=(110, 30), run_before=summary)


def test_sheet_preview(snap_compare, db_path: Path) -> None:
    async def preview(pilot) -> None:
        await pilot.press("down", "s")
        await pilot.pause(0.3)

    assert snap_compare(sample_app(db_path), terminal_size=(100, 40), run_before=preview)
