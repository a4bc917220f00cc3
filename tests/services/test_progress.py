"""Progress figures: the pure parts, then a seeded history with known answers, then the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from progress_history import HISTORY, NOW, noon, seed_history

from coach.cli.progress import stats_json
from coach.core.activity import sparkline, streaks, weekly
from coach.core.checks import Completeness, Finding
from coach.core.coverage import coverage, normalise
from coach.core.questions import SIGNALS
from coach.core.readiness import readiness
from coach.core.templates import TemplateSet
from coach.services.progress import Progress, due_when, progress
from coach.services.stories import load_samples
from coach.services.workspace import Workspace
from coach.store import Store, open_store

D = dt.date.fromisoformat


pytestmark = pytest.mark.usefixtures("utc")


# -- the core -------------------------------------------------------------------------


def test_normalise() -> None:
    assert normalise("  Data_Handling ") == "data handling"
    assert normalise("model-selection") == "model selection"
    assert normalise("Business \t impact") == "business impact"


def test_coverage_by_signal_uncovered_and_other() -> None:
    found = coverage(
        [
            ("a", ["Data handling", "evaluation", "Mentoring"]),
            ("b", ["data-handling", "data handling", "production"]),
            ("c", ["mentoring", "", "ambiguity"]),
            ("a", ["evaluation"]),
        ]
    )
    assert found.signals == SIGNALS
    assert found.by_signal["data handling"] == ("a", "b")
    assert found.by_signal["evaluation"] == ("a",)
    assert found.by_signal["leadership"] == ()
    assert found.covered == ("data handling", "evaluation", "production")
    assert found.uncovered == tuple(
        s for s in SIGNALS if s not in ("data handling", "evaluation", "production")
    )
    assert found.other == {"ambiguity": ("c",), "mentoring": ("a", "c")}
    assert list(found.other) == ["ambiguity", "mentoring"]


def done(filled: int = 5, *findings: Finding) -> Completeness:
    return Completeness(filled, filled - len(findings), 5, findings)


@pytest.mark.parametrize(
    ("completeness", "ratings", "overdue", "label", "reason"),
    [
        (done(0), [], 0, "draft", "nothing written yet"),
        (
            done(4, Finding("result", "required", "empty")),
            [4],
            0,
            "draft",
            "1 required field is empty",
        ),
        (
            done(5, Finding("impact", "number", "x"), Finding("data", "vague", "y")),
            [4, 4],
            0,
            "draft",
            "2 checks to fix",
        ),
        (done(), [], 0, "rehearse", "not rehearsed yet"),
        (done(), [3, 2], 0, "rehearse", "averaged 2.5 of 4 last time"),
        (done(), [4], 1, "rehearse", "1 follow-up due"),
        (done(), [1, 2], 3, "rehearse", "averaged 1.5 of 4 last time; 3 follow-ups due"),
        (done(), [3, 4], 0, "ready", "averaged 3.5 of 4 last time; nothing due"),
        (done(), [3], 0, "ready", "averaged 3.0 of 4 last time; nothing due"),
    ],
)
def test_readiness(
    completeness: Completeness, ratings: list[int], overdue: int, label: str, reason: str
) -> None:
    found = readiness(completeness, ratings, overdue)
    assert (found.label, found.reason) == (label, reason)


def test_streaks_with_a_gap() -> None:
    days = [D("2026-02-20") + dt.timedelta(days=n) for n in range(5)]  # 20-24 Feb
    days += [D("2026-03-01"), D("2026-03-02"), D("2026-03-08"), D("2026-03-09")]
    days += [D("2026-03-12")]  # after today: ignored
    found = streaks(days, today=D("2026-03-10"))
    assert (found.current, found.longest) == (2, 5)  # today not yet practised: up to yesterday
    assert (found.last_7, found.last_30, found.days) == (2, 9, 9)
    assert found.last_day == D("2026-03-09")
    assert streaks(days, today=D("2026-03-11")).current == 0
    assert streaks([], today=D("2026-03-11")).longest == 0


def test_weekly_and_sparkline() -> None:
    counts = {D("2026-03-02"): 1, D("2026-03-08"): 2, D("2026-03-10"): 4, D("2025-01-01"): 9}
    weeks = weekly(counts, D("2026-03-10"), 3)
    assert weeks == [(D("2026-02-23"), 0), (D("2026-03-02"), 3), (D("2026-03-09"), 4)]
    assert sparkline([0, 3, 4]) == "·▆█"
    assert sparkline([0, 0]) == "··"


def test_due_when() -> None:
    assert due_when(NOW - dt.timedelta(hours=1), NOW) == "due now"
    assert due_when(NOW - dt.timedelta(days=1), NOW) == "overdue 1 day"
    assert due_when(NOW - dt.timedelta(days=13), NOW) == "overdue 13 days"
    assert due_when(NOW - dt.timedelta(days=70), NOW) == "overdue 2 months"
    assert due_when(NOW + dt.timedelta(days=3), NOW) == "in 3 days"


# -- a known history --------------------------------------------------------------------


@pytest.fixture
def history(samples: Store) -> dict[str, int]:
    return seed_history(samples)


def report(store: Store, templates: TemplateSet) -> Progress:
    return progress(store, templates, Workspace().question_sets, NOW)


def test_totals_streaks_and_weeks(samples: Store, templates: TemplateSet, history: dict) -> None:
    p = report(samples, templates)
    t = p.totals
    assert (t.stories, t.rehearsed, t.rehearsals, t.answers, t.rated) == (6, 3, 10, 15, 13)
    assert t.mean_rating == pytest.approx(33 / 13)
    s = p.streaks
    assert (s.current, s.longest, s.last_7, s.last_30, s.days) == (3, 5, 3, 10, 10)
    assert s.last_day == D("2026-03-10")
    assert p.weeks[-4:] == [
        (D("2026-02-16"), 3),  # 20, 21, 22 Feb
        (D("2026-02-23"), 3),  # 23, 24 Feb, 1 Mar (a Sunday)
        (D("2026-03-02"), 2),
        (D("2026-03-09"), 2),
    ]
    assert sum(n for _, n in p.weeks) == 10 and len(p.weeks) == 12


def test_trend_per_rehearsal(samples: Store, templates: TemplateSet, history: dict) -> None:
    trend = report(samples, templates).trend
    assert [r.started_at for r in trend] == [noon(day) for day, _, _ in HISTORY]
    assert [r.mean_rating for r in trend] == [1.5, 3.0, 2.0, 2.0, 4.0, 3.0, 3.0, 3.0, 1.0, 3.0]
    first = trend[0]
    assert (first.slug, first.rated, first.seconds, first.target_seconds) == (
        "churn-leakage",
        2,
        112,
        105,
    )
    assert trend[-1].seconds / trend[-1].target_seconds == pytest.approx(85 / 85)


def test_weakest_categories(samples: Store, templates: TemplateSet, history: dict) -> None:
    cats = report(samples, templates).categories
    assert [(c.template, c.key) for c in cats] == [
        ("project", "data"),
        ("star", "conflict"),
        ("project", "baseline"),
        ("star", "options"),
        ("project", "tuning"),
        ("star", "context"),
    ]
    data = cats[0]
    assert (data.label, data.signal) == ("Data size and sources", "data handling")
    assert (data.answers, data.rated, data.over) == (4, 4, 3)
    assert data.mean_rating == pytest.approx(1.75)
    assert cats[1].label == "Disagreement and resolution" and cats[1].over == 1
    assert cats[2].mean_rating == pytest.approx(7 / 3)


def test_due_soonest_first(samples: Store, templates: TemplateSet, history: dict) -> None:
    p = report(samples, templates)
    assert p.due_now == 5
    assert [(d.slug, d.question_id, d.when) for d in p.due] == [
        ("fraud-model-drift", "disagreement", "overdue 13 days"),
        ("fraud-model-drift", "stakes", "overdue 7 days"),
        ("fraud-model-drift", "other-options", "overdue 5 days"),
        ("produce-demand-forecast", "tuning-what-mattered", "overdue 4 days"),
        ("produce-demand-forecast", "data-size", "due now"),
        ("churn-leakage", "simplest-baseline", "in 2 days"),
        ("churn-leakage", "data-size", "in 4 days"),
        ("churn-leakage", "tuning-what-mattered", "in 19 days"),
    ]
    assert [d.overdue for d in p.due] == [True] * 5 + [False] * 3
    assert p.due[0].question.startswith("Did anyone disagree")
    capped = progress(samples, templates, Workspace().question_sets, NOW, due_limit=2)
    assert len(capped.due) == 2 and capped.due_now == 5


def test_coverage_of_the_samples(samples: Store, templates: TemplateSet, history: dict) -> None:
    cov = report(samples, templates).coverage
    assert cov.uncovered == ("business impact", "leadership", "feedback")
    assert cov.by_signal["evaluation"] == (
        "churn-leakage",
        "fraud-model-drift",
        "marketplace-search-ranking",
    )


def test_stories(samples: Store, templates: TemplateSet, history: dict) -> None:
    stories = report(samples, templates).stories
    assert stories is not None
    assert [x.slug for x in stories] == [
        "churn-leakage",
        "produce-demand-forecast",
        "fraud-model-drift",
        "pipeline-freeze-disagreement",
        "spark-in-two-weeks",
        "marketplace-search-ranking",
    ]
    churn, produce, fraud = stories[:3]
    assert (churn.rehearsals, churn.first, churn.last) == (
        5,
        noon("2026-02-20"),
        noon("2026-03-10"),
    )
    assert (churn.last_mean, churn.overdue, churn.readiness.label) == (3.0, 0, "ready")
    assert (produce.rehearsals, produce.last_mean, produce.overdue) == (2, 1.0, 2)
    assert produce.readiness.label == "draft"  # the sample has checks to fix
    assert (fraud.rehearsals, fraud.last_mean, fraud.overdue) == (3, 3.0, 3)
    assert (fraud.readiness.label, fraud.readiness.reason) == ("rehearse", "3 follow-ups due")
    never = stories[3]
    assert (never.rehearsals, never.last, never.last_mean) == (0, None, None)


def test_archived_stories_leave_the_figures(
    samples: Store, templates: TemplateSet, history: dict
) -> None:
    samples.set_archived(history["fraud-model-drift"], True)
    p = report(samples, templates)
    assert {c.template for c in p.categories} == {"project"}
    assert all(d.slug != "fraud-model-drift" for d in p.due)
    assert "failure" in p.coverage.uncovered
    assert p.totals.stories == 5 and p.totals.rehearsed == 2
    assert p.streaks.longest == 5  # practice done is still practice done


def test_an_empty_bank(store: Store, templates: TemplateSet) -> None:
    p = report(store, templates)
    assert (p.totals.stories, p.totals.answers, p.totals.mean_rating) == (0, 0, None)
    assert (p.streaks.current, p.streaks.longest, p.streaks.last_day) == (0, 0, None)
    assert p.trend == [] and p.categories == [] and p.due == [] and p.stories == []
    assert p.coverage.uncovered == SIGNALS
    assert p.sparkline == "·" * 12


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def seeded(db_path: Path, templates: TemplateSet) -> Path:
    store = open_store(db_path)
    load_samples(store, templates)
    seed_history(store)
    store.close()
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
    assert "overdue 13 days  fraud-model-drift: Did anyone disagree" in text
    assert "no story yet: business impact, leadership, feedback" in text
    assert "ready    Churn model that leaked the future" in text


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


@pytest.mark.parametrize(
    "module",
    [
        "coach.services.progress",
        "coach.cli.progress",
        "coach.store.stats",
        "coach.core.coverage",
        "coach.core.readiness",
        "coach.core.activity",
    ],
)
def test_progress_modules_do_not_load_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_json_form_is_complete(samples: Store, templates: TemplateSet, history: dict) -> None:
    data = stats_json(report(samples, templates))
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
