"""The export format registry: it alone says which formats there are, so the command
line, the export dialog, the suffix rules and the Exporter follow it, and a bytes
format (a stand-in for the PDF to come) needs one entry and nothing else."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from cli_helpers import one_line_error, run
from textual.app import App
from textual.widgets import Input, RadioButton

from coach.cli.main import main
from coach.core.errors import InputError
from coach.core.storyfiles import SUFFIXES as IMPORTED_SUFFIXES
from coach.services.export import (
    DEFAULT_FORMAT,
    FORMATS,
    Exporter,
    ExportFormat,
    by_suffix,
    is_document,
    write_whole,
)
from coach.services.export.writers import Source
from coach.services.workspace import Workspace
from coach.store import Store
from coach.tui.app import make_app
from coach.tui.screens.export import ExportChoice, ExportDialog, ExportRunning, Scope

# -- a throwaway bytes format ------------------------------------------------------------

MAGIC = b"%PDF-fake\x00\xff "
"""Not UTF-8: written through a text file it would fail or change."""
# Its key is not its suffix, so code that names files after the key would show.


class FakePdf:
    """Bytes a story: the magic and the story's slug; the overview counts its rows."""

    def story(self, source: Source, story_id: int) -> bytes:
        return MAGIC + source.sheet(story_id).slug.encode() + b"\n"

    def overview(self, source: Source) -> bytes:
        return MAGIC + b"overview of %d\n" % len(source.bank_overview().stories)

    def document(self, source: Source) -> Iterator[bytes]:
        if source.overview:
            yield self.overview(source)
        for story_id in source.counted(source.story_ids):
            yield self.story(source, story_id)


PDF = ExportFormat(
    "fakepdf",
    "PDF",
    "PDF sheets, to print",
    (".pdf",),
    lambda _workspace: FakePdf(),
    sheet=True,
    binary=True,
)


def fake_page(slug: str) -> bytes:
    return MAGIC + slug.encode() + b"\n"


@pytest.fixture
def pdf(monkeypatch: pytest.MonkeyPatch) -> ExportFormat:
    monkeypatch.setitem(FORMATS, PDF.key, PDF)
    return PDF


@pytest.fixture
def cli_with_pdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[click.Command]:
    """The command line as it is built with PDF registered: click makes --format's
    choices when the module is imported, so it is imported again, and again after."""
    import coach.cli.export as module

    FORMATS[PDF.key] = PDF
    try:
        command = importlib.reload(module).export
        monkeypatch.setitem(main.commands, "export", command)
        yield command
    finally:
        del FORMATS[PDF.key]
        importlib.reload(module)


def slugs_of(store: Store) -> list[str]:
    return [row.slug for row in store.list_stories()]


# -- the registry and its suffix rules ---------------------------------------------------


def test_each_entry_is_filed_under_its_key_and_written_with_its_first_suffix() -> None:
    assert list(FORMATS) == ["md", "html", "yaml", "json"]
    assert DEFAULT_FORMAT in FORMATS
    for key, entry in FORMATS.items():
        assert entry.key == key and entry.suffix == entry.suffixes[0]
        assert not entry.binary
    assert [k for k, f in FORMATS.items() if f.sheet] == ["md", "html"]


def test_story_file_formats_write_what_import_reads() -> None:
    written = {s for f in FORMATS.values() if not f.sheet for s in f.suffixes}
    assert written == set(IMPORTED_SUFFIXES)


def test_suffixes_must_be_lower_case_with_their_dot() -> None:
    with pytest.raises(ValueError, match="suffixes"):
        ExportFormat("x", "X", "X files", ("x",), PDF.writer)
    with pytest.raises(ValueError, match="suffixes"):
        ExportFormat("x", "X", "X files", (".X",), PDF.writer)


@pytest.mark.parametrize(
    ("suffix", "key"),
    [(".md", "md"), (".markdown", "md"), (".HTML", "html"), (".htm", "html"), (".yml", "yaml")],
)
def test_a_suffix_names_its_format(suffix: str, key: str) -> None:
    found = by_suffix(suffix)
    assert found is not None and found.key == key


def test_an_unknown_suffix_names_no_format(pdf: ExportFormat) -> None:
    assert by_suffix(".txt") is None
    assert by_suffix(".PDF") is pdf


@pytest.mark.parametrize(
    ("name", "fmt", "one_file"),
    [
        ("bank.HTML", "html", True),
        ("bank.htm", "html", True),
        ("all.yml", "yaml", True),
        ("notes.markdown", "md", True),
        ("sheets", "md", False),
        ("sheets.d", "md", False),
    ],
)
def test_out_names_one_file_by_its_formats_suffix(
    tmp_path: Path, name: str, fmt: str, one_file: bool
) -> None:
    assert is_document(tmp_path / name, fmt) is one_file


def test_a_folder_that_ends_like_a_file_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "old.html").mkdir()
    assert is_document(tmp_path / "old.html", "html") is False


def test_a_name_for_another_format_says_which(tmp_path: Path, pdf: ExportFormat) -> None:
    with pytest.raises(InputError, match=r"add --format yaml, or name it \.\.\.\.json"):
        is_document(tmp_path / "all.yaml", "json")
    with pytest.raises(
        InputError, match=r"ends in \.pdf but the format is md; add --format fakepdf"
    ):
        is_document(tmp_path / "bank.pdf", "md")


