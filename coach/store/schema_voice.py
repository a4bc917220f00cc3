"""The table of what was heard in spoken answers (migration m007).

One row an answer heard: the answer is its rehearsal's step at `position` (the same key as
`answers`), so answering a step again after going back replaces what was heard. Deleting
the rehearsal, or its story, deletes what was heard with it. `audio_path` is the recording
while it is kept (NULL once deleted); the measures stay either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def create_voice(db: Database) -> None:
    """The table `heard` (store/voice.py reads and writes it)."""
    db.executescript(
        """
        CREATE TABLE heard (
            rehearsal_id INTEGER NOT NULL REFERENCES rehearsals (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
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
            heard_at TEXT NOT NULL,
            PRIMARY KEY (rehearsal_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX heard_audio ON heard (audio_path) WHERE audio_path IS NOT NULL;
        """
    )
