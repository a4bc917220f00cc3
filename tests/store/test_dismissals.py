"""Dismissed findings in the database: stored at once, read for many stories in one query,
undone per field or per finding, and gone with their story."""

from __future__ import annotations

from pathlib import Path

from coach.core.dismissals import Dismissal, fingerprint
from coach.core.stories import Story
from coach.store import Store, dismissals, open_store

VAGUE = Dismissal("impact", "vague", "", fingerprint("Waste went down significantly."))
LEAK = Dismissal("data", "red_flag", "leaky-split", fingerprint("A random split of 2M rows."))


def _story(store: Store, title: str) -> int:
    return store.create_story(
        Story(title=title, template="project", fields={"impact": "Waste went down."})
    )


def test_dismissals_are_stored_and_read_back_per_story(store: Store) -> None:
    first, second, empty = (_story(store, t) for t in ("One", "Two", "Three"))
    dismissals.dismiss(store, first, [VAGUE, LEAK])
    dismissals.dismiss(store, second, [VAGUE])

    assert dismissals.for_story(store, first) == [LEAK, VAGUE], "by field, then check"
    assert dismissals.for_stories(store, [first, second, empty]) == {
        first: [LEAK, VAGUE],
        second: [VAGUE],
        empty: [],
    }
    assert dismissals.for_stories(store, []) == {}


def test_many_stories_are_read_in_one_query(store: Store) -> None:
    ids = [_story(store, f"Story {n}") for n in range(30)]
    for story_id in ids:
        dismissals.dismiss(store, story_id, [VAGUE])
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    try:
        found = dismissals.for_stories(store, ids)
    finally:
        store.conn.set_trace_callback(None)
    assert all(found[i] == [VAGUE] for i in ids)
    assert len(queries) == 1, queries


def test_dismissing_again_on_a_new_text_moves_the_dismissal_to_it(store: Store) -> None:
    story_id = _story(store, "One")
    dismissals.dismiss(store, story_id, [VAGUE])
    again = Dismissal("impact", "vague", "", fingerprint("Waste went down a great deal."))
    dismissals.dismiss(store, story_id, [again])
    assert dismissals.for_story(store, story_id) == [again]


def test_undo_brings_back_one_finding_or_every_finding_of_a_field(store: Store) -> None:
    story_id = _story(store, "One")
    number = Dismissal("impact", "number", "", VAGUE.fingerprint)
    dismissals.dismiss(store, story_id, [VAGUE, number, LEAK])

    assert dismissals.undo(store, story_id, "impact", [("vague", "")]) == 1
    assert dismissals.for_story(store, story_id) == [LEAK, number]
    assert dismissals.undo(store, story_id, "impact") == 1
    assert dismissals.for_story(store, story_id) == [LEAK]
    assert dismissals.undo(store, story_id, "impact") == 0
    assert dismissals.undo(store, story_id, "data", [("red_flag", "other-flag")]) == 0
    assert dismissals.for_story(store, story_id) == [LEAK]


def test_deleting_a_story_deletes_its_dismissals(store: Store) -> None:
    kept, deleted = _story(store, "Kept"), _story(store, "Deleted")
    dismissals.dismiss(store, kept, [VAGUE])
    dismissals.dismiss(store, deleted, [VAGUE, LEAK])
    store.delete(deleted)
    rows = store.conn.execute("SELECT story_id FROM dismissals").fetchall()
    assert rows == [(kept,)]


def test_dismissals_survive_closing_the_database(db_path: Path) -> None:
    store = open_store(db_path)
    story_id = _story(store, "One")
    dismissals.dismiss(store, story_id, [LEAK])
    store.close()
    again = open_store(db_path)
    try:
        assert dismissals.for_story(again, story_id) == [LEAK]
    finally:
        again.close()
