"""The command line follows the export format registry: its choices, its help, and a
bytes format written to a folder, to one file and to stdout."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from cli_helpers import one_line_error, run
from fake_pdf import PDF, fake_page, slugs_of

from coach.cli.main import main
from coach.services.export import DEFAULT_FORMAT, FORMATS


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


# -- the command line --------------------------------------------------------------------


def test_the_cli_choices_are_the_registry() -> None:
    from coach.cli.export import export

    [option] = [p for p in export.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == list(FORMATS)
    assert option.default is None  # the --out suffix, else DEFAULT_FORMAT
    assert DEFAULT_FORMAT == "md"


def test_the_cli_help_follows_a_new_format(db_path: Path, cli_with_pdf: click.Command) -> None:
    help_text = " ".join(run(db_path, "export", "--help").output.split())
    assert "--format [md|html|pdf|yaml|json|fakepdf]" in help_text
    assert "Add the bank overview sheet (md, html, pdf or fakepdf)." in help_text
    [option] = [p for p in cli_with_pdf.params if p.name == "fmt"]
    assert option.help == (
        "Sheets (md, html, pdf, fakepdf) or story files that re-import (yaml, json);"
        " by default the suffix of --out (bank.html), else md."
    )


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
