"""PDF from the export dialog: one file with a page a story, or, without WeasyPrint, a
notification that says how to get it and nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pdf_pages import need_weasyprint, pages, starts, titles
from textual.widgets import Button, Input, RadioButton
from tui_helpers import AppFactory, wait_for

from coach.services.export.pdf import NO_WEASYPRINT
from coach.store import Store
from coach.tui.app import CoachApp
from coach.tui.screens.export import ExportDialog, ExportRunning

need_weasyprint()


async def export_pdf(app: CoachApp, out: Path) -> None:
    """Every story and the overview as one PDF in `out`, chosen in the dialog."""
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
        dialog = app.screen
        dialog.query_one("#folder", Input).value = str(out)
        dialog.query("#scope RadioButton").last(RadioButton).value = True
        [button] = [
            b for b in dialog.query("#format RadioButton").results(RadioButton) if b.name == "pdf"
        ]
        button.value = True
        dialog.query_one("#overview").value = True  # type: ignore[attr-defined]
        dialog.query_one("#one-file").value = True  # type: ignore[attr-defined]
        dialog.query_one("#go", Button).press()
        await wait_for(
            pilot,
            lambda: not isinstance(app.screen, ExportRunning | ExportDialog),
            "the export to finish",
        )


async def test_the_dialog_writes_one_pdf_a_page_a_story(
    samples: Store, tmp_path: Path, coach_app: AppFactory
) -> None:
    out = tmp_path / "print"
    app = coach_app()
    await export_pdf(app, out)
    assert [p.name for p in out.iterdir()] == ["stories.pdf"]
    pdf = (out / "stories.pdf").read_bytes()
    first_pages = starts(pdf, ["Story bank overview", *titles(samples)])
    assert first_pages[0] == 0 and first_pages == sorted(set(first_pages))
    assert len(pages(pdf)) >= len(first_pages)
    assert f"Exported to {out / 'stories.pdf'}" in [n.message for n in app._notifications]


async def test_without_weasyprint_a_notification_says_how_to_get_it(
    samples: Store, tmp_path: Path, coach_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    out = tmp_path / "print"
    app = coach_app()
    await export_pdf(app, out)
    said = [n for n in app._notifications if "WeasyPrint" in n.message]
    assert [n.message for n in said] == [f"Export failed: {NO_WEASYPRINT} (nothing written)"]
    assert said[0].severity == "error"
    assert not out.exists() or list(out.iterdir()) == []