def test_an_unknown_format_lists_the_registry(workspace: Workspace, store: Store) -> None:
    with pytest.raises(InputError, match="use one of: md, html, yaml, json$"):
        Exporter(workspace, store, "docx", [])


def test_the_overview_is_offered_in_every_sheet_format(
    workspace: Workspace, store: Store, pdf: ExportFormat
) -> None:
    with pytest.raises(InputError, match="--format md, html or fakepdf$"):
        Exporter(workspace, store, "json", [], overview=True)


# -- the command line --------------------------------------------------------------------


def test_the_cli_choices_are_the_registry() -> None:
    from coach.cli.export import export

    [option] = [p for p in export.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == list(FORMATS)
    assert option.default == DEFAULT_FORMAT


def test_the_cli_help_follows_a_new_format(db_path: Path, cli_with_pdf: click.Command) -> None:
    help_text = " ".join(run(db_path, "export", "--help").output.split())
    assert "--format [md|html|yaml|json|fakepdf]" in help_text
    assert "Add the bank overview sheet (md, html or fakepdf)." in help_text
    [option] = [p for p in cli_with_pdf.params if p.name == "fmt"]
    assert option.help == "Sheets (md, html, fakepdf) or story files that re-import (yaml, json)."


def test_the_cli_writes_a_bytes_format_to_a_folder_one_file_and_stdout(
    loaded: Path, tmp_path: Path, cli_with_pdf: click.Command
) -> None:
    from coach.store import open_store

    store = open_store(loaded)
    slugs = slugs_of(store)
    store.close()
    folder = tmp_path / "pdfs"
    result = run(loaded, "export", "--format", "fakepdf", "--out", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.pdf" for s in slugs)
    assert (folder / f"{slugs[0]}.pdf").read_bytes() == fake_page(slugs[0])

    one = tmp_path / "bank.PDF"
    assert run(loaded, "export", "--format", "fakepdf", "--out", str(one)).exit_code == 0
    assert one.read_bytes() == b"".join(fake_page(s) for s in slugs)
    assert "--force" in one_line_error(
        run(loaded, "export", "--format", "fakepdf", "--out", str(one))
    )

    piped = run(loaded, "export", "--format", "fakepdf", "--out", "-")
    assert piped.exit_code == 0 and piped.stdout_bytes == one.read_bytes()


# -- the Exporter ------------------------------------------------------------------------


def test_a_bytes_format_exports_to_a_folder_with_its_overview(
    workspace: Workspace, samples: Store, tmp_path: Path, pdf: ExportFormat
) -> None:
    ids = [row.id for row in samples.list_stories()]
    exporter = Exporter(workspace, samples, "fakepdf", ids, overview=True)
    written = list(exporter.write_files(tmp_path / "out"))
    assert [p.name for p in written] == ["overview.pdf"] + [f"{s}.pdf" for s in slugs_of(samples)]
    assert written[0].read_bytes() == MAGIC + b"overview of %d\n" % len(ids)
    assert written[1].read_bytes() == fake_page(slugs_of(samples)[0])


def test_a_bytes_format_exports_to_one_file_with_progress(
    workspace: Workspace, samples: Store, tmp_path: Path, pdf: ExportFormat
) -> None:
    ids = [row.id for row in samples.list_stories()]
    exporter = Exporter(workspace, samples, "fakepdf", ids)
    seen: list[int] = []
    exporter.on_story = seen.append
    target = tmp_path / "print" / "stories.pdf"
    assert is_document(target, "fakepdf")
    exporter.write_document(target)
    assert target.read_bytes() == b"".join(fake_page(s) for s in slugs_of(samples))
    assert seen == list(range(1, len(ids) + 1))
    assert [p.name for p in target.parent.iterdir()] == ["stories.pdf"]


def test_text_is_for_text_formats(workspace: Workspace, samples: Store, pdf: ExportFormat) -> None:
    ids = [row.id for row in samples.list_stories()][:1]
    assert Exporter(workspace, samples, "md", ids).text().startswith("# ")
    with pytest.raises(TypeError, match="not str"):
        Exporter(workspace, samples, "fakepdf", ids).text()


def test_pieces_of_the_wrong_kind_leave_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "x.out"
    with pytest.raises(TypeError, match="binary format's writer gave str"):
        write_whole(target, [b"ok", "text"], binary=True)
    with pytest.raises(TypeError, match="text format's writer gave bytes"):
        write_whole(target, ["ok", b"bytes"])
    assert list(tmp_path.iterdir()) == []
    write_whole(target, ["caf\u00e9\n", "\r\n"])
    assert target.read_bytes() == "caf\u00e9\n\r\n".encode()


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
    samples: Store, tmp_path: Path, pdf: ExportFormat
) -> None:
    out = tmp_path / "print"
    app = make_app(Workspace(samples.path), offer_samples=False)
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
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if not isinstance(app.screen, ExportRunning | ExportDialog):
                break
    count = len(slugs_of(samples))
    expected = MAGIC + b"overview of %d\n" % count
    expected += b"".join(fake_page(s) for s in slugs_of(samples))
    assert [p.name for p in out.iterdir()] == ["stories.pdf"]
    assert (out / "stories.pdf").read_bytes() == expected
    assert f"Exported to {out / 'stories.pdf'}" in [n.message for n in app._notifications]
