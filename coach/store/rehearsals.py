"""Rehearsals, their answers, and the follow-up schedule each rating feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.core.clock import parse_stamp, stamp, utc_now
from coach.core.schedule import Rating, Review, replay
from coach.store.store import Store

STATUSES = ("unfinished", "finished", "ended")
"""'unfinished' until the summary is reached; 'ended' when the user stopped early."""


@dataclass(frozen=True)
class AnswerRow:
    rehearsal_id: int
    position: int
    kind: str
    key: str
    category: str
    prompt: str
    target_seconds: float
    seconds: float | None
    rating: Rating | None
    skipped: bool
    note: str
    answered_at: dt.datetime


@dataclass(frozen=True)
class RehearsalRow:
    id: int
    story_id: int
    persona: str
    focus: str
    seed: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    status: str


_ANSWER_COLUMNS = (
    "rehearsal_id, position, kind, key, category, prompt, target_seconds, seconds, rating, "
    "skipped, note, answered_at"
)


def _answer(r: tuple[object, ...]) -> AnswerRow:
    rating = r[8]
    return AnswerRow(
        rehearsal_id=int(r[0]),  # type: ignore[call-overload]
        position=int(r[1]),  # type: ignore[call-overload]
        kind=str(r[2]),
        key=str(r[3]),
        category=str(r[4]),
        prompt=str(r[5]),
        target_seconds=float(r[6]),  # type: ignore[arg-type]
        seconds=None if r[7] is None else float(r[7]),  # type: ignore[arg-type]
        rating=None if rating is None else Rating(int(rating)),  # type: ignore[call-overload]
        skipped=bool(r[9]),
        note=str(r[10]),
        answered_at=parse_stamp(str(r[11])),
    )


def start(
    store: Store,
    story_id: int,
    *,
    persona: str = "",
    seed: int = 0,
    when: dt.datetime | None = None,
) -> int:
    """A new rehearsal of a story, unfinished until it reaches its summary."""
    with store.write() as conn:
        cur = conn.execute(
            "INSERT INTO rehearsals (story_id, persona, seed, started_at) VALUES (?, ?, ?, ?)",
            [story_id, persona, seed, stamp(when or utc_now())],
        )
        return int(cur.lastrowid or 0)


def set_focus(store: Store, rehearsal_id: int, focus: str) -> None:
    with store.write() as conn:
        conn.execute("UPDATE rehearsals SET focus = ? WHERE id = ?", [focus, rehearsal_id])


def close(store: Store, rehearsal_id: int, status: str, when: dt.datetime | None = None) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    with store.write() as conn:
        conn.execute(
            "UPDATE rehearsals SET status = ?, ended_at = ? WHERE id = ?",
            [status, stamp(when or utc_now()), rehearsal_id],
        )


def record(
    store: Store,
    rehearsal_id: int,
    position: int,
    *,
    kind: str,
    key: str,
    prompt: str,
    target_seconds: float,
    seconds: float | None,
    category: str = "",
    rating: Rating | None = None,
    skipped: bool = False,
    note: str = "",
    when: dt.datetime | None = None,
) -> None:
    """Store one step's answer at once (again if it is answered again after going back).

    A rated or re-rated follow-up reschedules its question for this story.
    """
    when = when or utc_now()
    with store.write() as conn:
        story_id = conn.execute(
            "SELECT story_id FROM rehearsals WHERE id = ?", [rehearsal_id]
        ).fetchone()[0]
        previous = conn.execute(
            "SELECT key, rating FROM answers WHERE rehearsal_id = ? AND position = ?",
            [rehearsal_id, position],
        ).fetchone()
        conn.execute(
            f"INSERT INTO answers ({_ANSWER_COLUMNS}, story_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (rehearsal_id, position) DO UPDATE SET kind = excluded.kind, "
            "key = excluded.key, category = excluded.category, prompt = excluded.prompt, "
            "target_seconds = excluded.target_seconds, seconds = excluded.seconds, "
            "rating = excluded.rating, skipped = excluded.skipped, note = excluded.note, "
            "answered_at = excluded.answered_at",
            [
                rehearsal_id,
                position,
                kind,
                key,
                category,
                prompt,
                target_seconds,
                seconds,
                None if rating is None else int(rating),
                int(skipped),
                note,
                stamp(when),
                story_id,
            ],
        )
        if kind == "followup":
            keys = {key} | ({previous[0]} if previous and previous[1] is not None else set())
            for question_id in keys:
                _reschedule(store, story_id, question_id)


def _reschedule(store: Store, story_id: int, question_id: str) -> None:
    rows = store.conn.execute(
        "SELECT rating, answered_at FROM answers WHERE story_id = ? AND key = ? "
        "AND kind = 'followup' AND rating IS NOT NULL ORDER BY answered_at, id",
        [story_id, question_id],
    ).fetchall()
    state = replay((Rating(int(r[0])), parse_stamp(r[1])) for r in rows)
    if state is None:
        store.conn.execute(
            "DELETE FROM reviews WHERE story_id = ? AND question_id = ?", [story_id, question_id]
        )
        return
    store.conn.execute(
        "INSERT OR REPLACE INTO reviews (story_id, question_id, reps, interval_days, ease, due, "
        "last_rating, last_rated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            story_id,
            question_id,
            state.reps,
            state.interval_days,
            state.ease,
            stamp(state.due),
            int(state.last_rating),
            stamp(state.last_rated),
        ],
    )


def reviews(store: Store, story_id: int) -> dict[str, Review]:
    """The schedule of every question rated for this story, by question id."""
    found: dict[str, Review] = {}
    for r in store.conn.execute(
        "SELECT question_id, reps, interval_days, ease, due, last_rating, last_rated "
        "FROM reviews WHERE story_id = ?",
        [story_id],
    ):
        found[r[0]] = Review(
            reps=r[1],
            interval_days=r[2],
            ease=r[3],
            due=parse_stamp(r[4]),
            last_rating=Rating(r[5]),
            last_rated=parse_stamp(r[6]),
        )
    return found


def answers(store: Store, rehearsal_id: int) -> list[AnswerRow]:
    return [
        _answer(r)
        for r in store.conn.execute(
            f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE rehearsal_id = ? ORDER BY position",
            [rehearsal_id],
        )
    ]


@dataclass(frozen=True)
class WeakRow:
    """A follow-up whose latest rating for a story is weak or very weak, with the words,
    category and target it was last asked with."""

    story_id: int
    story_title: str
    template: str
    question_id: str
    rating: Rating
    rated: dt.datetime
    prompt: str
    category: str
    target_seconds: float


def weak_followups(store: Store, story_id: int | None = None) -> list[WeakRow]:
    """Every follow-up last rated weak or very weak, the weakest first, then the longest
    ago: one story's (archived or not), or every active story's when `story_id` is None."""
    where, params = ("s.id = ?", [story_id]) if story_id is not None else ("s.archived = 0", [])
    rows = store.conn.execute(
        "SELECT v.story_id, s.title, s.template, v.question_id, v.last_rating, v.last_rated, "
        "a.prompt, a.category, a.target_seconds FROM reviews v "
        "JOIN stories s ON s.id = v.story_id "
        "JOIN answers a ON a.id = (SELECT id FROM answers WHERE story_id = v.story_id "
        "AND key = v.question_id AND kind = 'followup' AND rating IS NOT NULL "
        "ORDER BY answered_at DESC, id DESC LIMIT 1) "
        f"WHERE v.last_rating <= {int(Rating.WEAK)} AND {where} "
        "ORDER BY v.last_rating, v.last_rated, v.story_id, v.question_id",
        params,
    )
    return [
        WeakRow(
            story_id=int(r[0]),
            story_title=str(r[1]),
            template=str(r[2]),
            question_id=str(r[3]),
            rating=Rating(int(r[4])),
            rated=parse_stamp(str(r[5])),
            prompt=str(r[6]),
            category=str(r[7]),
            target_seconds=float(r[8]),
        )
        for r in rows
    ]


_REHEARSAL_COLUMNS = "id, story_id, persona, focus, seed, started_at, ended_at, status"


def _rehearsal(r: tuple[object, ...]) -> RehearsalRow:
    return RehearsalRow(
        id=int(r[0]),  # type: ignore[call-overload]
        story_id=int(r[1]),  # type: ignore[call-overload]
        persona=str(r[2]),
        focus=str(r[3]),
        seed=int(r[4]),  # type: ignore[call-overload]
        started_at=parse_stamp(str(r[5])),
        ended_at=None if r[6] is None else parse_stamp(str(r[6])),
        status=str(r[7]),
    )


def rehearsal(store: Store, rehearsal_id: int) -> RehearsalRow | None:
    r = store.conn.execute(
        f"SELECT {_REHEARSAL_COLUMNS} FROM rehearsals WHERE id = ?",
        [rehearsal_id],
    ).fetchone()
    return _rehearsal(r) if r else None


def history(store: Store, story_id: int) -> list[RehearsalRow]:
    """A story's rehearsals, newest first."""
    return [
        _rehearsal(r)
        for r in store.conn.execute(
            f"SELECT {_REHEARSAL_COLUMNS} FROM rehearsals WHERE story_id = ? "
            "ORDER BY started_at DESC, id DESC",
            [story_id],
        )
    ]


