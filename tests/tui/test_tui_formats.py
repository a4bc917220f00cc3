"""The export dialog follows the export format registry, and exports a bytes format."""

from __future__ import annotations

from pathlib import Path

from fake_pdf import MAGIC, fake_page, slugs_of
from textual.app import App
from textual.widgets import Input, RadioButton
from tui_helpers import AppFactory, wait_for

from coach.services.export import DEFAULT_FORMAT, FORMATS, ExportFormat
from coach.store import Store
from coach.tui.screens.export import ExportChoice, ExportDialog, ExportRunning, Scope

# -- the export dialog -------------------------------------------------------------------


class DialogApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(ExportDialog([Scope("Every story", (1, 2))]))


def format_buttons(app: App[None]) -> list[RadioButton]:
    return list(app.screen.query("#format RadioButton").results(RadioButton))


async def test_the_dialog_offers_the_registry_in_order() -> None:
    app = DialogApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        buttons = format_buttons(app)
        assert [str(b.label) for b in buttons] == [f.label for f in FORMATS.values()]
        assert [b.name for b in buttons] == list(FORMATS)
        assert [b.name for b in buttons if b.value] == [DEFAULT_FORMAT]


async def test_the_dialog_offers_a_new_format(pdf: ExportFormat) -> None:
    app = DialogApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert [str(b.label) for b in format_buttons(app)][-1] == "PDF sheets, to print"


def test_one_file_from_the_tui_takes_its_formats_suffix(tmp_path: Path, pdf: ExportFormat) -> None:
    def one(fmt: str) -> Path:
        return ExportChoice((1,), fmt, tmp_path, False, False, one_file=True).path

    assert one("md") == tmp_path / "stories.md"
    assert one("yaml") == tmp_path / "stories.yaml"
    assert one("fakepdf") == tmp_path / "stories.pdf"


async def test_the_tui_exports_a_bytes_format_in_one_file(
    samples: Store, tmp_path: Path, pdf: ExportFormat, coach_app: AppFactory
) -> None:
    out = tmp_path / "print"
    app = coach_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#folder", Input).value = str(out)
        dialog.query("#scope RadioButton").last(RadioButton).value = True
        [button] = [b for b in format_buttons(app) if b.name == "fakepdf"]
        button.value = True
        dialog.query_one("#overview").value = True  # type: ignore[attr-defined]
        dialog.query_one("#one-file").value = True  # type: ignore[attr-defined]
        await pilot.click("#go")
        await wait_for(
            pilot,
            lambda: not isinstance(app.screen, ExportRunning | ExportDialog),
            "the export to finish",
        )
    count = len(slugs_of(samples))
    expected = MAGIC + b"overview of %d\n" % count
    expected += b"".join(fake_page(s) for s in slugs_of(samples))
    assert [p.name for p in out.iterdir()] == ["stories.pdf"]
    assert (out / "stories.pdf").read_bytes() == expected
    assert f"Exported to {out / 'stories.pdf'}" in [n.message for n in app._notifications]
