"""Aggregates over the rehearsal history, for the progress screen and `coach stats`.

Every figure is a GROUP BY in SQLite, so 100,000 answers are never loaded one by one.
Days are local days (SQLite's 'localtime', the same zone as Python's `astimezone()`). A
rehearsal counts once it has an answer: one opened and left at once is not practice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.clock import parse_stamp, stamp
from coach.store.store import Store

_ANSWERED = "EXISTS (SELECT 1 FROM answers a WHERE a.rehearsal_id = r.id)"
_SPOKEN = "a.seconds IS NOT NULL AND a.skipped = 0 AND a.kind IN ('section', 'followup')"


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" * len(ids))


@dataclass(frozen=True)
class Totals:
    stories: int
    """Active (not archived) stories."""
    rehearsed: int
    """Active stories with at least one answer."""
    rehearsals: int
    answers: int
    rated: int
    mean_rating: float | None


def totals(store: Store) -> Totals:
    r = store.conn.execute(
        "SELECT (SELECT count(*) FROM stories WHERE archived = 0), "
        "(SELECT count(*) FROM stories s WHERE s.archived = 0 AND EXISTS "
        "(SELECT 1 FROM answers a WHERE a.story_id = s.id)), "
        # counted from the (rehearsal_id, position) index, not by sorting every answer
        "(SELECT count(DISTINCT rehearsal_id) FROM answers), "
        "count(*), count(rating), avg(rating) FROM answers"
    ).fetchone()
    return Totals(int(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), r[5])


def any_answers(store: Store) -> bool:
    return bool(store.conn.execute("SELECT EXISTS (SELECT 1 FROM answers)").fetchone()[0])


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    rehearsals: int
    """Rehearsals with an answer given that day."""
    answers: int


def practice_days(store: Store) -> list[DayCount]:
    """Every local day with an answer, oldest first."""
    return [
        DayCount(dt.date.fromisoformat(r[0]), int(r[1]), int(r[2]))
        for r in store.conn.execute(
            "SELECT date(answered_at, 'localtime') AS day, count(DISTINCT rehearsal_id), "
            "count(*) FROM answers GROUP BY day ORDER BY day"
        )
    ]


@dataclass(frozen=True)
class CategoryRow:
    """The follow-up answers of one category of one template's bank, active stories only."""

    template: str
    category: str
    answers: int
    """Answered (not skipped)."""
    rated: int
    mean_rating: float | None
    over: int
    """Answers that ran past their target time."""


_FOLLOWUP = "a.kind = 'followup' AND a.skipped = 0 AND a.category != ''"
_SUMS = "count(*), count(a.rating), total(a.rating), total(a.seconds > a.target_seconds)"

_Sums = tuple[int, int, float, float]
"""Answers, rated, the sum of their ratings, answers over time."""


def categories(store: Store) -> list[CategoryRow]:
    """Every answered category of every template, active stories only.

    Joining each of 100,000 answers to its story costs more than the grouping itself, so
    the answers are grouped once by category alone and credited to the template most
    stories use; the few answers of archived stories and of other templates are then
    found from their stories (through the answers' story index) and moved."""
    main = store.conn.execute(
        "SELECT template FROM stories GROUP BY template ORDER BY count(*) DESC, template LIMIT 1"
    ).fetchone()
    if main is None:
        return []
    found: dict[tuple[str, str], _Sums] = {
        (main[0], str(r[0])): (int(r[1]), int(r[2]), float(r[3]), float(r[4]))
        for r in store.conn.execute(
            f"SELECT a.category, {_SUMS} FROM answers a WHERE {_FOLLOWUP} GROUP BY a.category"
        )
    }
    for r in store.conn.execute(
        f"SELECT s.template, s.archived, a.category, {_SUMS} FROM stories s "
        "CROSS JOIN answers a ON a.story_id = s.id "
        f"WHERE (s.archived != 0 OR s.template != ?) AND {_FOLLOWUP} GROUP BY 1, 2, 3",
        [main[0]],
    ):
        template, archived, category = str(r[0]), bool(r[1]), str(r[2])
        sums = (int(r[3]), int(r[4]), float(r[5]), float(r[6]))
        key = (main[0], category)
        found[key] = _minus(found[key], sums)
        if not archived:
            found[(template, category)] = _plus(found.get((template, category)), sums)
    return [
        CategoryRow(template, category, n, rated, total / rated if rated else None, int(over))
        for (template, category), (n, rated, total, over) in sorted(found.items())
        if n
    ]


