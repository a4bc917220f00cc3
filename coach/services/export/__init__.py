"""Exporting stories: sheets and story files, into a folder, one file or a stream, in the
formats of the registry (formats.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.services.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    ExportFormat,
    by_suffix,
    format_for,
    is_document,
    sheet_formats,
    story_file_formats,
)

if TYPE_CHECKING:
    from coach.services.export.exporter import Exporter, readiness_for
    from coach.services.export.files import write_whole

_LAZY = {
    "Exporter": "coach.services.export.exporter",
    "readiness_for": "coach.services.export.exporter",
    "write_whole": "coach.services.export.files",
}


def __getattr__(name: str) -> object:
    """The exporter loads the sheet queries and the overview's scoring: only once an
    export runs, so the command line's start-up (which reads FORMATS) stays quick."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_LAZY[name]), name)


__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "ExportFormat",
    "Exporter",
    "by_suffix",
    "format_for",
    "is_document",
    "readiness_for",
    "sheet_formats",
    "story_file_formats",
    "write_whole",
]
