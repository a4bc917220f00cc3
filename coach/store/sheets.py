"""The queries behind a story sheet: the follow-ups found hard, and the last rehearsal."""

from __future__ import annotations

from dataclasses import dataclass

from coach.store.store import Store


@dataclass(frozen=True)
class RatedFollowup:
    """The latest rating of one follow-up on a story, and every note taken on it."""

    key: str
    category: str
    prompt: str
    rating: int
    when: str
    notes: tuple[str, ...]


def rated_followups(store: Store, story_id: int) -> list[RatedFollowup]:
    """Each follow-up asked about a story and rated, with its latest rating (oldest first)."""
    latest: dict[str, tuple[int, str, str, str]] = {}
    notes: dict[str, list[str]] = {}
    for key, category, prompt, rating, note, when in store.conn.execute(
        "SELECT key, category, prompt, rating, note, answered_at FROM answers "
        "WHERE story_id = ? AND kind = 'followup' AND skipped = 0 "
        "ORDER BY answered_at, rehearsal_id, position",
        [story_id],
    ):
        if note:
            notes.setdefault(key, []).append(note)
        if rating is not None:
            latest[key] = (int(rating), category, prompt, when)
    return [
        RatedFollowup(key, c, p, r, when, tuple(notes.get(key, [])))
        for key, (r, c, p, when) in latest.items()
    ]


def last_rehearsal(store: Store, story_id: int) -> tuple[int, str, str, str] | None:
    """(id, persona, started_at, status) of the story's last rehearsal with an answer."""
    found = store.conn.execute(
        "SELECT r.id, r.persona, r.started_at, r.status FROM rehearsals r WHERE r.story_id = ? "
        "AND EXISTS (SELECT 1 FROM answers a WHERE a.rehearsal_id = r.id) "
        "ORDER BY r.started_at DESC, r.id DESC LIMIT 1",
        [story_id],
    ).fetchone()
    if found is None:
        return None
    return int(found[0]), str(found[1]), str(found[2]), str(found[3])
