"""The bank overview: stories against the rubric signals, readiness, and the gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.coverage import coverage, normalise
from coach.core.readiness import Readiness

SHORT = {
    "data handling": "Data",
    "model selection": "Model",
    "optimization": "Opt",
    "evaluation": "Eval",
    "production": "Prod",
    "business impact": "Impact",
    "communication": "Comm",
    "collaboration": "Collab",
    "leadership": "Lead",
    "ownership": "Own",
    "failure": "Fail",
    "feedback": "Feedb",
}
"""Column heads for narrow tables; the full names are given under the table."""


@dataclass(frozen=True)
class SignalColumn:
    name: str
    short: str


@dataclass(frozen=True)
class OverviewRow:
    title: str
    slug: str
    template: str
    readiness: str
    reason: str
    marks: tuple[bool, ...]
    """One per signal column: does the story name that signal?"""


@dataclass(frozen=True)
class BusyStory:
    title: str
    questions: int
    """How many common questions it is the best story for."""


@dataclass(frozen=True)
class CommonCoverage:
    """Which common interview questions the bank answers: with a good story, a weak
    match, or none."""

    good: int
    weak: int
    none: int
    unanswered: tuple[str, ...]
    """The questions with no story, in the set's order: what to write next."""
    busiest: tuple[BusyStory, ...]
    """Stories that are the best match of many questions, most first."""


@dataclass(frozen=True)
class Overview:
    signals: tuple[SignalColumn, ...]
    stories: tuple[OverviewRow, ...]
    uncovered: tuple[str, ...]
    other: tuple[str, ...]
    """Competencies the stories name that are not rubric signals."""
    common: CommonCoverage | None = None
    """The common questions section; None leaves it out."""


@dataclass(frozen=True)
class OverviewEntry:
    title: str
    slug: str
    template: str
    competencies: Sequence[str]
    readiness: Readiness


def build_overview(
    entries: Sequence[OverviewEntry], common: CommonCoverage | None = None
) -> Overview:
    cover = coverage((e.slug, e.competencies) for e in entries)
    columns = tuple(SignalColumn(s, SHORT.get(s, s.title())) for s in cover.signals)
    rows = []
    for e in entries:
        named = {normalise(c) for c in e.competencies}
        rows.append(
            OverviewRow(
                title=e.title,
                slug=e.slug,
                template=e.template,
                readiness=e.readiness.label,
                reason="" if e.readiness.label == "ready" else e.readiness.reason,
                marks=tuple(c.name in named for c in columns),
            )
        )
    return Overview(columns, tuple(rows), cover.uncovered, tuple(cover.other), common)
