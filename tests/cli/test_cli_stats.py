"""`coach stats`: the progress figures as text and as JSON, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from progress_history import NOW

from coach.cli.progress import stats_json
from coach.core.templates import TemplateSet
from coach.services.progress import progress
from coach.services.stories import load_samples
from coach.services.workspace import Workspace
from coach.store import Store, open_store

pytestmark = pytest.mark.usefixtures("utc")


@pytest.fixture
def seeded(history: dict[str, int], db_path: Path) -> Path:
    """The database of the samples with a known practice history."""
    return db_path


def test_stats_json(seeded: Path) -> None:
    result = run(seeded, "stats", "--json", "--now", NOW.isoformat())
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "now",
        "totals",
        "streaks",
        "weeks",
        "trend",
        "categories",
        "due",
        "coverage",
        "heard",
        "stories",
    ]
    assert data["totals"] == {
        "stories": 6,
        "rehearsed": 3,
        "rehearsals": 10,
        "answers": 15,
        "rated": 13,
        "mean_rating": 2.54,
    }
    assert data["streaks"] == {
        "current": 3,
        "longest": 5,
        "days_last_7": 3,
        "days_last_30": 10,
        "days": 10,
        "last_day": "2026-03-10",
    }
    assert data["categories"][0] == {
        "template": "project",
        "category": "data",
        "label": "Data size and sources",
        "signal": "data handling",
        "answers": 4,
        "rated": 4,
        "mean_rating": 1.75,
        "over_time": 3,
    }
    assert data["due"]["now"] == 5
    assert data["due"]["next"][0]["story"] == "fraud-model-drift"
    assert data["due"]["next"][0]["when"] == "overdue 13 days"
    assert data["trend"][0]["time_ratio"] == round(112 / 105, 2)
    assert data["coverage"]["uncovered"] == ["business impact", "leadership", "feedback"]
    churn = data["stories"][0]
    assert (churn["slug"], churn["rehearsals"], churn["readiness"]) == ("churn-leakage", 5, "ready")
    assert churn["last"] == "2026-03-10T12:00:00+00:00"


def test_stats_text(seeded: Path) -> None:
    result = run(seeded, "stats", "--now", NOW.isoformat())
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    text = result.output
    assert "10 rehearsals of 3 of 6 stories · 15 answers · mean rating 2.5 of 4" in text
    assert "Streak: 3 days (longest 5)" in text
    weakest = text.index("Data size and sources")
    assert weakest < text.index("Disagreement and resolution") < text.index("Simple baseline")
    assert "Coming back (5 due now)" in text
    assert (
        "  Fraud model that broke three weeks after launch\n"
        "    overdue 13 days  Did anyone disagree" in text
    )
    assert "no story yet: business impact, leadership, feedback" in text
    assert "ready    Churn model that leaked the future" in text


def test_stats_names_stories_by_title_not_by_id(seeded: Path) -> None:
    """What comes back is listed under each story's title, in full where it fits, each
    question wrapped under itself; slugs are not shown."""
    result = run(seeded, "stats", "--now", NOW.isoformat())
    coming = result.output.split("Coming back (5 due now)\n")[1].split("\n\n")[0]
    assert coming.splitlines()[:4] == [
        "  Fraud model that broke three weeks after launch",
        "    overdue 13 days  Did anyone disagree with how you handled this? How did you",
        "                     settle it?",
        "    overdue 7 days   What was at stake if this went wrong, and for whom?",
    ]
    assert "  Churn model that leaked the future\n    in 2 days        What was" in coming
    assert "fraud-model-drift" not in result.output and "churn-leakage" not in result.output
    assert "…" not in coming


def test_stats_cuts_long_titles_at_a_word_and_tells_alike_ones_apart(
    seeded: Path, history: dict[str, int]
) -> None:
    store = open_store(seeded)
    long = "Fraud model that broke three weeks after launch, and what the whole team did about it"
    alike = "Churn model that leaked the future, told for the second time this week again"
    store.conn.execute("UPDATE stories SET title = ? WHERE slug = 'fraud-model-drift'", [long])
    for slug in ("churn-leakage", "produce-demand-forecast"):
        store.conn.execute("UPDATE stories SET title = ? WHERE slug = ?", [alike, slug])
    store.close()
    result = run(seeded, "stats", "--now", NOW.isoformat())
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert (
        "  Fraud model that broke three weeks after launch, and what the whole team did…" in lines
    )
    assert "  Churn model that leaked the future, told for the… (produce-demand-forecast)" in lines
    assert (
        "  Churn model that leaked the future, told for the second time… (churn-leakage)" in lines
    )
    assert "  ready    Churn model that leaked the future, told for the… (churn-leakage)" in lines
    assert (
        "  rehearse Fraud model that broke three weeks after launch, and what the whole…" in lines
    )


def test_stats_with_no_rehearsals_and_no_stories(db_path: Path, templates: TemplateSet) -> None:
    open_store(db_path).close()
    result = run(db_path, "stats")
    assert result.exit_code == 0, result.output
    assert "No stories yet" in result.output
    empty = json.loads(run(db_path, "stats", "--json").output)
    assert empty["totals"]["answers"] == 0 and empty["stories"] == []
    store = open_store(db_path)
    load_samples(store, templates)
    store.close()
    result = run(db_path, "stats")
    assert result.exit_code == 0, result.output
    assert "No rehearsals yet" in result.output
    assert "Coverage: 10 of 13 rubric signals" in result.output
    assert "never rehearsed · 1 required field is empty" in result.output


def test_stats_errors(tmp_path: Path, seeded: Path) -> None:
    for command in ("stats", "progress"):
        missing = run(tmp_path / "none.db", command)
        assert missing.exit_code == 2 and "no coach database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    bad = run(seeded, "stats", "--now", "yesterday")
    assert bad.exit_code == 2 and "--now 'yesterday'" in bad.stderr


def test_json_form_is_complete(
    samples: Store, workspace: Workspace, templates: TemplateSet, history: dict
) -> None:
    data = stats_json(progress(samples, templates, workspace.question_sets, NOW))
    assert json.loads(json.dumps(data)) == data
    assert set(data["trend"][0]) == {
        "rehearsal",
        "story",
        "started_at",
        "rated",
        "mean_rating",
        "seconds",
        "target_seconds",
        "time_ratio",
    }
