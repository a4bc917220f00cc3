"""Rehearsals, answers and the schedule on real SQLite files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from coach.core.schedule import Rating
from coach.core.stories import Story
from coach.store import Store, open_store, rehearsals
from coach.store.migrations import MIGRATIONS

DAY = dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.UTC)


def followup(
    store: Store,
    rid: int,
    position: int,
    qid: str,
    rating: Rating | None,
    when: dt.datetime,
    **extra: object,
) -> None:
    rehearsals.record(
        store,
        rid,
        position,
        kind="followup",
        key=qid,
        category="data",
        prompt="How much?",
        target_seconds=45,
        seconds=50.0,
        rating=rating,
        when=when,
        **extra,  # type: ignore[arg-type]
    )


def test_a_rated_answer_is_stored_and_scheduled(samples: Store) -> None:
    story = samples.find("churn-leakage")
    assert story is not None
    rid = rehearsals.start(samples, story.id, persona="technical", seed=4, when=DAY)
    rehearsals.record(
        samples,
        rid,
        0,
        kind="section",
        key="goal",
        prompt="Goal?",
        target_seconds=20,
        seconds=23.5,
        when=DAY,
    )
    followup(samples, rid, 1, "data-size", Rating.WEAK, DAY)
    (section, answer) = rehearsals.answers(samples, rid)
    assert (section.kind, section.seconds, section.rating) == ("section", 23.5, None)
    assert answer.rating is Rating.WEAK and answer.key == "data-size"
    review = rehearsals.reviews(samples, story.id)["data-size"]
    assert review.last_rating is Rating.WEAK
    assert review.due == DAY + dt.timedelta(days=2)
    row = rehearsals.rehearsal(samples, rid)
    assert row is not None and row.status == "unfinished" and row.persona == "technical"
    rehearsals.close(samples, rid, "finished", when=DAY)
    assert rehearsals.history(samples, story.id)[0].status == "finished"


def test_rating_again_after_going_back_replaces_the_answer(samples: Store) -> None:
    story_id = samples.find("churn-leakage").id  # type: ignore[union-attr]
    rid = rehearsals.start(samples, story_id, when=DAY)
    followup(samples, rid, 0, "data-size", Rating.VERY_WEAK, DAY)
    followup(samples, rid, 0, "data-size", Rating.VERY_STRONG, DAY, note="said 2 TB")
    (answer,) = rehearsals.answers(samples, rid)
    assert answer.rating is Rating.VERY_STRONG and answer.note == "said 2 TB"
    review = rehearsals.reviews(samples, story_id)["data-size"]
    assert review.reps == 1 and review.interval_days == 7  # as if rated very strong once
    # another question at the same position (the plan changed): the old one is unscheduled
    followup(samples, rid, 0, "serving", Rating.STRONG, DAY)
    assert set(rehearsals.reviews(samples, story_id)) == {"serving"}


def test_the_schedule_replays_every_rating_over_days(samples: Store) -> None:
    story_id = samples.find("churn-leakage").id  # type: ignore[union-attr]
    when = DAY
    for n, rating in enumerate([Rating.WEAK, Rating.STRONG, Rating.STRONG]):
        rid = rehearsals.start(samples, story_id, when=when)
        followup(samples, rid, 0, "data-size", rating, when)
        review = rehearsals.reviews(samples, story_id)["data-size"]
        assert review.last_rated == when, n
        when = review.due
    assert review.interval_days > 4 and review.reps == 2


def test_most_in_need(samples: Store) -> None:
    ids = {r.slug: r.id for r in samples.list_stories()}
    first = rehearsals.most_in_need(samples, now=DAY)
    assert first in ids.values()
    for slug, story_id in ids.items():  # rehearse every story, rating each strong
        rid = rehearsals.start(samples, story_id, when=DAY)
        followup(samples, rid, 0, f"q-{slug}", Rating.STRONG, DAY)
    weak = ids["fraud-model-drift"]
    rid = rehearsals.start(samples, weak, when=DAY)
    followup(samples, rid, 0, "weak-one", Rating.VERY_WEAK, DAY)
    assert rehearsals.most_in_need(samples, now=DAY + dt.timedelta(days=2)) == weak
    # nothing due yet: the weakest on average
    assert rehearsals.most_in_need(samples, now=DAY) == weak
    samples.set_archived(weak, True)
    assert rehearsals.most_in_need(samples, now=DAY + dt.timedelta(days=2)) != weak
    fresh = samples.create_story(Story(title="Brand new", template="project"))
    assert rehearsals.most_in_need(samples, now=DAY) == fresh
    assert rehearsals.most_in_need(samples, templates=["star"]) in {
        ids["spark-in-two-weeks"],
        ids["pipeline-freeze-disagreement"],
    }


def test_deleting_a_story_deletes_its_rehearsals(samples: Store) -> None:
    story_id = samples.find("churn-leakage").id  # type: ignore[union-attr]
    rid = rehearsals.start(samples, story_id, when=DAY)
    followup(samples, rid, 0, "data-size", Rating.WEAK, DAY)
    samples.delete(story_id)
    for table in ("rehearsals", "answers", "reviews"):
        assert samples.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_m002_migrates_a_database_made_by_m001(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    steps = Migrations("coach")
    first = MIGRATIONS[0]
    steps(name=first.__name__)(first)
    steps.apply(Database(conn))
    conn.execute(
        "INSERT INTO stories (slug, title, template, created_at, updated_at) "
        "VALUES ('kept', 'Kept', 'project', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.find("kept") is not None
    rid = rehearsals.start(store, store.find("kept").id)  # type: ignore[union-attr]
    assert rehearsals.rehearsal(store, rid) is not None
    backups = list(tmp_path.glob("old.db.before-m002_rehearsals-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    assert "stories" in tables and "rehearsals" not in tables
