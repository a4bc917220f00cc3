"""Every figure read from the progress summary equals the same figure read straight from the
raw answers (as coach read it before the summary), after random writes, in zones where
rehearsals run across local midnights."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from progress_summary_writes import Writer

from coach.core.clock import parse_stamp
from coach.core.schedule import Rating
from coach.store import Store, rehearsals
from coach.store import progress as queries

ZONES = ["UTC0", "IST-5:30", "EST5EDT,M3.2.0,M11.1.0", "NZST-12NZDT,M9.5.0,M4.1.0/3"]
"""POSIX zones (no tz database needed): UTC, a half-hour offset, and a change to summer
time in the days the writes fall on (8 March in the US)."""


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def raw_totals(store: Store) -> queries.Totals:
    r = store.conn.execute(
        "SELECT (SELECT count(*) FROM stories WHERE archived = 0), "
        "(SELECT count(*) FROM stories s WHERE s.archived = 0 AND EXISTS "
        "(SELECT 1 FROM answers a WHERE a.story_id = s.id)), "
        "count(DISTINCT rehearsal_id), count(*), count(rating), avg(rating) FROM answers"
    ).fetchone()
    return queries.Totals(*r)


def raw_days(store: Store) -> list[queries.DayCount]:
    return [
        queries.DayCount(dt.date.fromisoformat(r[0]), r[1], r[2])
        for r in store.conn.execute(
            "SELECT date(answered_at, 'localtime') AS day, count(DISTINCT rehearsal_id), "
            "count(*) FROM answers GROUP BY day ORDER BY day"
        )
    ]


def raw_categories(store: Store) -> list[queries.CategoryRow]:
    return [
        queries.CategoryRow(*r)
        for r in store.conn.execute(
            "SELECT s.template, a.category, count(*), count(a.rating), avg(a.rating), "
            "total(a.seconds > a.target_seconds) FROM answers a "
            "JOIN stories s ON s.id = a.story_id WHERE s.archived = 0 AND a.kind = 'followup' "
            "AND a.skipped = 0 AND a.category != '' GROUP BY 1, 2 ORDER BY 1, 2"
        )
    ]


_ANSWERED = "EXISTS (SELECT 1 FROM answers a WHERE a.rehearsal_id = r.id)"
_SPOKEN = "a.seconds IS NOT NULL AND a.skipped = 0 AND a.kind IN ('section', 'followup')"


def raw_trend(store: Store, limit: int, story_id: int | None = None) -> list[queries.TrendRow]:
    where, params = (" AND r.story_id = ?", [story_id]) if story_id is not None else ("", [])
    rows = store.conn.execute(
        "WITH recent AS (SELECT r.id, r.story_id, r.started_at FROM rehearsals r "
        f"WHERE {_ANSWERED}{where} ORDER BY r.started_at DESC, r.id DESC LIMIT ?) "
        "SELECT t.id, t.story_id, s.slug, t.started_at, count(a.rating), avg(a.rating), "
        f"total(CASE WHEN {_SPOKEN} THEN a.seconds END), "
        f"total(CASE WHEN {_SPOKEN} THEN a.target_seconds END) "
        "FROM recent t JOIN answers a ON a.rehearsal_id = t.id "
        "JOIN stories s ON s.id = t.story_id GROUP BY t.id ORDER BY t.started_at, t.id",
        [*params, limit],
    )
    return [queries.TrendRow(r[0], r[1], r[2], parse_stamp(r[3]), *r[4:8]) for r in rows]


def raw_stories(store: Store) -> list[queries.StoryBrief]:
    return [
        queries.StoryBrief(*r)
        for r in store.conn.execute(
            "SELECT s.id, s.slug, s.title, s.template FROM stories s LEFT JOIN "
            "(SELECT r.story_id, max(r.started_at) AS last FROM rehearsals r "
            f"WHERE {_ANSWERED} GROUP BY r.story_id) h ON h.story_id = s.id "
            "WHERE s.archived = 0 "
            "ORDER BY h.last IS NULL, h.last DESC, s.title COLLATE NOCASE, s.id"
        )
    ]


def raw_counts(store: Store) -> dict[int, tuple[int, dt.datetime, dt.datetime]]:
    return {
        r[0]: (r[1], parse_stamp(r[2]), parse_stamp(r[3]))
        for r in store.conn.execute(
            "SELECT r.story_id, count(*), min(r.started_at), max(r.started_at) "
            f"FROM rehearsals r WHERE {_ANSWERED} GROUP BY r.story_id"
        )
    }


def assert_same_figures(store: Store) -> None:
    assert queries.totals(store) == raw_totals(store)
    assert queries.practice_days(store) == raw_days(store)
    assert queries.categories(store) == raw_categories(store)
    assert queries.trend(store, 6) == raw_trend(store, 6)
    for story in store.conn.execute("SELECT id FROM stories").fetchall():
        assert queries.trend(store, 3, story[0]) == raw_trend(store, 3, story[0])
    assert queries.stories(store) == raw_stories(store)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM stories")]
    counts = raw_counts(store)
    for story_id, h in queries.histories(store, ids, dt.datetime.now(dt.UTC)).items():
        assert (h.rehearsals, h.first, h.last) == counts.get(story_id, (0, None, None))


def cross_midnight(store: Store) -> None:
    """A rehearsal with answers five minutes before and after a local midnight."""
    midnight = dt.datetime(2026, 3, 5).astimezone()
    story = store.list_stories()[0].id
    rid = rehearsals.start(store, story, when=midnight - dt.timedelta(minutes=10))
    for position, minutes in enumerate((-5, 5)):
        rehearsals.record(
            store,
            rid,
            position,
            kind="followup",
            key="data-size",
            category="data",
            prompt="",
            target_seconds=40,
            seconds=50,
            rating=Rating(2),
            when=midnight + dt.timedelta(minutes=minutes),
        )


def crossing(store: Store) -> int:
    return int(
        store.conn.execute(
            "SELECT count(*) FROM progress_rehearsals "
            "WHERE date(first_at, 'localtime') != date(last_at, 'localtime')"
        ).fetchone()[0]
    )


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_the_summary_gives_the_figures_the_raw_answers_give(
    samples: Store, zone: str, seed: int
) -> None:
    writer = Writer(samples, seed)
    for _ in range(10):
        writer.rehearse()
    for _ in range(40):
        writer.record()
    cross_midnight(samples)
    assert crossing(samples) >= 1
    most = 0
    for n in range(101):
        if n % 10 == 0:
            assert_same_figures(samples)
            most = max(most, raw_totals(samples).answers)
        writer.step()
    assert most > 30


def test_archiving_a_story_takes_its_answers_out_of_the_categories(samples: Store) -> None:
    writer = Writer(samples, 21)
    for _ in range(60):
        writer.record()
    for row in samples.list_stories():
        samples.set_archived(row.id, True)
        assert_same_figures(samples)
    assert queries.categories(samples) == []
    assert queries.totals(samples).rehearsed == 0
