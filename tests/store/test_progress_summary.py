"""The progress summary tables (migration m005): filled from the answers an older coach left,
and kept equal to a recomputation from the raw answers through any sequence of writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from old_databases import LATER, STAMP, make_old_database
from progress_summary_writes import Writer, recomputed, summary
from sqlite_utils import Database

from coach.core.schedule import Rating
from coach.store import Store, open_store, rehearsals
from coach.store.migrations import MIGRATIONS
from coach.store.schema_progress import create_progress_summary

BEFORE_SUMMARY = [fn.__name__ for fn in MIGRATIONS].index("m005_progress_summary")
"""The number of migrations a database made just before the summary has."""


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_writes_keep_the_summary_equal_to_the_answers(samples: Store, seed: int) -> None:
    writer = Writer(samples, seed)
    done: list[str] = []
    for _ in range(150):
        done.append(writer.step())
        assert summary(samples.conn) == recomputed(samples.conn), done
    got = summary(samples.conn)
    assert len(got["rehearsals"]) >= 3 and got["categories"] and got["totals"], "writes happened"


def test_re_rating_a_rehearsals_answers_moves_its_sums(samples: Store) -> None:
    story = samples.list_stories()[0].id
    rid = rehearsals.start(samples, story)
    for rating in (Rating(1), Rating(4)):
        rehearsals.record(
            samples,
            rid,
            0,
            kind="followup",
            key="data-size",
            category="data",
            prompt="",
            target_seconds=40,
            seconds=50,
            rating=rating,
        )
        assert summary(samples.conn) == recomputed(samples.conn)
    assert summary(samples.conn)["totals"] == [("data", 1, 1, 4, 1)]


def test_deleting_a_story_takes_its_summary_with_it(samples: Store) -> None:
    first, second = (r.id for r in samples.list_stories()[:2])
    for story in (first, second):
        rid = rehearsals.start(samples, story)
        rehearsals.record(
            samples,
            rid,
            0,
            kind="followup",
            key="stakes",
            category="context",
            prompt="",
            target_seconds=30,
            seconds=20,
            rating=Rating(3),
        )
    samples.delete(first)
    got = summary(samples.conn)
    assert got == recomputed(samples.conn)
    assert [r[1] for r in got["rehearsals"]] == [second]
    assert got["totals"] == [("context", 1, 1, 3, 0)]


def seed_answers(conn: sqlite3.Connection) -> None:
    """More history as m002's coach wrote it, on top of the old database's own rehearsal:
    the café story rehearsed twice, once across midnight, rated, skipped and unrated."""
    conn.executemany(
        "INSERT INTO rehearsals (id, story_id, started_at, status) VALUES (?, 2, ?, 'finished')",
        [(8, STAMP), (9, "2025-06-01T23:50:00.000000+00:00")],
    )
    conn.executemany(
        "INSERT INTO answers (rehearsal_id, story_id, position, kind, key, category, "
        "target_seconds, seconds, rating, skipped, answered_at) "
        "VALUES (?, 2, ?, 'followup', ?, ?, 45.0, ?, ?, ?, ?)",
        [
            (8, 0, "data-size", "data", 50.0, 1, 0, STAMP),
            (8, 1, "baseline", "baseline", 30.0, 4, 0, LATER),
            (9, 0, "data-size", "data", 40.0, 3, 0, "2025-06-01T23:55:00.000000+00:00"),
            (9, 1, "tuning", "tuning", 60.0, None, 0, "2025-06-02T00:05:00.000000+00:00"),
            (9, 2, "stakes", "context", None, None, 1, "2025-06-02T00:06:00.000000+00:00"),
        ],
    )


def test_the_migration_fills_the_summary_from_an_old_databases_answers(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_old_database(path, BEFORE_SUMMARY)
    conn = sqlite3.connect(path)
    seed_answers(conn)
    conn.commit()
    conn.close()

    store = open_store(path)
    try:
        got = summary(store.conn)
        assert got == recomputed(store.conn)
        assert [r[0] for r in got["rehearsals"]] == [7, 8, 9]
        assert got["rehearsals"][2][3:] == (
            3,
            1,
            3,
            "2025-06-01T23:55:00.000000+00:00",
            "2025-06-02T00:06:00.000000+00:00",
        )
        assert got["totals"] == [
            ("baseline", 1, 1, 4, 0),
            ("data", 2, 2, 4, 1),
            ("online_eval", 1, 1, 2, 1),
            ("tuning", 1, 0, 0, 1),
        ]
        Writer(store, 7).record()
        rehearsals.record(
            store,
            8,
            1,
            kind="followup",
            key="baseline",
            category="baseline",
            prompt="",
            target_seconds=45,
            seconds=30,
            rating=Rating(2),
        )
        assert summary(store.conn) == recomputed(store.conn), "the triggers run from then on"
    finally:
        store.close()


def test_a_failed_migration_leaves_no_summary_behind(tmp_path: Path) -> None:
    """Created statement by statement in the migration's transaction: nothing is committed
    half-way (sqlite3's executescript would commit first)."""
    path = tmp_path / "old.db"
    make_old_database(path, BEFORE_SUMMARY)
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    with pytest.raises(RuntimeError), db.atomic():
        create_progress_summary(db)
        raise RuntimeError("the migration failed after the summary")
    made = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'progress%'").fetchall()
    conn.close()
    assert made == []
