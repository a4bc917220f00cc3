"""The table of what was heard in spoken answers (migration m007).

One row an answer heard: the answer is its rehearsal's step at `position` (the same key as
`answers`), so answering a step again after going back replaces what was heard. Deleting
the rehearsal, or its story, deletes what was heard with it. `audio_path` is the recording
while it is kept (NULL once deleted); the measures stay either way.

An answer improvised in a mock interview has no rehearsal: what was heard in it is kept in
`mock_heard` (migration m008), keyed by its mock part, with the same measures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


MEASURES = """
            transcript TEXT NOT NULL DEFAULT '',
            duration_s REAL NOT NULL,
            speaking_s REAL NOT NULL,
            words INTEGER NOT NULL,
            wpm REAL NOT NULL,
            speaking_wpm REAL NOT NULL,
            fillers INTEGER NOT NULL DEFAULT 0,
            fillers_per_minute REAL NOT NULL DEFAULT 0,
            fillers_by_word TEXT NOT NULL DEFAULT '{}',
            pauses TEXT NOT NULL DEFAULT '[]',
            figures TEXT NOT NULL DEFAULT '[]',
            audio_path TEXT,
            engine TEXT NOT NULL,
            model TEXT NOT NULL,
            heard_at TEXT NOT NULL,"""
"""The columns of what was heard in one answer, after the answer's key."""


def create_voice(db: Database) -> None:
    """The table `heard` (store/voice.py reads and writes it)."""
    db.executescript(
        f"""
        CREATE TABLE heard (
            rehearsal_id INTEGER NOT NULL REFERENCES rehearsals (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,{MEASURES}
            PRIMARY KEY (rehearsal_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX heard_audio ON heard (audio_path) WHERE audio_path IS NOT NULL;
        """
    )


def create_mock_heard(db: Database) -> None:
    """The table `mock_heard`: an improvised mock answer's, gone with its part."""
    db.executescript(
        f"""
        CREATE TABLE mock_heard (
            mock_id INTEGER NOT NULL,
            position INTEGER NOT NULL,{MEASURES}
            PRIMARY KEY (mock_id, position),
            FOREIGN KEY (mock_id, position) REFERENCES mock_parts (mock_id, position)
                ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX mock_heard_audio ON mock_heard (audio_path) WHERE audio_path IS NOT NULL;
        """
    )
