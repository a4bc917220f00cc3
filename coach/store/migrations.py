"""Numbered schema migrations. Append a function; never edit one that has shipped.

They run through sqlite-utils' Migrations, which is imported only when one is pending:
opening an up-to-date database does not pay for importing sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def apply(conn: sqlite3.Connection) -> None:
    """Apply every migration not yet recorded in `_sqlite_migrations`, in order."""
    from sqlite_utils import Database, Migrations

    steps = Migrations("coach")
    for fn in MIGRATIONS:
        steps(name=fn.__name__)(fn)
    steps.apply(Database(conn))


@migration
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE coach_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    db.execute("INSERT INTO coach_meta (key, value) VALUES ('app', 'coach')")
    db.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            template TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            dates TEXT NOT NULL DEFAULT '',
            date_start TEXT,
            date_end TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            competencies TEXT NOT NULL DEFAULT '[]',
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_updated ON stories (archived, updated_at DESC);
        CREATE TABLE fields (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            rev INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (story_id, key)
        );
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            started_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            session TEXT NOT NULL DEFAULT '',
            conflict INTEGER NOT NULL DEFAULT 0,
            typing INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX revisions_field ON revisions (story_id, key, id);
        CREATE TABLE labels (
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            PRIMARY KEY (kind, value, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX labels_story ON labels (story_id);
        CREATE VIRTUAL TABLE story_search USING fts5 (
            title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        """
    )


SCHEMA_NAMES = [fn.__name__ for fn in MIGRATIONS]
"""Every migration this version of coach knows, in order."""
