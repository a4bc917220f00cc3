"""User text never drives the terminal from the app: a story full of escape sequences
(window title, clipboard write, clear screen, the C1 CSI byte, the bell) is drawn with
its control characters shown as symbols on every screen, never written raw."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from tui_helpers import AppFactory, palette_settled, type_text, wait_for

from coach.core.schedule import Rating
from coach.core.storyfiles import read_story_files
from coach.services.stories import import_loaded
from coach.services.workspace import Workspace
from coach.store import rehearsals
from coach.tui.app import CoachApp
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.dialogs import ConfirmDialog
from coach.tui.screens.form import FormScreen
from coach.tui.screens.preview import SheetPreview
from coach.tui.screens.progress import ProgressScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (120, 40)
HOSTILE = r"""format: 1
title: "Churn \e]0;PWNED\a\e[2J\x9b31m model"
slug: hostile
template: project
company: "Evil \e]0;CO\a Corp"
role: "Data \x9bK scientist"
tags: ["tag\e]0;T\a", "plain"]
competencies: ["evaluation\e[2J"]
fields:
  goal: "I built a model \e]0;GOAL\a that cut churn by 12% \x9b2J for 4,000 users."
  impact: "Saved $1.2M \e[5m a year \a."
"""


def _is_control(ch: str) -> bool:
    return (ch < " " and ch not in "\t\n") or "\x7f" <= ch <= "\x9f"


def raw_controls(app: CoachApp) -> list[str]:
    """What the app would write to the terminal as text holding a control character:
    every segment of the screen as the compositor draws it in full (its own cursor moves
    aside), each said with the widget it is in."""
    screen = app.screen
    found = []
    for y, line in enumerate(screen._compositor.render_full_update().strips):
        x = 0
        for strip in line:
            for segment in strip:
                if segment.control is None and any(map(_is_control, segment.text)):
                    widget, _ = screen.get_widget_at(x, y)
                    found.append(f"{type(widget).__name__}#{widget.id}: {segment.text!r}")
                x += segment.cell_length
    return found


@pytest.fixture
def hostile(tmp_path: Path, workspace: Workspace) -> int:
    """The story, imported from its file, and a rehearsal of it with a note taken."""
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    store = workspace.open_store()
    import_loaded(store, read_story_files([path], workspace.templates), existing="error")
    found = store.find("hostile")
    assert found is not None
    rid = rehearsals.start(store, found.id, persona="technical")
    rehearsals.record(
        store,
        rid,
        0,
        kind="followup",
        key="data-size",
        category="data",
        prompt="How big was the data?",
        target_seconds=40,
        seconds=50,
        rating=Rating(1),
        note="forgot \x1b]0;NOTE\x07\x1b[2J the size",
    )
    rehearsals.close(store, rid, "finished")
    return rid


async def on(pilot: Pilot[None], screen: type[Screen[object]]) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, screen), screen.__name__)
    await pilot.pause()


async def test_the_bank(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        assert raw_controls(app) == []


async def test_the_form(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("e")
        await on(pilot, FormScreen)
        assert raw_controls(app) == []


async def test_the_sheet_preview(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("s")
        await on(pilot, SheetPreview)
        assert raw_controls(app) == []


async def test_the_rehearsal(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("r")
        await on(pilot, RehearsalScreen)
        assert raw_controls(app) == []
        await pilot.press("enter")  # the first section, the goal, as written
        await pilot.pause()
        assert raw_controls(app) == []


async def test_the_rehearsal_summary_and_its_note(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        app.push_screen(SummaryScreen(hostile))
        await on(pilot, SummaryScreen)
        assert raw_controls(app) == []


async def test_progress(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("p")
        await on(pilot, ProgressScreen)
        await wait_for(pilot, lambda: app.screen.filled, "the progress figures")  # type: ignore[attr-defined]
        await pilot.pause()
        assert raw_controls(app) == []


async def test_the_palette(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "churn")
        await palette_settled(pilot)
        assert raw_controls(app) == []


async def test_a_dialog_naming_the_story(hostile: int, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, BankScreen)
        await pilot.press("x")
        await on(pilot, ConfirmDialog)
        assert raw_controls(app) == []
