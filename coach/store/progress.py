"""Aggregates over the rehearsal history, for the progress screen and `coach stats`.

They read the summary tables the triggers of coach/store/schema_progress.py keep (one row
per rehearsal, per story and category, per category), not the 100,000 answers themselves.
Days are local days (SQLite's 'localtime', the same zone as Python's `astimezone()`). A
rehearsal counts once it has an answer: one opened and left at once is not practice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.clock import parse_stamp, stamp
from coach.store.store import Store

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
        "(SELECT 1 FROM progress_rehearsals p WHERE p.story_id = s.id)), "
        "count(*), ifnull(sum(answers), 0), ifnull(sum(rated), 0), ifnull(sum(rating_sum), 0) "
        "FROM progress_rehearsals"
    ).fetchone()
    rated = int(r[4])
    mean = int(r[5]) / rated if rated else None
    return Totals(int(r[0]), int(r[1]), int(r[2]), int(r[3]), rated, mean)


def any_answers(store: Store) -> bool:
    return bool(store.conn.execute("SELECT EXISTS (SELECT 1 FROM answers)").fetchone()[0])


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    rehearsals: int
    """Rehearsals with an answer given that day."""
    answers: int


_DAYS = (
    "WITH spans AS MATERIALIZED (SELECT rehearsal_id, answers, "
    "date(first_at, 'localtime') AS first_day, date(last_at, 'localtime') AS last_day "
    "FROM progress_rehearsals), "
    "parts AS (SELECT first_day AS day, count(*) AS rehearsals, sum(answers) AS answers "
    "FROM spans WHERE first_day = last_day GROUP BY first_day "
    "UNION ALL SELECT day, count(DISTINCT rehearsal_id), count(*) FROM "
    "(SELECT a.rehearsal_id, date(a.answered_at, 'localtime') AS day FROM spans s "
    "CROSS JOIN answers a ON a.rehearsal_id = s.rehearsal_id "
    "WHERE s.first_day != s.last_day) GROUP BY day) "
    "SELECT day, sum(rehearsals), sum(answers) FROM parts GROUP BY day ORDER BY day"
)
"""Days from each rehearsal's first and last answer; the answers of the few rehearsals
that ran past a local midnight are read one by one."""


def practice_days(store: Store) -> list[DayCount]:
    """Every local day with an answer, oldest first."""
    return [
        DayCount(dt.date.fromisoformat(r[0]), int(r[1]), int(r[2]))
        for r in store.conn.execute(_DAYS)
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


_SUMS = "c.answers, c.rated, c.rating_sum, c.over"

_Sums = tuple[int, int, float, float]
"""Answers, rated, the sum of their ratings, answers over time."""


def categories(store: Store) -> list[CategoryRow]:
    """Every answered category of every template, active stories only.

    The totals of each category over every story are credited to the template most
    stories use; the shares of archived stories and of other templates are then found
    from their stories (in the per-story summary) and moved."""
    main = store.conn.execute(
        "SELECT template FROM stories GROUP BY template ORDER BY count(*) DESC, template LIMIT 1"
    ).fetchone()
    if main is None:
        return []
    found: dict[tuple[str, str], _Sums] = {
        (main[0], str(r[0])): (int(r[1]), int(r[2]), float(r[3]), float(r[4]))
        for r in store.conn.execute(f"SELECT c.category, {_SUMS} FROM progress_category_totals c")
    }
    for r in store.conn.execute(
        f"SELECT s.template, s.archived, c.category, {_SUMS} FROM stories s "
        "CROSS JOIN progress_categories c ON c.story_id = s.id "
        "WHERE s.archived != 0 OR s.template != ?",
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
    where, params = ("WHERE p.story_id = ? ", [story_id]) if story_id is not None else ("", [])
    rows = store.conn.execute(
        "WITH recent AS (SELECT p.rehearsal_id AS id, p.story_id, p.started_at "
        f"FROM progress_rehearsals p {where}"
        "ORDER BY p.started_at DESC, p.rehearsal_id DESC LIMIT ?) "
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
    """Every competency named by an active story, as written, with the slugs of the
    stories naming it, in no order. SQLite groups them, so Python reads a row a
    competency, not one a story."""
    rows = store.conn.execute(
        "SELECT j.value, json_group_array(s.slug) FROM stories s "
        "CROSS JOIN json_each(s.competencies) j WHERE s.archived = 0 AND j.type = 'text' "
        "GROUP BY j.value"
    ).fetchall()
    return [(str(r[0]), json.loads(r[1])) for r in rows]


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
            "(SELECT story_id, max(started_at) AS last FROM progress_rehearsals "
            "GROUP BY story_id) h ON h.story_id = s.id "
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
            "SELECT story_id, count(*), min(started_at), max(started_at) "
            f"FROM progress_rehearsals WHERE story_id IN ({marks}) GROUP BY story_id",
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


@dataclass(frozen=True)
class PaceRow:
    """How one rehearsal sounded, over every answer heard in it."""

    rehearsal_id: int
    story_id: int
    slug: str
    started_at: dt.datetime
    answers: int
    """Answers heard."""
    words: int
    seconds: float
    fillers: int

    @property
    def wpm(self) -> float:
        """Words a minute over the answers heard."""
        return round(self.words * 60 / self.seconds, 1) if self.seconds > 0 else 0.0

    @property
    def fillers_per_minute(self) -> float:
        return round(self.fillers * 60 / self.seconds, 1) if self.seconds > 0 else 0.0


def pace_trend(store: Store, limit: int, story_id: int | None = None) -> list[PaceRow]:
    """The last `limit` rehearsals (of one story, or of all) that had answers heard, oldest
    first. The table holds one row an answer heard, so this reads little."""
    where, params = ("WHERE r.story_id = ? ", [story_id]) if story_id is not None else ("", [])
    rows = store.conn.execute(
        "SELECT h.rehearsal_id, r.story_id, s.slug, r.started_at, count(*), total(h.words), "
        "total(h.duration_s), total(h.fillers) "
        "FROM heard h JOIN rehearsals r ON r.id = h.rehearsal_id "
        f"JOIN stories s ON s.id = r.story_id {where}"
        "GROUP BY h.rehearsal_id ORDER BY r.started_at DESC, h.rehearsal_id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        PaceRow(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            parse_stamp(str(r[3])),
            int(r[4]),
            int(r[5]),
            float(r[6]),
            int(r[7]),
        )  # fmt: skip
        for r in reversed(rows)
    ]
