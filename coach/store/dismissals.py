"""The findings a user dismissed ("I mean it"), per story and field. Deleting a story takes
its dismissals with it (ON DELETE CASCADE)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coach.core.clock import now_stamp
from coach.core.dismissals import Dismissal
from coach.store.store import Store


def dismiss(store: Store, story_id: int, dismissals: Iterable[Dismissal]) -> None:
    """Remember these findings as dismissed on their field's current text (a finding
    dismissed before, on another text, now counts on this one)."""
    stamp = now_stamp()
    with store.write() as conn:
        conn.executemany(
            "INSERT INTO dismissals (story_id, key, check_name, flag, fingerprint, dismissed_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, key, check_name, flag) "
            "DO UPDATE SET fingerprint = excluded.fingerprint, "
            "dismissed_at = excluded.dismissed_at",
            [(story_id, d.key, d.check, d.flag, d.fingerprint, stamp) for d in dismissals],
        )


def undo(store: Store, story_id: int, key: str, findings: Iterable[tuple[str, str]] = ()) -> int:
    """Bring back the findings (check, flag) dismissed on one field, or all of that field's
    when none are named; returns how many dismissals were removed."""
    named = list(findings)
    with store.write() as conn:
        if not named:
            cur = conn.execute(
                "DELETE FROM dismissals WHERE story_id = ? AND key = ?", [story_id, key]
            )
            return cur.rowcount
        removed = 0
        for check, flag in named:
            cur = conn.execute(
                "DELETE FROM dismissals WHERE story_id = ? AND key = ? AND check_name = ? "
                "AND flag = ?",
                [story_id, key, check, flag],
            )
            removed += cur.rowcount
        return removed


def for_story(store: Store, story_id: int) -> list[Dismissal]:
    """One story's dismissals, field by field."""
    return for_stories(store, [story_id]).get(story_id, [])


def for_stories(store: Store, story_ids: Sequence[int]) -> dict[int, list[Dismissal]]:
    """The dismissals of many stories (a page of the bank) in one query; every id given
    is a key, with an empty list when it has none."""
    ids = list(dict.fromkeys(story_ids))
    found: dict[int, list[Dismissal]] = {i: [] for i in ids}
    if not ids:
        return found
    marks = ", ".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT story_id, key, check_name, flag, fingerprint FROM dismissals "
        f"WHERE story_id IN ({marks}) ORDER BY story_id, key, check_name, flag",
        ids,
    )
    for story_id, key, check, flag, print_ in rows:
        found[story_id].append(Dismissal(key, check, flag, print_))
    return found
