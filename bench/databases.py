"""Every database bench/run.py measures on, built from fixed seeds.

- an empty bank, migrated, and the bank of synthetic stories (bench/corpus.py)
- coach's own sample stories, that the pacing timer's CPU run rehearses
- a copy of the bank with 100,000 past answers, for the follow-up, progress and
  export figures: rehearsals of FOLLOWUPS_PER_REHEARSAL follow-ups each, spread over
  the last HISTORY_DAYS, recorded through the store's own API as the app records them
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import log
from corpus import Corpus, stories

from coach.store import Store, open_store, rehearsals

if TYPE_CHECKING:
    from coach.core.questions import Question


def build_empty(path: Path) -> None:
    """A database that exists and is migrated, with no stories."""
    open_store(path).close()


def build_bank(path: Path, corpus: Corpus, count: int, seed: int) -> None:
    """`count` synthetic stories, inserted in one transaction."""
    started = time.perf_counter()
    store = open_store(path)
    with store.write():
        for number, story in enumerate(stories(seed, corpus, count), 1):
            store.create_story(story)
            if number % 2000 == 0:
                log(f"  {number} stories ({time.perf_counter() - started:.0f} s)")
    store.close()
    size = path.stat().st_size / 2**20
    log(f"built {count} stories in {time.perf_counter() - started:.1f} s ({size:.0f} MiB)")


def copy_database(source: Path, target: Path) -> None:
    """A copy of a closed database, through SQLite's backup (WAL contents included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def build_samples(path: Path) -> int:
    """A database of coach's sample stories; the id of the one the CPU run rehearses."""
    from coach.services.stories import load_samples
    from coach.services.workspace import Workspace

    store = open_store(path)
    try:
        load_samples(store, Workspace(path).templates)
        found = store.find("churn-leakage")
        if found is None:
            raise RuntimeError("the sample story 'churn-leakage' is missing")
        return found.id
    finally:
        store.close()


# -- past answers -----------------------------------------------------------------------

ANSWERS = 100_000
FOLLOWUPS_PER_REHEARSAL = 5
REHEARSED_SHARE = 0.5
"""The share of the bank's stories ever rehearsed; answers favour some (weights 1/sqrt(rank))."""
HISTORY_DAYS = 730
SKIPPED_SHARE = 0.05
RATING_WEIGHTS = (0.15, 0.3, 0.35, 0.2)
"""How often each rating (very weak .. very strong) is given."""
PERSONA_CHOICES: tuple[str | None, ...] = (None, "technical", "manager", "non-technical")


def add_answers(db: Path, count: int, seed: int) -> dict[str, Any]:
    """`count` rated follow-up answers through the store's own API, in one transaction.

    Rehearsals of FOLLOWUPS_PER_REHEARSAL follow-ups each, in time order over the last
    HISTORY_DAYS, go to a random REHEARSED_SHARE of the bank's project stories, some
    stories far more often than others; each records its answers (rescheduling their
    questions as the app does) and is closed as finished.
    """
    from coach.services.workspace import Workspace

    started = time.perf_counter()
    rng = random.Random(seed)
    questions = Workspace(db).question_sets.for_template("project").questions
    store = open_store(db)
    try:
        sessions = rehearsal_times(store, rng, count // FOLLOWUPS_PER_REHEARSAL)
        with store.write():
            for number, (when, story_id) in enumerate(sessions, 1):
                rehearse(store, rng, questions, story_id, number, when)
                if number % 5000 == 0:
                    took = time.perf_counter() - started
                    log(f"  {number * FOLLOWUPS_PER_REHEARSAL} answers ({took:.0f} s)")
        stats = store.conn.execute(
            "SELECT (SELECT count(*) FROM answers), (SELECT count(*) FROM reviews), "
            "(SELECT count(DISTINCT story_id) FROM answers)"
        ).fetchone()
    finally:
        store.close()
    took = time.perf_counter() - started
    log(f"added {stats[0]} answers, {stats[1]} reviews over {stats[2]} stories in {took:.1f} s")
    return {"answers": stats[0], "reviews": stats[1], "stories_with_answers": stats[2]}


def rehearsal_times(
    store: Store, rng: random.Random, sessions: int
) -> list[tuple[dt.datetime, int]]:
    """(when, story id) of `sessions` rehearsals in time order, of a random REHEARSED_SHARE
    of the project stories, weighted 1/sqrt(rank) so that some are rehearsed far more."""
    ids = [r[0] for r in store.conn.execute("SELECT id FROM stories WHERE template = 'project'")]
    rng.shuffle(ids)
    rehearsed = ids[: int(len(ids) * REHEARSED_SHARE)]
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(rehearsed))]
    now = dt.datetime.now(dt.UTC)
    return sorted(
        (now - dt.timedelta(days=rng.uniform(0, HISTORY_DAYS)), story_id)
        for story_id in rng.choices(rehearsed, weights=weights, k=sessions)
    )


def rehearse(
    store: Store,
    rng: random.Random,
    questions: Sequence[Question],
    story_id: int,
    number: int,
    when: dt.datetime,
) -> None:
    """One finished rehearsal of FOLLOWUPS_PER_REHEARSAL random follow-ups, a minute or
    two apart, each rated or (SKIPPED_SHARE of them) skipped."""
    from coach.core.schedule import Rating

    persona = rng.choice(PERSONA_CHOICES) or ""
    rehearsal = rehearsals.start(store, story_id, persona=persona, seed=number, when=when)
    for position, q in enumerate(rng.sample(questions, FOLLOWUPS_PER_REHEARSAL)):
        skipped = rng.random() < SKIPPED_SHARE
        seconds = round(q.target_seconds * rng.uniform(0.4, 1.8))
        rating = rng.choices(list(Rating), RATING_WEIGHTS)[0]
        rehearsals.record(
            store,
            rehearsal,
            position,
            kind="followup",
            key=q.id,
            category=q.category,
            prompt=q.text,
            target_seconds=q.target_seconds,
            seconds=None if skipped else seconds,
            rating=None if skipped else rating,
            skipped=skipped,
            when=when + dt.timedelta(minutes=2 * position + 1),
        )
    rehearsals.close(store, rehearsal, "finished", when=when + dt.timedelta(minutes=12))
