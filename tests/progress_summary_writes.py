"""Random writes to the rehearsal history, and the progress summary recomputed from the raw
answers, for the tests of the summary tables (tests/store/test_progress_summary*.py).

The writes are the app's own (start a rehearsal, record or re-record an answer, archive,
delete or duplicate a story) and raw SQL the app does not issue today but the triggers must
still follow (an answer re-rated, moved to another rehearsal or deleted, a rehearsal
deleted or its start moved). Times fall around local midnights, so that rehearsals run
across one.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import defaultdict
from collections.abc import Callable

from coach.core.schedule import Rating
from coach.store import Store, rehearsals

START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
MIDNIGHTS = (0, 18 * 60 + 30, 5 * 60, 4 * 60, 12 * 60, 11 * 60)
"""Local midnights, in minutes after midnight UTC: UTC, India, US East (winter, summer),
New Zealand (summer, winter)."""
CATEGORIES = ("", "data", "baseline", "tuning")
KINDS = ("section", "followup", "followup", "followup")

Rows = dict[str, list[tuple[object, ...]]]


def summary(conn: sqlite3.Connection) -> Rows:
    """What the summary tables hold, in a fixed order."""
    return {
        "rehearsals": conn.execute(
            "SELECT rehearsal_id, story_id, started_at, answers, rated, rating_sum, first_at, "
            "last_at FROM progress_rehearsals ORDER BY rehearsal_id"
        ).fetchall(),
        "categories": conn.execute(
            "SELECT story_id, category, answers, rated, rating_sum, over "
            "FROM progress_categories ORDER BY story_id, category"
        ).fetchall(),
        "totals": conn.execute(
            "SELECT category, answers, rated, rating_sum, over "
            "FROM progress_category_totals ORDER BY category"
        ).fetchall(),
    }


def recomputed(conn: sqlite3.Connection) -> Rows:
    """The same, worked out in Python from every answer and rehearsal."""
    started = dict(conn.execute("SELECT id, started_at FROM rehearsals").fetchall())
    owner = dict(conn.execute("SELECT id, story_id FROM rehearsals").fetchall())
    per_rehearsal: dict[int, list[tuple[int | None, str]]] = defaultdict(list)
    per_category: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in conn.execute(
        "SELECT rehearsal_id, story_id, kind, category, skipped, rating, seconds, "
        "target_seconds, answered_at FROM answers"
    ):
        rid, sid, kind, category, skipped, rating, seconds, target, at = row
        per_rehearsal[rid].append((rating, at))
        if kind == "followup" and not skipped and category:
            sums = per_category[(sid, category)]
            sums[0] += 1
            sums[1] += rating is not None
            sums[2] += rating or 0
            sums[3] += seconds is not None and seconds > target
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (_, category), sums in per_category.items():
        totals[category] = [a + b for a, b in zip(totals[category], sums, strict=True)]
    return {
        "rehearsals": [
            (
                rid,
                owner[rid],
                started[rid],
                len(answers),
                sum(1 for rating, _ in answers if rating is not None),
                sum(rating or 0 for rating, _ in answers),
                min(at for _, at in answers),
                max(at for _, at in answers),
            )
            for rid, answers in sorted(per_rehearsal.items())
        ],
        "categories": [(*key, *sums) for key, sums in sorted(per_category.items())],
        "totals": [(category, *sums) for category, sums in sorted(totals.items())],
    }


class Writer:
    """Random writes through the store, from a seeded generator."""

    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.ops: list[Callable[[], None]] = [
            self.rehearse,
            self.rehearse,
            self.record,
            self.record,
            self.record,
            self.re_record,
            self.re_rate,
            self.move_answer,
            self.delete_answer,
            self.delete_rehearsal,
            self.move_start,
            self.archive,
            self.delete_story,
        ]

    def step(self) -> str:
        op = self.rng.choice(self.ops)
        op()
        return op.__name__

    def _ids(self, sql: str) -> list[int]:
        return [int(r[0]) for r in self.store.conn.execute(sql)]

    def _when(self) -> dt.datetime:
        """Up to two and a half hours before a local midnight of one of the zones tested,
        on one of four days, the night of 7 to 8 March 2026 among them (when the US moves to
        summer time): answers follow up to 200 minutes later, across midnight or not."""
        day = self.rng.choice((0, 3, 6, 7))
        midnight = self.rng.choice(MIDNIGHTS)
        before = self.rng.randrange(0, 150, 7)
        return START + dt.timedelta(days=day, minutes=midnight - before)

    def rehearse(self) -> None:
        stories = self._ids("SELECT id FROM stories")
        if len(stories) < 4:
            self.store.duplicate(self.rng.choice(stories))
            stories = self._ids("SELECT id FROM stories")
        rehearsals.start(self.store, self.rng.choice(stories), when=self._when())

    def _answer(self, rid: int, position: int) -> None:
        started = self.store.conn.execute(
            "SELECT started_at FROM rehearsals WHERE id = ?", [rid]
        ).fetchone()[0]
        skipped = self.rng.random() < 0.2
        rating = None if skipped or self.rng.random() < 0.2 else Rating(self.rng.randint(1, 4))
        rehearsals.record(
            self.store,
            rid,
            position,
            kind=self.rng.choice(KINDS),
            key=f"q{self.rng.randrange(5)}",
            category=self.rng.choice(CATEGORIES),
            prompt="",
            target_seconds=45.0,
            seconds=None if skipped else float(self.rng.randrange(20, 80)),
            rating=rating,
            skipped=skipped,
            when=dt.datetime.fromisoformat(started)
            + dt.timedelta(minutes=self.rng.randrange(0, 200)),
        )

    def record(self) -> None:
        found = self._ids("SELECT id FROM rehearsals")
        if not found:
            return self.rehearse()
        rid = self.rng.choice(found)
        position = self.store.conn.execute(
            "SELECT ifnull(max(position) + 1, 0) FROM answers WHERE rehearsal_id = ?", [rid]
        ).fetchone()[0]
        self._answer(rid, position)

    def re_record(self) -> None:
        """Answered again after going back: the same position, written over."""
        found = self.store.conn.execute(
            "SELECT rehearsal_id, position FROM answers ORDER BY id"
        ).fetchall()
        if found:
            self._answer(*self.rng.choice(found))

    def _answer_id(self) -> int | None:
        found = self._ids("SELECT id FROM answers")
        return self.rng.choice(found) if found else None

    def re_rate(self) -> None:
        aid = self._answer_id()
        if aid is not None:
            rating = self.rng.choice([None, 1, 2, 3, 4])
            with self.store.write() as conn:
                conn.execute(
                    "UPDATE answers SET rating = ?, category = ?, skipped = ? WHERE id = ?",
                    [rating, self.rng.choice(CATEGORIES), int(rating is None), aid],
                )

    def move_answer(self) -> None:
        aid, target = self._answer_id(), self._ids("SELECT id FROM rehearsals")
        if aid is not None:
            rid = self.rng.choice(target)
            with self.store.write() as conn:
                conn.execute(
                    "UPDATE answers SET rehearsal_id = :rid, position = (SELECT ifnull("
                    "max(position) + 1, 0) FROM answers WHERE rehearsal_id = :rid), "
                    "story_id = (SELECT story_id FROM rehearsals WHERE id = :rid) WHERE id = :aid",
                    {"rid": rid, "aid": aid},
                )

    def delete_answer(self) -> None:
        aid = self._answer_id()
        if aid is not None:
            with self.store.write() as conn:
                conn.execute("DELETE FROM answers WHERE id = ?", [aid])

    def delete_rehearsal(self) -> None:
        found = self._ids("SELECT id FROM rehearsals")
        if found and self.rng.random() < 0.5:
            with self.store.write() as conn:
                conn.execute("DELETE FROM rehearsals WHERE id = ?", [self.rng.choice(found)])

    def move_start(self) -> None:
        found = self._ids("SELECT id FROM rehearsals")
        if found:
            with self.store.write() as conn:
                conn.execute(
                    "UPDATE rehearsals SET started_at = ? WHERE id = ?",
                    [self._when().isoformat(timespec="microseconds"), self.rng.choice(found)],
                )

    def archive(self) -> None:
        story = self.rng.choice(self._ids("SELECT id FROM stories"))
        self.store.set_archived(story, self.rng.random() < 0.5)

    def delete_story(self) -> None:
        stories = self._ids("SELECT id FROM stories")
        if len(stories) > 2 and self.rng.random() < 0.3:
            self.store.delete(self.rng.choice(stories))
