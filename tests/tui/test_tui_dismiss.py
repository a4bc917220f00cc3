"""Dismissing a field's checks in the form ("I mean it", ctrl+o): they dim, stop counting in
the bank's Ready column, survive quitting, and come back when the text changes."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea
from tui_helpers import AppFactory, notified, table, wait_for

from coach.core.findings import Finding
from coach.services.stories import dismissals_by_field
from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.form import FormScreen
from coach.tui.screens.help import HelpScreen
from coach.tui.widgets.field_editor import FieldEditor

SIZE = (120, 40)
SLUG = "produce-demand-forecast"


def shown(app: CoachApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def impact(app: CoachApp) -> FieldEditor:
    return app.screen.query_one("#field-impact", FieldEditor)


def ready(app: CoachApp, story_id: int) -> str:
    return str(table(app).get_cell(str(story_id), "ready"))


def notification(app: CoachApp, start: str) -> str:
    """The message of the notification that starts so ('' if there is none)."""
    return next((n.message for n in app._notifications if n.message.startswith(start)), "")


def names(findings: list[Finding]) -> list[str]:
    """How a notification names findings: 'no figure' for 'no figure: add a number ...'."""
    return [f.message.split(":")[0] for f in findings]


def outline_mark(app: CoachApp) -> str:
    outline = app.screen.query_one("#outline", OptionList)
    return str(outline.get_option("impact").prompt)[0]


async def open_impact(pilot: Pilot[None], story_id: int) -> FormScreen:
    """The story's form, the cursor in its impact field."""
    app = pilot.app
    app.screen.open_story(story_id)  # type: ignore[attr-defined]
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, FormScreen) and app.focused is not None,
        "the form, the cursor in its first field",
    )
    screen = app.screen
    assert isinstance(screen, FormScreen)
    screen.go_to("impact")
    await pilot.pause()
    return screen


async def test_dismiss_dims_the_checks_updates_the_bank_and_survives_quitting(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find(SLUG)
    assert story is not None
    bank = samples.count_stories()
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: table(app).row_count == bank, "the samples in the bank")
        before = ready(app, story.id)
        assert "to fix" in before
        await open_impact(pilot, story.id)
        live = list(impact(app).findings)
        assert live and "no figure" in shown(app, "#field-impact .field-findings")
        assert outline_mark(app) == "!"

        await pilot.press("ctrl+o")
        await pilot.pause()
        editor = impact(app)
        assert editor.findings == [] and editor.dismissed == live
        assert shown(app, "#field-impact .field-findings") == ""
        dimmed = app.screen.query_one("#field-impact .field-dismissed", Static)
        assert dimmed.display and "dismissed · no figure" in str(dimmed.render())
        assert outline_mark(app) == "✓"
        said = notification(app, "Impact, in numbers: dismissed ")
        assert all(name in said for name in names(live)), said
        stored = dismissals_by_field(app.store, story.id)
        assert [d.check for d in stored["impact"]] == [f.check for f in live], "stored at once"

        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")
        await wait_for(pilot, lambda: ready(app, story.id) != before, "the Ready column")
        filled, to_fix = before.split(" · ")
        fewer = int(to_fix.split()[0]) - len(live)
        after = ready(app, story.id)
        assert after == (f"{filled} · {fewer} to fix" if fewer else filled)

    again = coach_app()
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: table(again).row_count == bank, "the bank again")
        assert ready(again, story.id) == after
        await open_impact(pilot, story.id)
        editor = impact(again)
        assert editor.findings == [] and editor.dismissed == live, "kept after quitting"

        await pilot.press("end", "space", "x")
        await wait_for(pilot, lambda: editor.findings, "the checks back as the text changes")
        assert editor.dismissed == []
        assert "no figure" in shown(again, "#field-impact .field-findings")
        assert not again.screen.query_one("#field-impact .field-dismissed").display
        assert outline_mark(again) == "!"


async def test_pressed_again_it_brings_the_checks_back(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find(SLUG)
    assert story is not None
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_impact(pilot, story.id)
        live = list(impact(app).findings)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert impact(app).findings == []
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert impact(app).findings == live and impact(app).dismissed == []
        said = notification(app, "Impact, in numbers: no figure")
        assert said.endswith(" back.") and all(name in said for name in names(live)), said
        assert dismissals_by_field(app.store, story.id) == {}
        assert isinstance(app.focused, TextArea) and app.focused.id == "text-impact"
        assert app.focused.text == samples.fields(story.id)["impact"], "ctrl+o typed nothing"


async def test_what_cannot_be_dismissed_is_said(samples: Store, coach_app: AppFactory) -> None:
    story = samples.find(SLUG)
    assert story is not None
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_impact(pilot, story.id)
        area = app.screen.query_one("#text-impact", TextArea)
        area.load_text("")
        await wait_for(
            pilot, lambda: [f.check for f in impact(app).findings] == ["required"], "the checks"
        )
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert notified(app, "Impact, in numbers: nothing written yet")
        assert [f.check for f in impact(app).findings] == ["required"]

        screen.go_to("details")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert notified(app, "Pick a field first")

        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        console = Console(width=100, record=True, file=io.StringIO())
        for static in app.screen.query(Static):
            console.print(static.content)
        assert re.search(r"\^o +Dismiss checks", console.export_text()), console.export_text()
        assert dismissals_by_field(app.store, story.id) == {}
