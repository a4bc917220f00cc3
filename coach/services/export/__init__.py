"""Exporting stories: sheets and story files, into a folder, one file or a stream."""

from coach.services.export.exporter import (
    FORMATS,
    SUFFIXES,
    Exporter,
    is_document,
    readiness_for,
    write_whole,
)

__all__ = ["FORMATS", "SUFFIXES", "Exporter", "is_document", "readiness_for", "write_whole"]
