"""How the bank and the form look (SVG snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from coach.app import CoachApp, make_app
from coach.bank import load_samples, templates_in_use
from coach.store import open_store

FIXED = "2024-03-01T10:00:00+00:00"


def sample_app(db: Path) -> CoachApp:
    store = open_store(db)
    templates = templates_in_use()
    load_samples(store, templates)
    store.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return make_app(store=store, templates=templates, offer_samples=False)


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
