"""The export dialog as a first user meets it (focus, tab order, the remembered format,
checkboxes that show their state) and a sheet preview whose template is broken."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Checkbox, Input, RadioSet
from tui_helpers import AppFactory, notified, wait_for

from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.export import ExportDialog
from coach.tui.screens.preview import SheetPreview

LAPTOP = (80, 24)


async def open_dialog(pilot, app: CoachApp) -> ExportDialog:
    await pilot.pause()
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def highlighted(radios: RadioSet) -> str:
    (button,) = [b for b in radios.query("RadioButton") if b.has_class("-selected")]
    return str(button.label)


async def test_focus_starts_at_the_top_and_enter_does_not_export(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        dialog = await open_dialog(pilot, app)
        assert app.focused is dialog.query_one("#scope", RadioSet)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # enter chose a scope, exported nothing
        order = []
        for _ in range(7):
            await pilot.press("tab")
            order.append(app.focused.id if app.focused is not None else None)
        assert order == ["format", "folder", "overview", "one-file", "force", "go", "cancel"]
        for widget in (dialog.query_one("#go", Button), dialog.query_one("#cancel", Button)):
            assert app.screen.region.contains_region(widget.region)


async def test_the_format_list_opens_on_the_remembered_format_and_stops_at_its_ends(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    app = coach_app()
    app.last_export = ("json", tmp_path)
    async with app.run_test(size=LAPTOP) as pilot:
        dialog = await open_dialog(pilot, app)
        formats = dialog.query_one("#format", RadioSet)
        assert str(formats.pressed_button.label) == "JSON story files"  # type: ignore[union-attr]
        assert highlighted(formats) == "JSON story files"
        await pilot.press("tab")
        assert app.focused is formats
        await pilot.press("down")  # the last: no wrapping round to the first
        assert highlighted(formats) == "JSON story files"
        await pilot.press("up", "enter")
        assert formats.pressed_button is not None and formats.pressed_button.name == "yaml"
        await pilot.press("up", "up", "up", "up", "up")
        assert highlighted(formats).startswith("Markdown")
        assert dialog.query_one("#folder", Input).value == str(tmp_path)


async def test_a_checkbox_looks_different_on_and_off(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        dialog = await open_dialog(pilot, app)
        box = dialog.query_one("#force", Checkbox)
        off = box.render().plain
        box.value = True
        await pilot.pause()
        on = box.render().plain
        assert off != on
        assert "✓" in on and "✓" not in off


def broken_sheet_template(tmp_path: Path) -> Path:
    folder = tmp_path / "config" / "templates" / "sheets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sheet.md.j2"
    path.write_text("# {{ sheet.title }}\n\n{% if %}\n", encoding="utf-8")
    return path


async def test_a_broken_sheet_template_is_said_not_a_crash(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    path = broken_sheet_template(tmp_path)
    app = coach_app()
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await wait_for(pilot, lambda: notified(app, f"{path}:3:"), "the template's problem")
        assert not isinstance(app.screen, SheetPreview)
        assert isinstance(app.screen, BankScreen)
        said = [n for n in app._notifications if str(path) in n.message]
        assert said[0].severity == "error"
        assert said[0].message.startswith("Cannot show the sheet of ")
