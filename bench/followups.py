"""The follow-up figures of bench/run.py: `followups_p50_ms` and `followups_p99_ms`.

Choosing follow-ups for one story in a 10,000-story bank holding 100,000 past answers
(bench/databases.py), from reading the story to the picks: `plan()` end to end.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import figure, log, percentile
from databases import PERSONA_CHOICES

if TYPE_CHECKING:
    from coach.services.workspace import Workspace
    from coach.store import Store


def followup_figures(db: Path, samples: int, seed: int, built: dict[str, Any]) -> dict[str, Any]:
    """Time `plan()` end to end (the story and its reviews read from the store, the bank
    found for its template) for `samples` distinct random stories that have answers."""
    from coach.services.workspace import Workspace
    from coach.store import open_store, rehearsals

    workspace = Workspace(db)
    rng = random.Random(seed)
    store = open_store(db)
    try:
        with_answers = [
            r[0] for r in store.conn.execute("SELECT DISTINCT story_id FROM answers ORDER BY 1")
        ]
        chosen = rng.sample(with_answers, min(samples, len(with_answers)))
        times, short = time_plans(store, workspace, chosen)
        reviews = [len(rehearsals.reviews(store, story_id)) for story_id in chosen]
    finally:
        store.close()
    log(
        f"  {len(times)} plans: p50 {percentile(times, 50):.2f} ms, "
        f"p99 {percentile(times, 99):.2f} ms, max {max(times):.1f} ms"
    )
    detail = {
        **built,
        "stories": len(times),
        "max_ms": round(max(times), 3),
        "reviews_per_story": {
            "p50": percentile([float(n) for n in reviews], 50),
            "max": max(reviews),
        },
        "fewer_than_5_picked": short,
    }
    return {
        "followups_p50_ms": figure(percentile(times, 50), "ms", "<= 20", detail=detail),
        "followups_p99_ms": figure(percentile(times, 99), "ms", None),
    }


def time_plans(
    store: Store, workspace: Workspace, chosen: Sequence[int]
) -> tuple[list[float], int]:
    """Milliseconds of `plan()` for 5 follow-ups of each chosen story, after an unmeasured
    run of the first five; and how many stories got fewer than 5."""
    from coach.services.rehearsals import plan

    templates, question_sets = workspace.templates, workspace.question_sets

    def one(story_id: int, number: int) -> int:
        story = store.story(story_id)
        qset = question_sets.for_template(story.template)
        picks = plan(
            store,
            story,
            templates,
            qset,
            persona=PERSONA_CHOICES[number % len(PERSONA_CHOICES)],
            limit=5,
            seed=story_id * 1000 + number,
        )
        return len(picks)

    for number, story_id in enumerate(chosen[:5]):
        one(story_id, number)
    times: list[float] = []
    short = 0
    for number, story_id in enumerate(chosen):
        started = time.perf_counter()
        picked = one(story_id, number)
        times.append((time.perf_counter() - started) * 1000)
        short += picked < 5
    return times, short
