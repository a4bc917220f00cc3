"""Opening a coach database safely: refuse what is not ours, back up before migrating,
and open it read-only for the commands that only read it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from coach.safefiles import folder_problem, sweep
from coach.store import migrations
from coach.store.errors import StoreError, damaged, is_damage, said
from coach.store.store import Store, backup_to

CHECK_UP_TO_BYTES = 64 * 1024 * 1024
"""Databases up to this size are checked for damage when opened (about 1 ms a megabyte)."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (SQLite's mode=ro). On a read-only medium a
    database with no write-ahead log left is opened immutable: nobody can be writing it."""
    from urllib.parse import quote  # only for reading commands and backups

    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        if folder_problem(path.parent) is None or wal.exists():
            raise
        conn = sqlite3.connect(
            uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
    return conn


def open_reader(path: Path) -> Store:
    """Another connection to an open coach database, for a thread that only reads it."""
    conn = _connect(path)
    conn.execute("PRAGMA query_only = ON")
    return Store(conn, path=Path(path), read_only=True)


def _not_usable(exc: sqlite3.Error, path: Path) -> StoreError:
    """Why a file could not be read as a database at all."""
    if is_damage(exc):
        return StoreError(
            f"{path}: not an SQLite database, or it is damaged; give another --db path"
        )
    return said(exc, path)


def _inspect(conn: sqlite3.Connection, path: Path) -> tuple[bool, list[str]]:
    """(has any tables, coach migrations applied). Raises StoreError for foreign files."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise _not_usable(exc, path) from None
    if not tables:
        return False, []
    if path.stat().st_size <= CHECK_UP_TO_BYTES:
        verdict = " ".join(str(conn.execute("PRAGMA quick_check(1)").fetchone()[0]).split())
        if verdict != "ok":
            raise damaged(path, verdict)
    if "coach_meta" not in tables or "_sqlite_migrations" not in tables:
        raise StoreError(f"{path}: not a coach database; give another --db path")
    applied = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'coach' ORDER BY rowid"
        )
    ]
    newer = [name for name in applied if name not in migrations.SCHEMA_NAMES]
    if newer:
        raise StoreError(
            f"{path}: written by a newer coach (schema {newer[-1]}); upgrade coach to open it"
        )
    return True, applied


def _size(path: Path) -> int | None:
    """The file's size; None if there is no file. Said plainly when it can't be looked at."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise StoreError(f"{path}: a part of the path is a file, not a folder") from None
    except PermissionError:
        raise StoreError(f"can't read {path.parent}: permission denied") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: is a folder; give a database file path")
    return info.st_size


def open_store(path: Path, *, session: str | None = None) -> Store:
    """Open (creating or migrating as needed) the coach database at `path`, to write to.
    Temporary files a killed coach left beside it are swept up first."""
    path = Path(path)
    size = _size(path)
    exists = bool(size)
    if exists and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise StoreError(f"{path}: the file is read-only; make it writable (chmod u+w) first")
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder ({exc.strerror})") from None
    problem = folder_problem(path.parent)
    if problem is not None:
        raise StoreError(f"can't write to {path.parent}: {problem}")
    if size is not None and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"can't write to {path}: permission denied")
    sweep(path.parent)
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise said(exc, path) from None
    try:
        has_tables, applied = _inspect(conn, path)
        pending = [name for name in migrations.SCHEMA_NAMES if name not in applied]
        if pending and has_tables:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(
                conn, path.with_name(f"{path.name}.before-{pending[0]}-{stamp}.bak"), source=path
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if pending:
            migrations.apply(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise said(exc, path) from None
    return Store(conn, path=path, session=session)


def open_reading(path: Path) -> Store:
    """Open the coach database at `path` only to read it: it must be one already, and the
    file is left byte for byte as it was (an empty file stays empty). One written by an
    older coach is brought up to date first, as any open does (a backup beside it)."""
    path = Path(path)
    size = _size(path)
    if size is None:
        raise StoreError(
            f"no coach database at {path}; `coach` or `coach import` creates one, "
            "or give the right --db"
        )
    if not os.access(path, os.R_OK):
        raise StoreError(f"can't read {path}: permission denied")
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error as exc:
        raise _not_usable(exc, path) from None
    try:
        has_tables, applied = _inspect(conn, path)
        if not has_tables:
            raise StoreError(f"{path}: is empty, not a coach database; give another --db path")
        pending = [name for name in migrations.SCHEMA_NAMES if name not in applied]
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise said(exc, path) from None
    if pending:
        conn.close()
        open_store(path).close()
        return open_reading(path)
    return Store(conn, path=path, read_only=True)


def check_before_bulk_write(store: Store) -> None:
    """Before a bulk write (an import): a database too big to be checked when it was opened
    is checked whole now, so that nothing is written into a damaged file."""
    if store.path.stat().st_size > CHECK_UP_TO_BYTES:
        store.check_whole()
