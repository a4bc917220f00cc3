"""The export formats, one entry each: what --format takes, how the export dialog offers
it, which file names mean one file for the whole export, and how it is written. The
command line, the TUI and the Exporter all read this registry, so a new format is one
entry here (and its sheet templates, or its writer).

Kept light: the command line reads it at start-up for --format's choices, so Jinja2 and
the sheet queries load only when an export runs (see writers.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from coach.core.errors import InputError
from coach.core.storyfiles import dump_json, dump_yaml
from coach.services.export.writers import SheetFiles, StoryFiles, Writer, json_list, yaml_list
from coach.services.workspace import Workspace

WriterFactory = Callable[[Workspace], Writer]
"""Makes a format's writer for one export, from the workspace in use."""


@dataclass(frozen=True)
class ExportFormat:
    """One export format, as every part of coach sees it."""

    key: str
    """What --format takes: md."""
    name: str
    """What messages call it: Markdown."""
    label: str
    """Its option in the TUI's export dialog: Markdown sheets."""
    suffixes: tuple[str, ...]
    """File-name suffixes, lower case with their dot; the first is the one written."""
    writer: WriterFactory
    """Makes the writer for one export; a sheet format loads its templates there, so a
    broken template is said before anything is written."""
    sheet: bool = False
    """Drawn by the sheet templates: only sheets have the bank overview."""
    binary: bool = False
    """Written as bytes (a PDF, say) rather than as UTF-8 text."""

    def __post_init__(self) -> None:
        if not self.suffixes or any(not s.startswith(".") or s != s.lower() for s in self.suffixes):
            raise ValueError(f"format {self.key!r}: suffixes are lower case with their dot")

    @property
    def suffix(self) -> str:
        """The suffix its files are written with: .md."""
        return self.suffixes[0]


def _sheets(template: str) -> WriterFactory:
    """Sheets drawn by templates/sheets/document.<template>.j2 and what it includes."""
    return partial(SheetFiles, template)


def _pdf(workspace: Workspace) -> Writer:
    """PDF sheets through WeasyPrint, an optional extra: it loads here, when a PDF export
    is set up, and its absence is said before anything is written."""
    from coach.services.export.pdf import PdfFiles

    return PdfFiles(workspace)


def _story_files(writer: StoryFiles) -> WriterFactory:
    """Story files need no template: one writer serves every export."""
    return lambda _workspace: writer


FORMATS: dict[str, ExportFormat] = {
    f.key: f
    for f in (
        ExportFormat(
            key="md",
            name="Markdown",
            label="Markdown sheets",
            suffixes=(".md", ".markdown"),
            writer=_sheets("md"),
            sheet=True,
        ),
        ExportFormat(
            key="html",
            name="HTML",
            label="HTML sheets, printable",
            suffixes=(".html", ".htm"),
            writer=_sheets("html"),
            sheet=True,
        ),
        ExportFormat(
            key="pdf",
            name="PDF",
            label="PDF sheets, to print",
            suffixes=(".pdf",),
            writer=_pdf,
            sheet=True,
            binary=True,
        ),
        ExportFormat(
            key="yaml",
            name="YAML",
            label="YAML story files",
            suffixes=(".yaml", ".yml"),
            writer=_story_files(StoryFiles(dump_yaml, yaml_list)),
        ),
        ExportFormat(
            key="json",
            name="JSON",
            label="JSON story files",
            suffixes=(".json",),
            writer=_story_files(StoryFiles(dump_json, json_list)),
        ),
    )
}
"""Every export format by its key, in the order the help and the dialog list them."""
DEFAULT_FORMAT = "md"


def format_for(key: str) -> ExportFormat:
    found = FORMATS.get(key)
    if found is None:
        raise InputError(f"unknown format {key!r}; use one of: {', '.join(FORMATS)}")
    return found


def by_suffix(suffix: str) -> ExportFormat | None:
    """The format a file name ending in `suffix` (.HTML, .yml) holds, if any."""
    wanted = suffix.lower()
    return next((f for f in FORMATS.values() if wanted in f.suffixes), None)


def sheet_formats() -> list[ExportFormat]:
    """The formats that are sheets, which alone have the bank overview."""
    return [f for f in FORMATS.values() if f.sheet]


def story_file_formats() -> list[ExportFormat]:
    """The formats that write story files, which re-import."""
    return [f for f in FORMATS.values() if not f.sheet]


def either(words: Sequence[str]) -> str:
    """Words as a choice: "md or html", "md, html or pdf"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def is_document(out: Path, fmt: str) -> bool:
    """Does --out name one file for the whole export (by its suffix) rather than a folder?
    A name ending in another format's suffix is refused rather than made a folder."""
    chosen = format_for(fmt)
    suffix = out.suffix.lower()
    if out.is_dir() or not suffix:
        return False
    if suffix in chosen.suffixes:
        return True
    other = by_suffix(suffix)
    if other is not None:
        raise InputError(
            f"ends in {suffix} but the format is {fmt}; add --format {other.key}, "
            f"or name it ...{chosen.suffix}",
            file=str(out),
        )
    return False
