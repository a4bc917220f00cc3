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


@migration
def m002_rehearsals(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE rehearsals (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            persona TEXT NOT NULL DEFAULT '',
            focus TEXT NOT NULL DEFAULT '',
            seed INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'unfinished'
        );
        CREATE INDEX rehearsals_story ON rehearsals (story_id, started_at);
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            rehearsal_id INTEGER NOT NULL REFERENCES rehearsals (id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            prompt TEXT NOT NULL DEFAULT '',
            target_seconds REAL NOT NULL,
            seconds REAL,
            rating INTEGER,
            skipped INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL,
            UNIQUE (rehearsal_id, position)
        );
        CREATE INDEX answers_story_key ON answers (story_id, key, answered_at);
        CREATE TABLE reviews (
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            reps INTEGER NOT NULL,
            interval_days INTEGER NOT NULL,
            ease REAL NOT NULL,
            due TEXT NOT NULL,
            last_rating INTEGER NOT NULL,
            last_rated TEXT NOT NULL,
            PRIMARY KEY (story_id, question_id)
        ) WITHOUT ROWID;
        CREATE INDEX reviews_due ON reviews (due);
        """
    )


@migration
def m003_dismissals(db: Database) -> None:
    """Findings the user waved off ("I mean it"), each on its field's text as it was then."""
    db.executescript(
        """
        CREATE TABLE dismissals (
            story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            check_name TEXT NOT NULL,
            flag TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL,
            dismissed_at TEXT NOT NULL,
            PRIMARY KEY (story_id, key, check_name, flag)
        ) WITHOUT ROWID;
        """
    )


@migration
def m004_rehearsal_length(db: Database) -> None:
    """How long each rehearsal ran: 'short', 'standard' (every rehearsal before) or 'deep'."""
    db.execute("ALTER TABLE rehearsals ADD COLUMN length TEXT NOT NULL DEFAULT 'standard'")


@migration
def m005_progress_summary(db: Database) -> None:
    """What the progress screen reads, kept by triggers (store/schema_progress.py)."""
    from coach.store.schema_progress import create_progress_summary

    create_progress_summary(db)


@migration
def m006_mocks(db: Database) -> None:
    """Mock interviews and their parts, in order (store/schema_mocks.py)."""
    from coach.store.schema_mocks import create_mocks

    create_mocks(db)


@migration
def m007_voice(db: Database) -> None:
    """What was heard in a spoken answer, stored with the answer (store/schema_voice.py)."""
    from coach.store.schema_voice import create_voice

    create_voice(db)


@migration
def m008_mock_heard(db: Database) -> None:
    """What was heard in an answer improvised in a mock (store/schema_voice.py)."""
    from coach.store.schema_voice import create_mock_heard

    create_mock_heard(db)


SCHEMA_NAMES = [fn.__name__ for fn in MIGRATIONS]
"""Every migration this version of coach knows, in order."""
