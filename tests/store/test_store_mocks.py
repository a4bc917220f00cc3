"""The mock interview tables (m006): made on a database an older coach left, and what a
stored mock keeps when its story goes."""

from __future__ import annotations

from pathlib import Path

from old_databases import make_old_database

from coach.core.schedule import Rating
from coach.store import mocks, open_store
from coach.store.migrations import SCHEMA_NAMES


def test_a_database_before_m006_gets_the_tables_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    before = SCHEMA_NAMES.index("m006_mocks")
    make_old_database(path, before)
    store = open_store(path)
    try:
        assert mocks.last_unfinished(store) is None
        assert store.row(1) is not None  # the old data is there
        mock_id = mocks.start(store, 45, "behavioral", 8)
        mocks.add_part(
            store,
            mock_id,
            0,
            question_id="conflict",
            question="A disagreement?",
            story_id=1,
            title="Churn model",
            elapsed=10.0,
        )
        mocks.set_rehearsal(store, mock_id, 0, 7)  # the old database's rehearsal
        (part,) = mocks.parts(store, mock_id)
        assert (part.story_id, part.rehearsal_id, part.improvised) == (1, 7, False)
    finally:
        store.close()


def test_a_mock_written_with_m006s_sql_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "m006.db"
    make_old_database(path, SCHEMA_NAMES.index("m006_mocks") + 1)
    store = open_store(path)
    try:
        row = mocks.last_unfinished(store)
        assert row is not None and (row.id, row.minutes, row.kind, row.seed) == (3, 30, "mixed", 11)
        assert row.elapsed_seconds == 412.5 and row.ended_at is None
        told, improvised = mocks.parts(store, 3)
        assert (told.title, told.rehearsal_id, told.improvised) == ("Churn model", 7, False)
        assert (improvised.improvised, improvised.seconds, improvised.rating) == (
            True,
            95.0,
            Rating.WEAK,
        )
        assert improvised.note == "vague"
        with store.write() as conn:  # the story goes: the part keeps its title and place
            conn.execute("DELETE FROM stories WHERE id = 1")
        told, _ = mocks.parts(store, 3)
        assert (told.story_id, told.rehearsal_id, told.title) == (None, None, "Churn model")
        mocks.delete(store, 3)
        assert mocks.parts(store, 3) == [] and mocks.mock(store, 3) is None
    finally:
        store.close()
