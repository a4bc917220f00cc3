"""What the microphone heard in part of the known history (progress_history): five of its
rehearsals, each answer heard lasting a minute, so that words and fillers a minute are the
counts below. The pace comes down into the 130-150 band, and the fillers with it."""

from __future__ import annotations

from coach.core.speech import Fillers, SpeechMeasures
from coach.store import Store
from coach.store import voice as heard_rows

HEARD: list[tuple[str, str, list[tuple[int, int]]]] = [
    # day, story, (words, fillers) of each answer heard (a minute each), from position 0
    ("2026-02-20", "churn-leakage", [(172, 6)]),
    ("2026-02-22", "churn-leakage", [(165, 4)]),
    ("2026-03-01", "fraud-model-drift", [(158, 3)]),
    ("2026-03-08", "churn-leakage", [(149, 2)]),
    ("2026-03-10", "churn-leakage", [(140, 1), (142, 1)]),
]
# wpm over the rehearsal: 172, 165, 158, 149, 141; fillers a minute: 6, 4, 3, 2, 1.


def hear_history(store: Store) -> dict[str, int]:
    """Store what was heard in HEARD's rehearsals (seed_history first); their ids by day."""
    ids: dict[str, int] = {}
    for day, slug, answers in HEARD:
        (rehearsal_id,) = store.conn.execute(
            "SELECT r.id FROM rehearsals r JOIN stories s ON s.id = r.story_id "
            "WHERE s.slug = ? AND substr(r.started_at, 1, 10) = ? AND EXISTS "
            "(SELECT 1 FROM answers a WHERE a.rehearsal_id = r.id)",
            [slug, day],
        ).fetchone()
        ids[day] = rehearsal_id
        for position, (words, fillers) in enumerate(answers):
            measures = SpeechMeasures(
                60.0, 55.0, words, float(words), words * 60 / 55,
                Fillers(fillers, float(fillers), {"um": fillers} if fillers else {}), (),
            )  # fmt: skip
            heard_rows.save(
                store, rehearsal_id, position, measures=measures, figures=(), transcript="…",
                audio_path=None, engine="faster-whisper", model="tiny.en",
            )  # fmt: skip
    return ids
