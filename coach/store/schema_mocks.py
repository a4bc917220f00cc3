"""The mock interview tables (migration m006).

A mock keeps its settings (so the same questions can be drawn again to resume it) and the
mock's own clock at its last write (`elapsed_seconds`: a resumed mock goes on from there;
the time the app was closed does not count). Its parts are the questions in the order asked:
a story's answers live in that story's rehearsal (`rehearsal_id`), an improvised answer in
the part itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def create_mocks(db: Database) -> None:
    """The tables `mocks` and `mock_parts` (store/mocks.py reads and writes them)."""
    db.executescript(
        """
        CREATE TABLE mocks (
            id INTEGER PRIMARY KEY,
            minutes INTEGER NOT NULL,
            kind TEXT NOT NULL,
            seed INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'unfinished',
            elapsed_seconds REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX mocks_status ON mocks (status, started_at);
        CREATE TABLE mock_parts (
            mock_id INTEGER NOT NULL REFERENCES mocks (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            question TEXT NOT NULL,
            story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL,
            title TEXT NOT NULL DEFAULT '',
            improvised INTEGER NOT NULL DEFAULT 0,
            rehearsal_id INTEGER REFERENCES rehearsals (id) ON DELETE SET NULL,
            target_seconds REAL,
            seconds REAL,
            rating INTEGER,
            skipped INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            asked_at TEXT NOT NULL,
            PRIMARY KEY (mock_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX mock_parts_rehearsal ON mock_parts (rehearsal_id);
        """
    )
