"""The progress screen plots what the microphone heard: words a minute against the 130-150
band and fillers a minute, one point a rehearsal heard; nothing at all when none was."""

from __future__ import annotations

import pytest
from progress_history import NOW
from progress_voice_history import hear_history
from textual.widgets import Static
from tui_helpers import AppFactory, filled

from coach.store import Store
from coach.tui.screens.progress import ProgressScreen
from coach.tui.widgets.trend_plot import PacePlot, TrendPlot

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("utc")


def shown(screen: ProgressScreen, widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Static)
    lines = widget.render_lines(widget.size.region)
    return "\n".join("".join(s.text for s in line) for line in lines)


async def test_pace_and_fillers_are_plotted_per_rehearsal_heard(
    samples: Store, history: dict[str, int], coach_app: AppFactory
) -> None:
    hear_history(samples)
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ProgressScreen(now=NOW))
        screen = await filled(pilot)
        plots = list(screen.query(PacePlot))
        assert [p.kind for p in plots] == ["wpm", "fillers"]
        assert [r.wpm for r in plots[0].rows] == [172.0, 165.0, 158.0, 149.0, 141.0]
        assert [r.fillers_per_minute for r in plots[1].rows] == [6.0, 4.0, 3.0, 2.0, 1.0]
        assert screen.query_one("#progress-heard").display
        caption = shown(screen, "progress-heard-caption")
        assert (
            "Heard: the last 5 rehearsals, microphone on · aim for 130-150 words a minute"
            in caption
        )
        # One story's plots: its own rehearsals heard, or none (the heard plots go).
        await pilot.press("s", "enter")  # the first row: churn-leakage, rehearsed last
        await pilot.pause()
        assert [r.slug for r in screen.query(PacePlot).first().rows] == ["churn-leakage"] * 4
        table = screen.query_one("#progress-stories")
        await pilot.press("down", "enter")  # produce-demand-forecast: never heard
        await pilot.pause()
        assert table.has_focus
        assert len(next(iter(screen.query(TrendPlot))).rows) == 2
        assert not screen.query_one("#progress-heard").display
        assert not screen.query_one("#progress-heard-caption").display
        await pilot.press("a")
        await pilot.pause()
        assert screen.query_one("#progress-heard").display
        assert len(screen.query(PacePlot).first().rows) == 5


async def test_nothing_heard_shows_no_pace_plot(
    samples: Store, history: dict[str, int], coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ProgressScreen(now=NOW))
        screen = await filled(pilot)
        assert len(screen.query(TrendPlot)) == 2
        assert not screen.query(PacePlot)
        assert not screen.query_one("#progress-heard").display
        assert not screen.query_one("#progress-heard-caption").display
