"""The migration chain: a database left at any earlier schema opens on the latest one, with
every story, field, revision, label and rehearsal it held, a backup beside it, and exactly
the schema a new database gets.

Data is written with the SQL of the schema it was made under (the seeders below), never
through today's Store: the point is what an old coach left on disk. A new migration that
adds tables should add a seeder for them here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from old_databases import (
    CONFLICTED,
    DISMISSED,
    SEEDERS,
    STORIES,
    applied_names,
    make_old_database,
    schema,
    slugs,
    tables,
)

from coach.core.checks import Completeness
from coach.core.dismissals import Dismissal, apply_dismissals, fingerprint
from coach.core.findings import Finding
from coach.store import Store, dismissals, open_store, rehearsals
from coach.store.migrations import MIGRATIONS, SCHEMA_NAMES

# Every step of the chain: a database left by the first N migrations, N from 1 to all but one.
OLD_PREFIXES = [
    pytest.param(n, id=f"made-by-{MIGRATIONS[n - 1].__name__}") for n in range(1, len(MIGRATIONS))
]
ALL_PREFIXES = [
    pytest.param(n, id=f"made-by-{MIGRATIONS[n - 1].__name__}")
    for n in range(1, len(MIGRATIONS) + 1)
]


def test_the_chain_is_numbered_in_order() -> None:
    assert SCHEMA_NAMES == [fn.__name__ for fn in MIGRATIONS]
    assert len(set(SCHEMA_NAMES)) == len(SCHEMA_NAMES)
    for n, name in enumerate(SCHEMA_NAMES, start=1):
        assert name.startswith(f"m{n:03d}_"), f"migration {n} is named {name!r}"


def test_every_table_a_migration_makes_has_seed_data_here(tmp_path: Path) -> None:
    """So that the data test below covers every table, not just the first migration's."""
    for n, fn in enumerate(MIGRATIONS, start=1):
        before, after = tmp_path / f"before-{n}.db", tmp_path / f"after-{n}.db"
        make_old_database(before, n - 1, seeded=False)
        make_old_database(after, n, seeded=False)
        made = tables(after) - tables(before) - {"_sqlite_migrations"}
        if made:
            assert fn.__name__ in SEEDERS, (
                f"{fn.__name__} makes tables {sorted(made)}: add a seeder "
                "for them to SEEDERS in tests/old_databases.py"
            )


@pytest.mark.parametrize("upto", OLD_PREFIXES)
def test_an_old_database_opens_on_the_latest_schema_with_its_data(
    tmp_path: Path, upto: int
) -> None:
    path = tmp_path / "old.db"
    make_old_database(path, upto)

    store = open_store(path)
    try:
        assert applied_names(store.conn) == SCHEMA_NAMES
        check_stories_survived(store)
        check_search_still_finds(store)
        if "m002_rehearsals" in SCHEMA_NAMES[:upto]:
            check_rehearsals_survived(store)
        if "m003_dismissals" in SCHEMA_NAMES[:upto]:
            check_dismissals_survived(store)
        check_the_migrated_bank_takes_new_edits(store)
    finally:
        store.close()

    pending = SCHEMA_NAMES[upto]
    backups = sorted(tmp_path.glob(f"old.db.before-{pending}-*.bak"))
    assert len(backups) == 1, sorted(p.name for p in tmp_path.iterdir())
    assert [p.name for p in tmp_path.glob("*.bak")] == [backups[0].name], "one backup per open"
    backup = sqlite3.connect(backups[0])
    try:
        assert applied_names(backup) == SCHEMA_NAMES[:upto], "the backup is the old schema"
        kept = backup.execute("SELECT slug FROM stories ORDER BY id").fetchall()
        assert [r[0] for r in kept] == [s.slug for s in STORIES]
        assert backup.execute("SELECT count(*) FROM revisions").fetchone()[0] == sum(
            len(texts) for s in STORIES for texts in s.history.values()
        )
    finally:
        backup.close()

    again = open_store(path)
    again.close()
    assert len(list(tmp_path.glob("*.bak"))) == 1, "an up-to-date database is not backed up"


def check_stories_survived(store: Store) -> None:
    everyone = store.list_stories(archived=None)
    assert sorted(r.id for r in everyone) == [s.id for s in STORIES]
    for s in STORIES:
        row = store.find(s.slug)
        assert row is not None, s.slug
        assert (row.id, row.title, row.template) == (s.id, s.title, s.template)
        assert (row.company, row.role, row.dates) == (s.company, s.role, s.dates)
        assert row.tags == list(s.tags)
        assert row.competencies == list(s.competencies)
        assert row.archived == s.archived
        assert store.story(s.id).fields == s.fields
        for key, texts in s.history.items():
            assert store.field_state(s.id, key) == (texts[-1], len(texts))
            revisions = store.revisions(s.id, key)
            assert [r.text for r in revisions] == list(reversed(texts)), (s.slug, key)
            oldest_first = reversed(revisions)
            conflicted = [n for n, r in enumerate(oldest_first) if r.conflict]
            expected = [CONFLICTED[2]] if (s.id, key) == CONFLICTED[:2] else []
            assert conflicted == expected, (s.slug, key)
    assert store.distinct("tags") == sorted({t for s in STORIES for t in s.tags})
    assert store.distinct("competencies") == sorted({c for s in STORIES for c in s.competencies})
    assert slugs(store.list_stories(tag="churn")) == {"churn-leakage"}
    assert slugs(store.list_stories(competency="feedback", archived=True)) == {
        "disagreed-with-lead"
    }
    assert slugs(store.list_stories()) == {"churn-leakage", "cafe-demand"}
    assert slugs(store.list_stories(archived=True)) == {"disagreed-with-lead"}


