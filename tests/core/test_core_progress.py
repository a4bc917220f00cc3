"""Progress figures, the pure parts: signals and coverage, readiness, streaks, weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.activity import sparkline, streaks, weekly
from coach.core.checks import Completeness
from coach.core.coverage import coverage, normalise
from coach.core.findings import Finding
from coach.core.questions import SIGNALS
from coach.core.readiness import readiness

D = dt.date.fromisoformat


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
