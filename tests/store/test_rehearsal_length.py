"""m004: each rehearsal keeps its length; those stored before it read as 'standard'."""

from __future__ import annotations

from pathlib import Path

from old_databases import make_old_database

from coach.store import open_store, rehearsal_lengths, rehearsals


def test_rehearsals_stored_before_m004_read_as_standard(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_old_database(path, 3)
    store = open_store(path)
    try:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM rehearsals")]
        assert ids
        assert {rehearsal_lengths.length_of(store, i) for i in ids} == {"standard"}
    finally:
        store.close()


def test_a_new_rehearsal_keeps_its_length(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db")
    try:
        story = store.conn.execute(
            "INSERT INTO stories (slug, title, template, created_at, updated_at) "
            "VALUES ('s', 'S', 'star', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
        ).lastrowid
        store.conn.commit()
        assert story is not None
        rid = rehearsals.start(store, story)
        assert rehearsal_lengths.length_of(store, rid) == "standard"
        rehearsal_lengths.set_length(store, rid, "deep")
        assert rehearsal_lengths.length_of(store, rid) == "deep"
    finally:
        store.close()