def check_search_still_finds(store: Store) -> None:
    assert slugs(store.list_stories(search="refund")) == {"churn-leakage"}
    assert slugs(store.list_stories(search="leak")) == {"churn-leakage"}
    assert slugs(store.list_stories(search="croissants")) == {"cafe-demand"}
    assert slugs(store.list_stories(search="cafe")) == {"cafe-demand"}, "diacritics folded"
    assert slugs(store.list_stories(search="Telecom")) == {"churn-leakage"}
    assert slugs(store.list_stories(search="precision", archived=True)) == {"disagreed-with-lead"}
    assert store.list_stories(search="prophet") == [], "only current texts are indexed"


def check_rehearsals_survived(store: Store) -> None:
    [old] = rehearsals.history(store, 1)
    assert (old.id, old.persona, old.focus, old.seed, old.status) == (
        7,
        "technical",
        "technical",
        1000,
        "finished",
    )
    answers = rehearsals.answers(store, 7)
    assert [(a.position, a.key, a.rating, a.skipped, a.note) for a in answers] == [
        (0, "goal", None, False, ""),
        (1, "ab-setup", 2, False, "say the holdout size"),
        (2, "baseline", None, True, ""),
    ]
    assert answers[1].seconds == 52.0 and answers[2].seconds is None
    reviews = rehearsals.reviews(store, 1)
    assert set(reviews) == {"ab-setup"}
    assert (reviews["ab-setup"].interval_days, int(reviews["ab-setup"].last_rating)) == (2, 2)


def test_a_database_at_the_latest_schema_opens_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "latest.db"
    make_old_database(path, len(MIGRATIONS))
    store = open_store(path)
    try:
        check_stories_survived(store)
        check_rehearsals_survived(store)
        check_dismissals_survived(store)
        check_the_migrated_bank_takes_new_edits(store)
    finally:
        store.close()
    assert list(tmp_path.glob("*.bak")) == [], "nothing to migrate, nothing backed up"


def check_dismissals_survived(store: Store) -> None:
    found = dismissals.for_stories(store, [1, 2, 3])
    assert found[2] == []
    assert found[1] == sorted(
        (Dismissal(k, c, f, fingerprint(t)) for s, k, c, f, t in DISMISSED if s == 1),
        key=lambda d: (d.key, d.check, d.flag),
    ), "an old coach's fingerprints still match today's"
    fields = store.fields(1)
    findings = (
        Finding("impact", "vague", "vague: 'a lot'"),
        Finding("data", "red_flag", "leaky", flag="leaky-feature"),
        Finding("goal", "number", "no figure"),
    )
    done = apply_dismissals(Completeness(3, 0, 14, findings), fields, found[1])
    assert [f.key for f in done.dismissed] == ["impact", "data"]
    assert [f.key for f in done.findings] == ["goal"], "dismissed on an older text: it counts"


def check_the_migrated_bank_takes_new_edits(store: Store) -> None:
    text, rev = store.field_state(2, "goal")
    saved = store.save_field(2, "goal", text + " Shops in Lyon too.", rev, new_revision=True)
    assert saved.conflict is None and saved.rev == rev + 1
    assert slugs(store.list_stories(search="Lyon")) == {"cafe-demand"}
    assert len(store.revisions(2, "goal")) == 2
    result = store.fields(3)["result"]
    dismissals.dismiss(store, 3, [Dismissal("result", "vague", "", fingerprint(result))])
    store.delete(3)
    assert store.find("disagreed-with-lead") is None
    gone = store.conn.execute("SELECT count(*) FROM dismissals WHERE story_id = 3").fetchone()
    assert gone[0] == 0, "deleting a migrated story takes its dismissals with it"
    assert store.list_stories(search="precision", archived=None) == []
    leftover = store.conn.execute("SELECT count(*) FROM labels WHERE story_id = 3").fetchone()
    assert leftover[0] == 0, "deleting a migrated story takes its labels with it"


@pytest.mark.parametrize("upto", ALL_PREFIXES)
def test_every_prefix_of_the_chain_ends_on_a_new_databases_schema(
    tmp_path: Path, upto: int
) -> None:
    fresh = open_store(tmp_path / "fresh.db")
    old_path = tmp_path / "old.db"
    make_old_database(old_path, upto)
    migrated = open_store(old_path)
    try:
        expected = schema(fresh.conn)
        assert {r[0] for r in expected} >= {"table", "index"}
        assert any(r[1] == "story_search" for r in expected), "the FTS table is compared"
        got = schema(migrated.conn)
        missing = [r[:2] for r in expected if r not in got]
        extra = [r[:2] for r in got if r not in expected]
        assert got == expected, f"after {SCHEMA_NAMES[:upto]}: missing {missing}, extra {extra}"
        assert applied_names(migrated.conn) == applied_names(fresh.conn) == SCHEMA_NAMES
        for conn in (fresh.conn, migrated.conn):
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        fresh.close()
        migrated.close()
