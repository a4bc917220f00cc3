"""How the progress screen looks (SVG snapshots; `pytest --snapshot-update` after a change).

The figures are as of a fixed time over a fixed history, and the snapshot is taken once
the worker has filled in every figure and both plots.
"""

from __future__ import annotations

import pytest
from progress_history import NOW
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.progress import ProgressScreen

FIXED = "2026-03-01T10:00:00+00:00"


pytestmark = pytest.mark.usefixtures("utc")


@pytest.fixture
def app(samples: Store, coach_app: AppFactory) -> CoachApp:
    """The sample bank, every story last changed at the same fixed time."""
    samples.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return coach_app()


async def open_progress(pilot) -> None:
    await pilot.pause()
    screen = ProgressScreen(now=NOW)
    await pilot.app.push_screen(screen)
    await wait_for(pilot, lambda: screen.filled, "the progress screen's figures")
    await wait_for(pilot, lambda: screen.covered, "the common questions panel")
    await pilot.pause()
    await pilot.pause()


def test_progress(snap_compare, app: CoachApp, history: dict[str, int]) -> None:
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_progress)


def test_progress_narrow_stories(snap_compare, app: CoachApp, history: dict[str, int]) -> None:
    async def to_stories(pilot) -> None:
        await open_progress(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_stories)


def test_progress_empty(snap_compare, app: CoachApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_progress)


def test_progress_80x24(snap_compare, app: CoachApp, history: dict[str, int]) -> None:
    """A laptop terminal: the summary and the plots, as the screen opens."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_progress)


def test_progress_80x24_coming_back(snap_compare, app: CoachApp, history: dict[str, int]) -> None:
    """What comes back, each story named in full and each question wrapped under itself."""

    async def to_coming_back(pilot) -> None:
        await open_progress(pilot)
        pilot.app.screen.query_one("#progress-due").scroll_visible(top=True, animate=False)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_coming_back)


def test_progress_80x24_common_questions(
    snap_compare, app: CoachApp, history: dict[str, int]
) -> None:
    """The common questions panel: counts, what to write next, the stories answering many."""

    async def to_common(pilot) -> None:
        await open_progress(pilot)
        pilot.app.screen.query_one("#progress-common").scroll_visible(top=True, animate=False)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_common)
