"""Opening a coach database safely: refuse what is not ours, back up before migrating."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

from coach.store import migrations
from coach.store.errors import StoreError
from coach.store.store import Store, backup_to

CHECK_UP_TO_BYTES = 64 * 1024 * 1024
"""Databases up to this size are checked for damage when opened (about 1 ms a megabyte)."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def open_reader(path: Path) -> Store:
    """Another connection to an open coach database, for a thread that only reads it."""
    conn = _connect(path)
    conn.execute("PRAGMA query_only = ON")
    return Store(conn, path=Path(path))


def _inspect(conn: sqlite3.Connection, path: Path) -> tuple[bool, list[str]]:
    """(has any tables, coach migrations applied). Raises StoreError for foreign files."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        raise StoreError(
            f"{path}: not an SQLite database, or it is damaged; give another --db path"
        ) from None
    if not tables:
        return False, []
    if path.stat().st_size <= CHECK_UP_TO_BYTES:
        verdict = " ".join(str(conn.execute("PRAGMA quick_check(1)").fetchone()[0]).split())
        if verdict != "ok":
            raise StoreError(f"{path}: the database is damaged ({verdict}); restore a backup")
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


def open_store(path: Path, *, session: str | None = None) -> Store:
    """Open (creating or migrating as needed) the coach database at `path`."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give a database file path")
    exists = path.exists() and path.stat().st_size > 0
    if exists and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise StoreError(f"{path}: the file is read-only; make it writable (chmod u+w) first")
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder ({exc.strerror})") from None
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open ({exc})") from None
    try:
        has_tables, applied = _inspect(conn, path)
        pending = [name for name in migrations.SCHEMA_NAMES if name not in applied]
        if pending and has_tables:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(conn, path.with_name(f"{path.name}.before-{pending[0]}-{stamp}.bak"))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if pending:
            migrations.apply(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: cannot use this database ({exc})") from None
    return Store(conn, path=path, session=session)
