"""How the progress screen looks (SVG snapshots; `pytest --snapshot-update` after a change).

The figures are as of a fixed time over a fixed history, and the snapshot is taken once
the worker has filled in every figure and both plots.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from progress_history import NOW, seed_history

from coach.services.stories import load_samples
from coach.services.workspace import Workspace
from coach.store import open_store
from coach.tui.app import CoachApp, make_app
from coach.tui.screens.progress import ProgressScreen

FIXED = "2026-03-01T10:00:00+00:00"


pytestmark = pytest.mark.usefixtures("utc")


def progress_app(db: Path, *, history: bool) -> CoachApp:
    store = open_store(db)
    templates = Workspace().templates
    load_samples(store, templates)
    store.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    if history:
        seed_history(store)
    return make_app(Workspace(store.path), offer_samples=False)


async def open_progress(pilot) -> None:
    await pilot.pause()
    screen = ProgressScreen(now=NOW)
    await pilot.app.push_screen(screen)
    for _ in range(250):
        if screen.filled:
            break
        await pilot.pause(0.02)
    assert screen.filled
    await pilot.pause()
    await pilot.pause()


def test_progress(snap_compare, db_path: Path) -> None:
    app = progress_app(db_path, history=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_progress)


def test_progress_narrow_stories(snap_compare, db_path: Path) -> None:
    async def to_stories(pilot) -> None:
        await open_progress(pilot)
        await pilot.press("s")
        await pilot.pause()

    app = progress_app(db_path, history=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_stories)


def test_progress_empty(snap_compare, db_path: Path) -> None:
    app = progress_app(db_path, history=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_progress)
