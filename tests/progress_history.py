"""A known rehearsal history on the sample stories, for the progress tests and snapshots.

Ten rehearsals on ten days at noon UTC: 20-24 Feb 2026 (five days in a row), 1-2 Mar,
then 8-10 Mar, NOW being 10 Mar at 12:30. Every figure the tests expect follows from
the table below; the comments give the sums.
"""

from __future__ import annotations

import datetime as dt

from coach.core.schedule import Rating
from coach.store import Store, rehearsals

NOW = dt.datetime(2026, 3, 10, 12, 30, tzinfo=dt.UTC)

Step = tuple[str, str, str, int, float | None, int | None]
"""kind, key, category, target seconds, seconds spoken (None: skipped), rating."""

HISTORY: list[tuple[str, str, list[Step]]] = [
    (
        "2026-02-20",
        "churn-leakage",
        [
            ("section", "goal", "", 20, 22, None),
            ("followup", "data-size", "data", 40, 50, 1),
            ("followup", "simplest-baseline", "baseline", 45, 40, 2),
        ],
    ),
    (
        "2026-02-21",
        "churn-leakage",
        [
            ("followup", "data-size", "data", 40, 44, 2),
            ("followup", "tuning-what-mattered", "tuning", 45, 30, 4),
        ],
    ),
    ("2026-02-22", "churn-leakage", [("followup", "simplest-baseline", "baseline", 45, 50, 2)]),
    (
        "2026-02-23",
        "fraud-model-drift",
        [
            ("section", "situation", "", 30, 30, None),
            ("followup", "disagreement", "conflict", 45, 60, 2),
        ],
    ),
    ("2026-02-24", "fraud-model-drift", [("followup", "stakes", "context", 30, 20, 4)]),
    ("2026-03-01", "fraud-model-drift", [("followup", "other-options", "options", 45, 40, 3)]),
    (
        "2026-03-02",
        "produce-demand-forecast",
        [("followup", "tuning-what-mattered", "tuning", 45, 45, 3)],
    ),
    ("2026-03-08", "churn-leakage", [("followup", "simplest-baseline", "baseline", 45, 40, 3)]),
    ("2026-03-09", "produce-demand-forecast", [("followup", "data-size", "data", 40, 55, 1)]),
    (
        "2026-03-10",
        "churn-leakage",
        [
            ("followup", "data-size", "data", 40, 35, 3),
            ("followup", "tuning-what-mattered", "tuning", 45, 50, 3),
        ],
    ),
]
# categories: data 1,2,1,3 (mean 1.75, 3 over time); conflict 2 (1 over); baseline 2,2,3
# (2.33, 1 over); options 3; tuning 4,3,3 (3.33, 1 over); context 4.
# 15 answers, 13 rated, ratings sum to 33 (mean 2.54).


def noon(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)


def seed_history(store: Store) -> dict[str, int]:
    """Record HISTORY (and one rehearsal opened and left with no answer); the story ids."""
    ids = {r.slug: r.id for r in store.list_stories()}
    for day, slug, steps in HISTORY:
        start = noon(day)
        rid = rehearsals.start(store, ids[slug], persona="technical", when=start)
        for position, (kind, key, category, target, seconds, rating) in enumerate(steps):
            rehearsals.record(
                store,
                rid,
                position,
                kind=kind,
                key=key,
                category=category,
                prompt=key,
                target_seconds=target,
                seconds=seconds,
                rating=None if rating is None else Rating(rating),
                skipped=seconds is None,
                when=start + dt.timedelta(minutes=position + 1),
            )
        rehearsals.close(store, rid, "finished", when=start + dt.timedelta(minutes=10))
    rehearsals.start(store, ids["churn-leakage"], when=noon("2026-03-05"))
    return ids
