"""The export format registry: it alone says which formats there are, so the command
line, the export dialog, the suffix rules and the Exporter follow it, and a bytes
format (a stand-in for the PDF to come) needs one entry and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_pdf import MAGIC, PDF, fake_page, slugs_of

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
from coach.services.workspace import Workspace
from coach.store import Store

# -- the registry and its suffix rules ---------------------------------------------------


def test_each_entry_is_filed_under_its_key_and_written_with_its_first_suffix() -> None:
    assert list(FORMATS) == ["md", "html", "pdf", "yaml", "json"]
    assert DEFAULT_FORMAT in FORMATS
    for key, entry in FORMATS.items():
        assert entry.key == key and entry.suffix == entry.suffixes[0]
        assert entry.binary is (key == "pdf")
    assert [k for k, f in FORMATS.items() if f.sheet] == ["md", "html", "pdf"]


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
    assert by_suffix(".PDF") is FORMATS["pdf"]  # the first format with the suffix


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
    with pytest.raises(InputError, match=r"ends in \.pdf but the format is md; add --format pdf"):
        is_document(tmp_path / "bank.pdf", "md")


def test_an_unknown_format_lists_the_registry(workspace: Workspace, store: Store) -> None:
    with pytest.raises(InputError, match="use one of: md, html, pdf, yaml, json$"):
        Exporter(workspace, store, "docx", [])


def test_the_overview_is_offered_in_every_sheet_format(
    workspace: Workspace, store: Store, pdf: ExportFormat
) -> None:
    with pytest.raises(InputError, match="--format md, html, pdf or fakepdf$"):
        Exporter(workspace, store, "json", [], overview=True)


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
