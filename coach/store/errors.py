"""Errors from the store, each said in one line, and SQLite's errors said as what happened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coach.core.errors import InputError
from coach.safefiles import folder_problem


class StoreError(InputError):
    """A database coach cannot or must not use, or could not write to just now. An
    InputError: said in one line (exit 2 on the command line, a notification in the TUI)."""


class DamagedDatabase(StoreError):
    """The database file is damaged: nothing more is written into it."""


class SlugTaken(Exception):
    """A story created with keep_slug=True wanted a slug another story has."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


_CORRUPT, _NOTADB, _FULL, _READONLY, _CANTOPEN, _PERM, _IOERR = 11, 26, 13, 8, 14, 3, 10
_BUSY, _LOCKED = 5, 6


def damaged(path: Path, detail: str) -> DamagedDatabase:
    return DamagedDatabase(
        f"{path}: the database is damaged ({detail}); restore an earlier backup "
        "(a `coach backup` of it now would copy the damage)"
    )


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def is_damage(exc: sqlite3.Error) -> bool:
    """SQLite found the file damaged, or not a database at all."""
    return _code(exc) in (_CORRUPT, _NOTADB) or "malformed" in str(exc)


def said(exc: sqlite3.Error, path: Path) -> StoreError:
    """What an SQLite error means for the user of the database at `path`, in one line."""
    code = _code(exc)
    text = str(exc)
    if is_damage(exc):
        return damaged(path, text)
    if code == _FULL:
        return StoreError(
            f"{path}: the disk is full; nothing was saved. Free some space, then try again"
        )
    if code in (_BUSY, _LOCKED):
        return StoreError(f"{path}: another coach is writing to it just now ({text}); try again")
    if code in (_READONLY, _CANTOPEN, _PERM, _IOERR):
        problem = folder_problem(path.parent)
        if problem is not None:
            return StoreError(f"can't write to {path.parent}: {problem}")
        if code == _READONLY:
            return StoreError(f"{path}: can't write to the file: read-only")
        return StoreError(f"{path}: can't read or write the file ({text})")
    return StoreError(f"{path}: cannot use this database ({text})")