def _minus(a: _Sums, b: _Sums) -> _Sums:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3])


def _plus(a: _Sums | None, b: _Sums) -> _Sums:
    return b if a is None else (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


@dataclass(frozen=True)
class TrendRow:
    """One rehearsal: its mean rating, and its spoken time against the targets."""

    rehearsal_id: int
    story_id: int
    slug: str
    started_at: dt.datetime
    rated: int
    mean_rating: float | None
    seconds: float
    target_seconds: float


def trend(store: Store, limit: int, story_id: int | None = None) -> list[TrendRow]:
    """The last `limit` rehearsals (of one story, or of all), oldest first."""
    where, params = (" AND r.story_id = ?", [story_id]) if story_id is not None else ("", [])
    rows = store.conn.execute(
        "WITH recent AS (SELECT r.id, r.story_id, r.started_at FROM rehearsals r "
        f"WHERE {_ANSWERED}{where} ORDER BY r.started_at DESC, r.id DESC LIMIT ?) "
        "SELECT t.id, t.story_id, s.slug, t.started_at, count(a.rating), avg(a.rating), "
        f"total(CASE WHEN {_SPOKEN} THEN a.seconds END), "
        f"total(CASE WHEN {_SPOKEN} THEN a.target_seconds END) "
        "FROM recent t JOIN answers a ON a.rehearsal_id = t.id "
        "JOIN stories s ON s.id = t.story_id "
        "GROUP BY t.id ORDER BY t.started_at, t.id",
        [*params, limit],
    )
    return [
        TrendRow(int(r[0]), int(r[1]), r[2], parse_stamp(r[3]), int(r[4]), r[5], r[6], r[7])
        for r in rows
    ]


@dataclass(frozen=True)
class DueRow:
    story_id: int
    slug: str
    title: str
    template: str
    question_id: str
    due: dt.datetime
    last_rating: int


def due(store: Store, limit: int) -> list[DueRow]:
    """The follow-ups of active stories that come back soonest (overdue ones first)."""
    return [
        DueRow(int(r[0]), r[1], r[2], r[3], r[4], parse_stamp(r[5]), int(r[6]))
        for r in store.conn.execute(
            # in the order of the due index, stopping at `limit`: not every review sorted
            "SELECT v.story_id, s.slug, s.title, s.template, v.question_id, v.due, "
            "v.last_rating FROM reviews v CROSS JOIN stories s ON s.id = v.story_id "
            "WHERE s.archived = 0 ORDER BY v.due, s.title, v.question_id LIMIT ?",
            [limit],
        )
    ]


def count_due(store: Store, now: dt.datetime) -> int:
    """Follow-ups of active stories due now or overdue."""
    r = store.conn.execute(  # every review due (from the due index), less archived stories'
        "SELECT (SELECT count(*) FROM reviews WHERE due <= :now) - (SELECT count(*) "
        "FROM stories s CROSS JOIN reviews v ON v.story_id = s.id "
        "WHERE s.archived != 0 AND v.due <= :now)",
        {"now": stamp(now)},
    ).fetchone()
    return int(r[0])


def competencies(store: Store) -> list[tuple[str, list[str]]]:
    """(slug, competencies) of every active story that names any, by title."""
    found: list[tuple[str, list[str]]] = []
    for slug, name in store.conn.execute(
        "SELECT s.slug, j.value FROM stories s CROSS JOIN json_each(s.competencies) j "
        "WHERE s.archived = 0 ORDER BY s.title COLLATE NOCASE, s.id, j.key"
    ):
        if not found or found[-1][0] != slug:
            found.append((slug, []))
        found[-1][1].append(name)
    return found


@dataclass(frozen=True)
class StoryBrief:
    id: int
    slug: str
    title: str
    template: str


def stories(store: Store, offset: int = 0, limit: int = -1) -> list[StoryBrief]:
    """Active stories, the most recently rehearsed first, then the others by title."""
    return [
        StoryBrief(int(r[0]), r[1], r[2], r[3])
        for r in store.conn.execute(
            "SELECT s.id, s.slug, s.title, s.template FROM stories s LEFT JOIN "
            "(SELECT r.story_id, max(r.started_at) AS last FROM rehearsals r "
            f"WHERE {_ANSWERED} GROUP BY r.story_id) h ON h.story_id = s.id "
            "WHERE s.archived = 0 "
            "ORDER BY h.last IS NULL, h.last DESC, s.title COLLATE NOCASE, s.id "
            "LIMIT ? OFFSET ?",
            [limit, offset],
        )
    ]


@dataclass(frozen=True)
class StoryHistory:
    rehearsals: int
    first: dt.datetime | None
    last: dt.datetime | None
    last_ratings: tuple[int, ...]
    """The ratings of the story's last rehearsal with any, in the order given."""
    overdue: int
    """Follow-ups due now or overdue."""


NO_HISTORY = StoryHistory(0, None, None, (), 0)


_CHUNK = 500
"""Stories asked about per query (SQLite limits the parameters of one statement)."""


def histories(store: Store, story_ids: Sequence[int], now: dt.datetime) -> dict[int, StoryHistory]:
    """The rehearsal history of each story (NO_HISTORY for one never rehearsed)."""
    found: dict[int, StoryHistory] = {}
    for start in range(0, len(story_ids), _CHUNK):
        found |= _histories(store, list(story_ids[start : start + _CHUNK]), now)
    return found


def _histories(store: Store, ids: list[int], now: dt.datetime) -> dict[int, StoryHistory]:
    marks = _marks(ids)
    counts = {
        int(r[0]): (int(r[1]), parse_stamp(r[2]), parse_stamp(r[3]))
        for r in store.conn.execute(
            "SELECT r.story_id, count(*), min(r.started_at), max(r.started_at) "
            f"FROM rehearsals r WHERE r.story_id IN ({marks}) AND {_ANSWERED} "
            "GROUP BY r.story_id",
            ids,
        )
    }
    last: dict[int, tuple[int, ...]] = {}
    for r in store.conn.execute(
        "WITH rated AS (SELECT a.story_id, a.rehearsal_id, "
        "group_concat(a.rating, ',') AS ratings, r.started_at FROM answers a "
        f"JOIN rehearsals r ON r.id = a.rehearsal_id WHERE a.story_id IN ({marks}) "
        "AND a.rating IS NOT NULL GROUP BY a.rehearsal_id) "
        "SELECT story_id, ratings, max(started_at) FROM rated GROUP BY story_id",
        ids,
    ):
        last[int(r[0])] = tuple(int(x) for x in str(r[1]).split(","))
    overdue = {
        int(r[0]): int(r[1])
        for r in store.conn.execute(
            f"SELECT story_id, count(*) FROM reviews WHERE story_id IN ({marks}) AND due <= ? "
            "GROUP BY story_id",
            [*ids, stamp(now)],
        )
    }
    found: dict[int, StoryHistory] = {}
    for story_id in ids:
        count, first, latest = counts.get(story_id, (0, None, None))
        found[story_id] = StoryHistory(
            count, first, latest, last.get(story_id, ()), overdue.get(story_id, 0)
        )
    return found
