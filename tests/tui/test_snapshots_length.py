"""How the rehearsal's Ready screen looks with its length line, at 80×24 (SVG snapshots;
`pytest --snapshot-update` after a change)."""

from __future__ import annotations

import pytest
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.rehearsal import RehearsalScreen

FIXED = "2024-03-01T10:00:00+00:00"


@pytest.fixture
def app(samples: Store, coach_app: AppFactory) -> CoachApp:
    samples.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    return coach_app()


def ready(length_presses: int):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:
        app = pilot.app
        row = app.store.find("churn-leakage")
        assert row is not None
        await pilot.pause()
        app.push_screen(RehearsalScreen(row.id, persona="technical", followups=2))
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        for _ in range(length_presses):
            await pilot.press("l")
        await pilot.pause()

    return run_before


def test_ready_standard_80x24(snap_compare, app: CoachApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready(0))


def test_ready_short_80x24(snap_compare, app: CoachApp) -> None:
    """The 30-second version: one answer, the sections' text together as its notes."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready(2))
