"""Databases as an older coach left them: data written with the SQL of the schema it was
made under (one seeder a migration), never through today's Store. A new migration that
adds tables adds a seeder for them here (tests/store/test_migrations.py checks)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database, Migrations

from coach.store import StoryRow
from coach.store.migrations import MIGRATIONS

STAMP = "2025-06-01T09:00:00.000000+00:00"
LATER = "2025-06-02T10:30:00.000000+00:00"


@dataclass(frozen=True)
class OldStory:
    id: int
    slug: str
    title: str
    template: str
    company: str
    role: str
    dates: str
    tags: tuple[str, ...]
    competencies: tuple[str, ...]
    archived: bool
    fields: dict[str, str]
    history: dict[str, tuple[str, ...]]
    """Every saved text of a field, oldest first (the last one is the current text)."""


STORIES = [
    OldStory(
        id=1,
        slug="churn-leakage",
        title="Churn model that leaked the future",
        template="project",
        company="Example Telecom",
        role="Data scientist",
        dates="Jan 2023 - Jun 2023",
        tags=("churn", "classification"),
        competencies=("data handling", "evaluation"),
        archived=False,
        fields={
            "goal": "Predict which subscribers cancel within 60 days.",
            "impact": "Cut monthly churn from 2.1% to 1.7%, about 4,000 customers kept.",
            "data": "Eighteen months of billing, 2.3M rows; found leakage in a refund column.",
        },
        history={
            "goal": ("Predict churn.", "Predict which subscribers cancel within 60 days."),
            "impact": (
                "Churn went down a lot.",
                "Cut churn.",
                "Cut monthly churn from 2.1% to 1.7%, about 4,000 customers kept.",
            ),
            "data": ("Eighteen months of billing, 2.3M rows; found leakage in a refund column.",),
        },
    ),
    OldStory(
        id=2,
        slug="cafe-demand",
        title="Café demand forecast",
        template="project",
        company="Crème Bakeries",
        role="ML engineer",
        dates="2022-03",
        tags=("forecasting",),
        competencies=("production", "ownership"),
        archived=False,
        fields={
            "goal": "Forecast pastry demand per shop so fewer croissants go to waste.",
            "model": "Gradient-boosted trees over a seasonal-naïve baseline.",
        },
        history={
            "goal": ("Forecast pastry demand per shop so fewer croissants go to waste.",),
            "model": ("Prophet.", "Gradient-boosted trees over a seasonal-naïve baseline."),
        },
    ),
    OldStory(
        id=3,
        slug="disagreed-with-lead",
        title="Disagreeing with my lead on metrics",
        template="star",
        company="",
        role="",
        dates="",
        tags=(),
        competencies=("feedback",),
        archived=True,
        fields={
            "situation": "Our lead wanted accuracy on a 1% positive class.",
            "result": "We moved to precision at k; the team kept it.",
        },
        history={
            "situation": ("Our lead wanted accuracy on a 1% positive class.",),
            "result": ("We moved to precision at k; the team kept it.",),
        },
    ),
]

CONFLICTED = (1, "impact", 1)
"""(story, field, index into its history) of a revision saved over another window's text."""


def seed_m001(conn: sqlite3.Connection) -> None:
    """Stories, fields, revisions, labels and the search index, as m001's coach wrote them."""
    for s in STORIES:
        conn.execute(
            "INSERT INTO stories (id, slug, title, template, company, role, dates, tags, "
            "competencies, archived, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                s.id,
                s.slug,
                s.title,
                s.template,
                s.company,
                s.role,
                s.dates,
                json.dumps(list(s.tags), ensure_ascii=False),
                json.dumps(list(s.competencies), ensure_ascii=False),
                int(s.archived),
                STAMP,
                LATER,
            ],
        )
        for key, texts in s.history.items():
            conn.execute(
                "INSERT INTO fields (story_id, key, text, rev, updated_at) VALUES (?, ?, ?, ?, ?)",
                [s.id, key, texts[-1], len(texts), LATER],
            )
            for n, text in enumerate(texts):
                conflict = (s.id, key, n) == CONFLICTED
                conn.execute(
                    "INSERT INTO revisions (story_id, key, text, started_at, saved_at, session, "
                    "conflict, typing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [s.id, key, text, STAMP, LATER, f"window-{n % 2}", int(conflict), 1],
                )
        conn.executemany(
            "INSERT INTO labels (kind, value, story_id) VALUES (?, ?, ?)",
            [("tags", v, s.id) for v in s.tags]
            + [("competencies", v, s.id) for v in s.competencies],
        )
        head = " ".join([s.title, s.company, s.role, *s.tags, *s.competencies])
        conn.execute(
            "INSERT INTO story_search (rowid, title, body) VALUES (?, ?, ?)",
            [s.id, head, "\n".join(s.fields.values())],
        )


