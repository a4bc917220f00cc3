"""The store on failing storage: what the TUI meets. A damaged file found by a search is
said as one coach error (StoreError, an InputError) and nothing more is written into it;
a full disk rolls back cleanly and is said as a full disk; a store opened to read never
writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coach.core.errors import InputError
from coach.core.stories import Story
from coach.store import Store, StoreError, open_store


def story(title: str = "Churn model") -> Story:
    return Story(title=title, template="project", fields={"goal": f"{title}: predict churn."})


def damage_pages_of(db: Path, table: str) -> None:
    """Garbage over every leaf page of `table` in a real database file."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [table]
        )
    ]
    conn.close()
    with db.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size)
            handle.write(b"\xa5" * size)


@pytest.fixture
def filled(db_path: Path) -> Path:
    store = open_store(db_path)
    for n in range(40):
        store.create_story(story(f"Churn model {n}"))
    store.close()
    return db_path


def test_a_search_of_a_damaged_database_is_one_coach_error_and_stops_writes(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.store import db as db_module

    monkeypatch.setattr(db_module, "CHECK_UP_TO_BYTES", 0)  # too big to check when opened
    damage_pages_of(filled, "story_search_data")
    store = open_store(filled)
    with pytest.raises(InputError) as found:  # what the TUI's screens catch already
        store.count_stories(search="churn")
    assert isinstance(found.value, StoreError)
    assert f"{filled}: the database is damaged" in str(found.value)
    with pytest.raises(StoreError, match="damaged"):
        store.list_stories(search="churn")
    with pytest.raises(StoreError, match="damaged"):
        store.create_story(story("Written into a damaged file"))
    assert store.find("written-into-a-damaged-file") is None
    store.close()


def test_a_full_disk_rolls_back_and_says_so(store: Store) -> None:
    store.create_story(story())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = Story(title="Long one", template="project", fields={"goal": "word " * 50_000})
    with pytest.raises(StoreError, match="the disk is full; nothing was saved"):
        store.create_story(big)
    assert not store.conn.in_transaction
    assert store.find("long-one") is None
    store.conn.execute(f"PRAGMA max_page_count = {pages * 100}")
    store.create_story(big)  # once there is room again, the same store writes
    assert store.find("long-one") is not None


def test_a_store_opened_to_read_refuses_writes_and_leaves_an_empty_file(tmp_path: Path) -> None:
    from coach.store.db import open_reading

    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="not a coach database"):
        open_reading(empty)
    assert empty.stat().st_size == 0
    db = tmp_path / "coach.db"
    open_store(db).close()
    reading = open_reading(db)
    with pytest.raises(StoreError, match="only to read"):
        reading.create_story(story())
    reading.close()
