"""Export from the bank (in the background, with progress) and the sheet preview, driven
through the real app by key presses."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, RadioButton, TextArea
from tui_helpers import AppFactory, wait_for, workers_done

from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.export import ExportDialog, ExportDone, ExportRunning, report
from coach.tui.screens.form import FormScreen
from coach.tui.screens.preview import SheetPreview

SIZE = (120, 40)


async def finish(pilot, app: CoachApp) -> None:
    """Wait for the export's worker and its closing notification."""
    await wait_for(
        pilot,
        lambda: (
            workers_done(pilot)
            and not isinstance(app.screen, ExportRunning | ExportDialog)
            and any(m.startswith("Export") for m in messages(app))
        ),
        "the export to finish and say so",
    )
    await pilot.pause()


async def open_dialog(pilot, app: CoachApp) -> ExportDialog:
    await pilot.pause()
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def export_now(pilot) -> None:
    """Press the Export button (focus starts at the top of the dialog, not on it)."""
    await pilot.click("#go")


def messages(app: CoachApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_export_the_marked_stories(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    out = tmp_path / "sheets"
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "space")  # marks the first two rows, moving down
        assert isinstance(app.screen, BankScreen)
        assert "2 marked for export" in str(app.screen.query_one("#status").render())
        dialog = await open_dialog(pilot, app)
        dialog.query_one("#folder", Input).value = str(out)
        await export_now(pilot)
        await finish(pilot, app)
        assert isinstance(app.screen, BankScreen)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["produce-demand-forecast.md", "spark-in-two-weeks.md"]
    assert f"Exported 2 files to {out}" in messages(app)


async def test_export_every_story_as_html_with_the_overview(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    out = tmp_path / "html"
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        # Keyboard only, from the top: scope list, format list, the folder and the boxes.
        await pilot.press("down", "enter")  # scope: every active story (no marks)
        await pilot.press("tab", "down", "enter")  # format: HTML
        await pilot.press("tab")
        dialog.query_one("#folder", Input).value = str(out)
        await pilot.press("tab", "space")  # the overview
        await pilot.press("tab", "tab", "tab", "enter")  # skip "one file", "overwrite"
        await finish(pilot, app)
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 7 and "overview.html" in names
    assert all(n.endswith(".html") for n in names)
    assert f"Exported 7 files to {out}" in messages(app)


async def test_an_export_that_would_overwrite_says_so_and_keeps_the_file(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    out.mkdir()
    mine = out / "churn-leakage.md"
    mine.write_text("mine")
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        dialog.query_one("#folder", Input).value = str(out)
        dialog.query("#scope RadioButton").last(RadioButton).value = True
        await export_now(pilot)
        await finish(pilot, app)
    assert mine.read_text() == "mine"
    assert [p.name for p in out.iterdir()] == ["churn-leakage.md"]
    failed = [m for m in messages(app) if m.startswith("Export failed")]
    assert failed and "exists already" in failed[0] and "nothing written" in failed[0]
    assert "Overwrite files that exist" in failed[0] and "--force" not in failed[0]


async def test_the_dialog_refuses_an_overview_as_story_files(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        (yaml,) = [b for b in dialog.query("#format RadioButton") if b.name == "yaml"]
        yaml.value = True
        dialog.query_one("#overview").value = True
        await export_now(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Markdown, HTML or PDF" in str(dialog.query_one("#export-problem").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)


def test_the_closing_notification_says_what_happened(tmp_path: Path) -> None:
    assert report(ExportDone(3, 3, tmp_path)) == (f"Exported 3 files to {tmp_path}", "information")
    stopped = report(ExportDone(1, 9, tmp_path, stopped=True))
    assert stopped == (f"Export stopped: 1 file of 9 written to {tmp_path}", "warning")
    message, severity = report(ExportDone(2, 9, tmp_path, error="x: cannot write (disk full)"))
    assert severity == "error" and "2 files written before it" in message


async def test_the_sheet_preview_follows_an_edit(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SheetPreview)
        source = app.screen.query_one(Markdown).source
        assert source.startswith("# Learning Spark in two weeks")
        assert "**Situation** · 0:20" in source
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        editor = app.screen.query_one(TextArea)
        editor.text = "Which tool did you have to learn fast?"
        story_id = app.screen.story_id
        await wait_for(
            pilot,
            lambda: "Which tool did you have to learn fast?" in app.store.fields(story_id).values(),
            "the edit saved as typed",
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SheetPreview)
        assert "Which tool did you have to learn fast?" in app.screen.query_one(Markdown).source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)


async def test_a_preview_of_a_story_with_user_markup_shows_it_as_text(
    store: Store, coach_app: AppFactory
) -> None:
    from coach.core.stories import Story

    store.create_story(
        Story(title="<b>Bold</b> *claims*", template="star", fields={"task": "[x](y) `z`"})
    )
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        shown = app.screen.query_one(Markdown)
        text = " ".join(str(block.render()) for block in shown.query("MarkdownBlock"))
        assert "<b>Bold</b> *claims*" in text
        assert "[x](y) `z`" in text


async def test_everything_in_one_file_to_print(
    samples: Store, coach_app: AppFactory, tmp_path: Path
) -> None:
    out = tmp_path / "print"
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        dialog.query_one("#folder", Input).value = str(out)
        dialog.query("#scope RadioButton").last(RadioButton).value = True
        dialog.query("#format RadioButton")[1].value = True  # HTML
        dialog.query_one("#overview").value = True
        dialog.query_one("#one-file").value = True
        await export_now(pilot)
        await finish(pilot, app)
    assert [p.name for p in out.iterdir()] == ["stories.html"]
    html = (out / "stories.html").read_text(encoding="utf-8")
    assert html.count('<article class="page') == 7
    assert f"Exported to {out / 'stories.html'}" in messages(app)