def seed_m002(conn: sqlite3.Connection) -> None:
    """A finished rehearsal of the churn story with its answers and one scheduled review."""
    conn.execute(
        "INSERT INTO rehearsals (id, story_id, persona, focus, seed, started_at, ended_at, "
        "status) VALUES (7, 1, 'technical', 'technical', 1000, ?, ?, 'finished')",
        [STAMP, LATER],
    )
    conn.executemany(
        "INSERT INTO answers (rehearsal_id, story_id, position, kind, key, category, prompt, "
        "target_seconds, seconds, rating, skipped, note, answered_at) "
        "VALUES (7, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (0, "section", "goal", "", "", 15.0, 17.5, None, 0, "", STAMP),
            (
                1,
                "followup",
                "ab-setup",
                "online_eval",
                "How did you A/B test it?",
                45.0,
                52.0,
                2,
                0,
                "say the holdout size",
                LATER,
            ),
            (
                2,
                "followup",
                "baseline",
                "models",
                "What was the baseline?",
                45.0,
                None,
                None,
                1,
                "",
                LATER,
            ),
        ],
    )
    conn.execute(
        "INSERT INTO reviews (story_id, question_id, reps, interval_days, ease, due, "
        "last_rating, last_rated) VALUES (1, 'ab-setup', 1, 2, 2.3, ?, 2, ?)",
        [LATER, LATER],
    )


def words_print(text: str) -> str:
    """How m003's coach fingerprinted a field's text: sha256 of its words, space-joined."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


DISMISSED = [
    (1, "impact", "vague", "", STORIES[0].fields["impact"]),
    (1, "data", "red_flag", "leaky-feature", STORIES[0].fields["data"]),
    (1, "goal", "number", "", "Predict churn."),
    (3, "result", "number", "", STORIES[2].fields["result"]),
]
"""(story, field, check, red flag, the text it was dismissed on): the churn goal's was
dismissed on an earlier text, so it no longer holds."""


def seed_m003(conn: sqlite3.Connection) -> None:
    """Findings dismissed ("I mean it") on the churn story and the archived STAR story."""
    conn.executemany(
        "INSERT INTO dismissals (story_id, key, check_name, flag, fingerprint, dismissed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (s, key, check, flag, words_print(text), LATER)
            for s, key, check, flag, text in DISMISSED
        ],
    )


def seed_m005(conn: sqlite3.Connection) -> None:
    """m005's tables summarise the answers and its triggers fill them: a rehearsal of the
    café story, written as m002's coach wrote one, goes through them."""
    conn.execute(
        "INSERT INTO rehearsals (id, story_id, persona, focus, seed, started_at, ended_at, "
        "status) VALUES (8, 2, '', '', 1001, ?, ?, 'finished')",
        [LATER, LATER],
    )
    conn.execute(
        "INSERT INTO answers (rehearsal_id, story_id, position, kind, key, category, prompt, "
        "target_seconds, seconds, rating, skipped, note, answered_at) "
        "VALUES (8, 2, 0, 'followup', 'baseline', 'models', 'What was the baseline?', "
        "45.0, 30.0, 3, 0, '', ?)",
        [LATER],
    )


