"""Progress reads what the microphone heard: words and fillers a minute of each rehearsal
that had answers heard, oldest first, from the `heard` table of a real SQLite file."""

from __future__ import annotations

import pytest
from progress_history import NOW
from progress_voice_history import hear_history

from coach.core.templates import TemplateSet
from coach.services.progress import pace_trend, progress
from coach.services.workspace import Workspace
from coach.store import Store

pytestmark = pytest.mark.usefixtures("utc")


def test_progress_has_the_pace_and_fillers_of_each_rehearsal_heard(
    samples: Store, templates: TemplateSet, workspace: Workspace, history: dict[str, int]
) -> None:
    quiet = progress(samples, templates, workspace.question_sets, NOW, with_stories=False)
    assert quiet.pace == []
    ids = hear_history(samples)
    report = progress(samples, templates, workspace.question_sets, NOW, with_stories=False)
    assert [p.rehearsal_id for p in report.pace] == list(ids.values())
    assert [p.wpm for p in report.pace] == [172.0, 165.0, 158.0, 149.0, 141.0]
    assert [p.fillers_per_minute for p in report.pace] == [6.0, 4.0, 3.0, 2.0, 1.0]
    last = report.pace[-1]
    assert (last.slug, last.answers, last.words, last.seconds, last.fillers) == (
        "churn-leakage", 2, 282, 120.0, 2,
    )  # fmt: skip
    assert last.started_at.date().isoformat() == "2026-03-10"


def test_one_story_s_pace_and_a_limit(samples: Store, history: dict[str, int]) -> None:
    hear_history(samples)
    fraud = pace_trend(samples, history["fraud-model-drift"])
    assert [(p.slug, p.wpm) for p in fraud] == [("fraud-model-drift", 158.0)]
    assert [p.wpm for p in pace_trend(samples, limit=2)] == [149.0, 141.0]
    assert pace_trend(samples, history["produce-demand-forecast"]) == []
