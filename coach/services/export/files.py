"""Writing an export's files: the folder made or refused, an existing file refused unless
asked, and every file written whole or not at all, as text or as bytes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from coach.core.errors import InputError
from coach.safefiles import create_temp, folder_problem, reason, sweep
from coach.services.export.writers import Piece


def refuse_existing(path: Path, hint: str) -> None:
    if path.exists():
        raise InputError(f"exists already; {hint}", file=str(path))


def prepare_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("is a file, not a folder; choose a folder for --out", file=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({reason(exc)})", file=str(out_dir)) from None
    problem = folder_problem(out_dir)
    if problem is not None:
        raise InputError(f"can't write to {out_dir}: {problem}; choose another --out")
    sweep(out_dir)  # what a killed export left behind


def as_text(piece: Piece) -> str:
    """A text format's piece; bytes from one is a bug in its writer."""
    if not isinstance(piece, str):
        raise TypeError(f"a text format's writer gave {type(piece).__name__}, not str")
    return piece


def as_bytes(piece: Piece, *, binary: bool) -> bytes:
    """A piece as it goes to disk: a binary format's bytes as they are, a text format's
    text as UTF-8 (its newlines as written). The wrong kind for the format is a bug."""
    if binary:
        if not isinstance(piece, bytes):
            raise TypeError(f"a binary format's writer gave {type(piece).__name__}, not bytes")
        return piece
    return as_text(piece).encode("utf-8")


_SYNC = getattr(os, "fdatasync", os.fsync)
"""fdatasync where there is one: the file's data, without a second flush of its times."""


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new temporary file next to `path` (safefiles.create_temp: made new, never through
    a link, locked while written); if `path` exists, its own permissions are kept."""
    fd, tmp = create_temp(path.parent)
    try:
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
    except OSError:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    return fd, tmp


def write_whole(path: Path, pieces: Iterable[Piece], *, binary: bool = False) -> None:
    """Write a file whole or not at all: a temporary file beside it, synced, then renamed
    over the target. On any failure (a full disk, a broken template, a stop) the
    temporary file is removed and the target left as it was. `binary`: the pieces are
    bytes (a binary format's), written as they are; otherwise text, written as UTF-8."""
    try:
        fd, tmp = _create_beside(path)
    except OSError as exc:
        raise InputError(f"cannot write ({reason(exc)})", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(as_bytes(piece, binary=binary))
            handle.flush()
            _SYNC(handle.fileno())  # the data on disk before the rename makes it visible
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write ({reason(exc)})", file=str(path)) from None
        raise