def seed_m006(conn: sqlite3.Connection) -> None:
    """A mock left unfinished: the churn story told (rehearsal 7), then an improvised answer."""
    conn.execute(
        "INSERT INTO mocks (id, minutes, kind, seed, started_at, status, elapsed_seconds) "
        "VALUES (3, 30, 'mixed', 11, ?, 'unfinished', 412.5)",
        [STAMP],
    )
    conn.executemany(
        "INSERT INTO mock_parts (mock_id, position, question_id, question, story_id, title, "
        "improvised, rehearsal_id, target_seconds, seconds, rating, skipped, note, asked_at) "
        "VALUES (3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [
            (0, "model-failed", "A model that failed?", 1, "Churn model", 0, 7, None, None,
             None, "", STAMP),
            (1, "conflict", "A disagreement?", None, "", 1, None, 120.0, 95.0, 2, "vague",
             LATER),
        ],
    )  # fmt: skip


def seed_m007(conn: sqlite3.Connection) -> None:
    """What was heard in the churn rehearsal's A/B answer (rehearsal 7, step 1), its
    recording kept."""
    conn.execute(
        "INSERT INTO heard (rehearsal_id, position, transcript, duration_s, speaking_s, words, "
        "wpm, speaking_wpm, fillers, fillers_per_minute, fillers_by_word, pauses, figures, "
        "audio_path, engine, model, heard_at) "
        "VALUES (7, 1, ?, 52.0, 44.5, 120, 138.5, 161.8, 3, 3.5, ?, ?, ?, ?, "
        "'faster-whisper', 'tiny.en', ?)",
        [
            "Um, we held out 5% of users for two weeks, uh, and churn fell.",
            json.dumps({"um": 2, "uh": 1}),
            json.dumps([{"at_s": 12.4, "seconds": 2.5}]),
            json.dumps([{"text": "2.1%", "field": "impact", "said": False, "at_s": None}]),
            "/data/audio/rehearsal-7-answer-2.wav",
            LATER,
        ],
    )


def seed_m008(conn: sqlite3.Connection) -> None:
    """What was heard in the unfinished mock's improvised answer (mock 3, question 2)."""
    conn.execute(
        "INSERT INTO mock_heard (mock_id, position, transcript, duration_s, speaking_s, words, "
        "wpm, speaking_wpm, fillers, fillers_per_minute, fillers_by_word, pauses, figures, "
        "audio_path, engine, model, heard_at) "
        "VALUES (3, 1, ?, 95.0, 80.0, 190, 120.0, 142.5, 4, 2.5, ?, '[]', '[]', ?, "
        "'faster-whisper', 'tiny.en', ?)",
        [
            "So, um, my manager and I disagreed about the launch date.",
            json.dumps({"um": 3, "so": 1}),
            "/data/audio/mock-3-question-2.wav",
            LATER,
        ],
    )


SEEDERS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "m001_initial": seed_m001,
    "m002_rehearsals": seed_m002,
    "m003_dismissals": seed_m003,
    "m005_progress_summary": seed_m005,
    "m006_mocks": seed_m006,
    "m007_voice": seed_m007,
    "m008_mock_heard": seed_m008,
}
"""Data for the tables each migration made, written with that schema's SQL."""


def make_old_database(path: Path, upto: int, *, seeded: bool = True) -> None:
    """A database made by the first `upto` migrations only, holding what those schemas hold."""
    conn = sqlite3.connect(path)
    steps = Migrations("coach")
    for fn in MIGRATIONS[:upto]:
        steps(name=fn.__name__)(fn)
    steps.apply(Database(conn))
    if seeded:
        for fn in MIGRATIONS[:upto]:
            seed = SEEDERS.get(fn.__name__)
            if seed is not None:
                seed(conn)
    conn.commit()
    conn.close()


def applied_names(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'coach' ORDER BY rowid"
    )
    return [r[0] for r in rows]


def schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    """Every table, index, trigger and view (FTS shadow tables and triggers included)."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name"
    )
    return [tuple(r) for r in rows]


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[1] for r in schema(conn) if r[0] == "table"}
    finally:
        conn.close()


def slugs(found: list[StoryRow]) -> set[str]:
    return {row.slug for row in found}
