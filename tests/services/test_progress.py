"""Progress figures from the store: a seeded history with known answers, an empty bank."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from progress_history import HISTORY, NOW, noon

from coach.core.questions import SIGNALS
from coach.core.templates import TemplateSet
from coach.services.progress import Progress, due_when, progress
from coach.services.workspace import Workspace
from coach.store import Store

D = dt.date.fromisoformat


pytestmark = pytest.mark.usefixtures("utc")


def test_due_when() -> None:
    assert due_when(NOW - dt.timedelta(hours=1), NOW) == "due now"
    assert due_when(NOW - dt.timedelta(days=1), NOW) == "overdue 1 day"
    assert due_when(NOW - dt.timedelta(days=13), NOW) == "overdue 13 days"
    assert due_when(NOW - dt.timedelta(days=70), NOW) == "overdue 2 months"
    assert due_when(NOW + dt.timedelta(days=3), NOW) == "in 3 days"


# -- a known history --------------------------------------------------------------------


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


@pytest.mark.parametrize(
    "module",
    [
        "coach.services.progress",
        "coach.cli.progress",
        "coach.store.progress",
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
