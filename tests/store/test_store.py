from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.core.stories import Story
from coach.store import Store, StoreError, open_store
from coach.store import migrations as migrations_module
from coach.store.store import SlugTaken


def story(title: str = "Churn model", **fields: str) -> Story:
    return Story(title=title, template="project", fields=fields or {"goal": "Predict churn."})


def test_new_database_is_migrated_in_wal_mode(db_path: Path) -> None:
    store = open_store(db_path)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert names == migrations_module.SCHEMA_NAMES
    assert store.is_empty()
    store.close()


def test_reopening_applies_nothing_and_keeps_data(db_path: Path) -> None:
    first = open_store(db_path)
    first.create_story(story())
    first.close()
    again = open_store(db_path)
    assert [r.title for r in again.list_stories()] == ["Churn model"]
    assert not list(db_path.parent.glob("*.bak"))
    again.close()


def test_a_pending_migration_backs_up_the_file_first(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_store(db_path)
    first.create_story(story())
    first.close()

    def m002_extra(db: Database) -> None:
        db.execute("ALTER TABLE stories ADD COLUMN colour TEXT")

    monkeypatch.setattr(
        migrations_module, "MIGRATIONS", [*migrations_module.MIGRATIONS, m002_extra]
    )
    monkeypatch.setattr(
        migrations_module, "SCHEMA_NAMES", [*migrations_module.SCHEMA_NAMES, "m002_extra"]
    )
    migrated = open_store(db_path)
    columns = {r[1] for r in migrated.conn.execute("PRAGMA table_info(stories)")}
    assert "colour" in columns
    [backup] = db_path.parent.glob("coach.db.before-m002_extra-*.bak")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT title FROM stories").fetchall() == [("Churn model",)]
    assert "colour" not in {r[1] for r in copy.execute("PRAGMA table_info(stories)")}
    migrated.close()


def test_refuses_a_database_from_a_newer_coach(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('coach', 'm999_future', 'now')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer coach"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_refuses_a_database_that_is_not_coachs(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not a coach database"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_refuses_a_file_that_is_not_sqlite(db_path: Path) -> None:
    db_path.write_text("these are my notes, not a database\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_refuses_a_read_only_file(db_path: Path) -> None:
    open_store(db_path).close()
    os.chmod(db_path, stat.S_IRUSR)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_store(db_path)
    finally:
        os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_create_read_and_slugs(store: Store) -> None:
    first = store.create_story(story())
    second = store.create_story(story())
    assert store.row(first).slug == "churn-model"
    assert store.row(second).slug == "churn-model-2"
    assert store.find("churn-model-2").id == second
    assert store.find(str(first)).id == first
    assert store.find("nope") is None
    with pytest.raises(SlugTaken):
        store.create_story(Story(title="x", template="star", slug="churn-model"), keep_slug=True)


def test_dates_are_parsed_into_columns(store: Store) -> None:
    story_id = store.create_story(Story(title="t", template="star", dates="Mar 2023 - Sep 2023"))
    row = store.conn.execute("SELECT date_start, date_end FROM stories WHERE id = ?", [story_id])
    assert row.fetchone() == ("2023-03-01", "2023-09-01")


def test_save_field_keeps_revisions(store: Store) -> None:
    story_id = store.create_story(story(goal="First version."))
    text, rev = store.field_state(story_id, "goal")
    assert (text, rev) == ("First version.", 1)
    result = store.save_field(story_id, "goal", "Second", rev)
    result = store.save_field(story_id, "goal", "Second version", result.rev)
    assert result.conflict is None
    assert store.field_state(story_id, "goal") == ("Second version", 3)
    texts = [r.text for r in store.revisions(story_id, "goal")]
    assert texts == ["Second version", "First version."]


def test_saves_a_minute_apart_make_separate_revisions(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    story_id = store.create_story(story(goal="v1"))
    clock = iter(
        ["2026-01-01T10:00:00+00:00", "2026-01-01T10:00:30+00:00", "2026-01-01T10:01:10+00:00"]
    )
    monkeypatch.setattr("coach.store.store.now_stamp", lambda: next(clock))
    rev = store.field_state(story_id, "goal")[1]
    for text in ("v2", "v3", "v4"):
        rev = store.save_field(story_id, "goal", text, rev).rev
    assert [r.text for r in store.revisions(story_id, "goal")] == ["v4", "v3", "v1"]


def test_unchanged_save_is_a_no_op(store: Store) -> None:
    story_id = store.create_story(story(goal="same"))
    assert store.save_field(story_id, "goal", "same", 1).rev == 1
    assert len(store.revisions(story_id, "goal")) == 1


def test_two_windows_editing_one_field_keep_both_texts(db_path: Path) -> None:
    one = open_store(db_path)
    story_id = one.create_story(story(goal="Original"))
    two = open_store(db_path)
    rev_one = one.field_state(story_id, "goal")[1]
    rev_two = two.field_state(story_id, "goal")[1]
    assert two.save_field(story_id, "goal", "Window two's text", rev_two).conflict is None
    result = one.save_field(story_id, "goal", "Window one's text", rev_one)
    assert result.conflict is not None
    assert result.conflict.their_text == "Window two's text"
    texts = [r.text for r in one.revisions(story_id, "goal")]
    assert "Window two's text" in texts and "Window one's text" in texts
    assert one.revisions(story_id, "goal")[0].conflict
    assert two.field_state(story_id, "goal") == ("Window one's text", result.rev)
    one.close()
    two.close()


def test_search_matches_any_field_and_survives_any_input(store: Store) -> None:
    store.create_story(story("Churn model", goal="Gradient boosting for telecom churn."))
    store.create_story(story("Fraud rules", goal="Rules and a logistic regression."))
    assert [r.title for r in store.list_stories(search="boost")] == ["Churn model"]
    assert [r.title for r in store.list_stories(search="telecom churn")] == ["Churn model"]
    assert [r.title for r in store.list_stories(search="fraud regression")] == ["Fraud rules"]
    for nasty in ['"', "churn AND (", "NEAR(", "*", "-x", "''", "title:x", "^", "\\"]:
        store.list_stories(search=nasty)
        store.count_stories(search=nasty)
    assert store.count_stories(search="churn") == 1


def test_filters_by_tag_template_competency_and_archive(store: Store) -> None:
    a = store.create_story(
        Story(title="A", template="project", tags=["nlp"], competencies=["evaluation"])
    )
    b = store.create_story(Story(title="B", template="star", tags=["nlp", "vision"]))
    assert {r.id for r in store.list_stories(tag="nlp")} == {a, b}
    assert {r.id for r in store.list_stories(tag="vision")} == {b}
    assert {r.id for r in store.list_stories(template="star")} == {b}
    assert {r.id for r in store.list_stories(competency="evaluation")} == {a}
    store.set_archived(a, True)
    assert {r.id for r in store.list_stories()} == {b}
    assert {r.id for r in store.list_stories(archived=True)} == {a}
    assert store.distinct("tags") == ["nlp", "vision"]
    store.update_meta(b, Story(title="B", template="star", tags=["audio"]))
    assert store.distinct("tags") == ["audio", "nlp"]
    assert {r.id for r in store.list_stories(tag="audio", archived=None)} == {b}
    store.delete(b)
    assert store.distinct("tags") == ["nlp"]


def test_duplicate_and_delete(store: Store) -> None:
    original = store.create_story(story(goal="Text"))
    copy = store.duplicate(original)
    assert store.row(copy).title == "Copy of Churn model"
    assert store.fields(copy) == {"goal": "Text"}
    store.delete(original)
    assert store.row(original) is None
    assert store.revisions(original, "goal") == []
    assert store.count_stories(search="text") == 1


def test_paging_returns_disjoint_pages(store: Store) -> None:
    with store.write():
        for i in range(25):
            store.create_story(Story(title=f"Story {i}", template="star"))
    pages = [store.list_stories(limit=10, offset=o) for o in (0, 10, 20)]
    ids = [r.id for page in pages for r in page]
    assert len(ids) == len(set(ids)) == 25


def test_backup_is_a_consistent_copy(store: Store, tmp_path: Path) -> None:
    store.create_story(story())
    target = tmp_path / "copy.db"
    store.backup(target)
    copy = open_store(target)
    assert [r.title for r in copy.list_stories()] == ["Churn model"]
    copy.close()


def test_search_query_building() -> None:
    from coach.store.search import fts_query

    assert fts_query('churn "AND (leak') == '"churn"* "AND"* "leak"*'
    assert fts_query("a model") == '"a" "model"*'
    assert fts_query(" \"' ()*") is None


def test_search_uses_the_index_as_the_outer_loop(store: Store) -> None:
    source, _, _ = store._where("churn", None, None, None, False)
    plan = [
        str(r[-1])
        for r in store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT s.id FROM {source} WHERE story_search MATCH ?",
            ['"churn"*'],
        )
    ]
    assert plan[0].startswith("SCAN story_search VIRTUAL TABLE")
    assert plan[1].startswith("SEARCH s USING INTEGER PRIMARY KEY")


def test_broad_searches_count_to_a_cap_and_list_newest_first(store: Store) -> None:
    with store.write():
        ids = [store.create_story(story(f"Model {i}", goal="A model.")) for i in range(12)]
    assert store.count_stories(search="model") == 12
    assert store.count_stories(search="model", cap=5) == 6
    unranked = store.list_stories(search="model", ranked=False, limit=3)
    assert [r.id for r in unranked] == ids[::-1][:3]


def test_two_windows_saving_at_once_never_see_a_locked_database(db_path: Path) -> None:
    import threading

    first = open_store(db_path)
    story_id = first.create_story(story(goal="start", impact="start"))
    first.close()
    errors: list[BaseException] = []

    def type_into(key: str) -> None:
        window = open_store(db_path)
        try:
            rev = window.field_state(story_id, key)[1]
            for i in range(150):
                rev = window.save_field(story_id, key, f"{key} {i}", rev).rev
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            window.close()

    threads = [threading.Thread(target=type_into, args=(k,)) for k in ("goal", "impact")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = open_store(db_path)
    assert check.fields(story_id) == {"goal": "goal 149", "impact": "impact 149"}
    assert check.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_details_saved_from_two_windows_keep_each_others_changes(db_path: Path) -> None:
    one = open_store(db_path)
    story_id = one.create_story(Story(title="T", template="star", tags=["a"]))
    two = open_store(db_path)
    seen_by_one = one.story(story_id)
    seen_by_two = two.story(story_id)
    seen_by_one.company = "Acme Corp"
    seen_by_two.tags = ["alpha"]
    one.update_meta(story_id, seen_by_one, only=["company"])
    two.update_meta(story_id, seen_by_two, only=["tags"])
    row = one.row(story_id)
    assert (row.company, row.tags) == ("Acme Corp", ["alpha"])
    assert one.distinct("tags") == ["alpha"]
    one.close()
    two.close()
