"""How the progress screen's plots of what the microphone heard look, on a laptop terminal
(an SVG snapshot; `pytest --snapshot-update` after a deliberate change). The known history
with five rehearsals heard, as of a fixed time; the screen scrolled to the heard plots."""

from __future__ import annotations

import pytest
from progress_history import NOW
from progress_voice_history import hear_history
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.progress import ProgressScreen

FIXED = "2026-03-01T10:00:00+00:00"

pytestmark = pytest.mark.usefixtures("utc")


@pytest.fixture
def app(samples: Store, history: dict[str, int], coach_app: AppFactory) -> CoachApp:
    samples.conn.execute("UPDATE stories SET updated_at = ?", [FIXED])
    hear_history(samples)
    return coach_app()


def test_progress_heard_80x24(snap_compare, app: CoachApp) -> None:
    async def to_heard(pilot) -> None:
        await pilot.pause()
        screen = ProgressScreen(now=NOW)
        await pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: screen.filled, "the progress screen's figures")
        await wait_for(pilot, lambda: screen.covered, "the common questions panel")
        await pilot.pause()
        screen.query_one("#progress-heard-caption").scroll_visible(top=True, animate=False)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_heard)