def count(store: Store, story_id: int) -> int:
    found = store.conn.execute(
        "SELECT count(*) FROM rehearsals WHERE story_id = ?", [story_id]
    ).fetchone()
    return int(found[0])


def most_in_need(
    store: Store, now: dt.datetime | None = None, templates: Iterable[str] | None = None
) -> int | None:
    """The active story most in need of practice: never rehearsed (the most recently
    edited first), then the one with the most weak follow-ups due, then the weakest."""
    moment = stamp(now or utc_now())
    allowed = list(templates) if templates is not None else None
    where = "s.archived = 0"
    params: list[object] = []
    if allowed is not None:
        where += f" AND s.template IN ({', '.join('?' * len(allowed))})"
        params.extend(allowed)
    fresh = store.conn.execute(
        f"SELECT s.id FROM stories s WHERE {where} AND NOT EXISTS "
        "(SELECT 1 FROM rehearsals r WHERE r.story_id = s.id) "
        "ORDER BY s.updated_at DESC LIMIT 1",
        params,
    ).fetchone()
    if fresh:
        return int(fresh[0])
    due = store.conn.execute(
        f"SELECT v.story_id FROM reviews v JOIN stories s ON s.id = v.story_id WHERE {where} "
        "AND v.due <= ? AND v.last_rating <= 2 GROUP BY v.story_id "
        "ORDER BY count(*) DESC, min(v.due) LIMIT 1",
        [*params, moment],
    ).fetchone()
    if due:
        return int(due[0])
    weakest = store.conn.execute(
        f"SELECT s.id FROM stories s LEFT JOIN reviews v ON v.story_id = s.id WHERE {where} "
        "GROUP BY s.id ORDER BY avg(v.last_rating) ASC NULLS FIRST, "
        "(SELECT max(started_at) FROM rehearsals r WHERE r.story_id = s.id) ASC LIMIT 1",
        params,
    ).fetchone()
    return int(weakest[0]) if weakest else None
