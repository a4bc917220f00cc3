"""Progress over the whole bank: the store's aggregates read through the core.

Used by the progress screen and `coach stats`; `now` is always given, so figures are exact.
Reading (SQL, in `coach.store.progress`) and interpreting (the core: coverage, checks,
readiness) are kept apart, so that the progress screen can read in threads of its own
(`coach.services.progress_view`) while its own thread imports what interpreting needs:
importing this module stays light, and the heavy modules are imported where they are used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.core.activity import Streaks, sparkline, streaks, weekly
from coach.store import progress as history_queries
from coach.store.progress import (
    DayCount,
    DueRow,
    PaceRow,
    StoryBrief,
    StoryHistory,
    Totals,
    TrendRow,
)
from coach.store.store import Store

if TYPE_CHECKING:
    from coach.core.coverage import Coverage
    from coach.core.questions import QuestionSet, QuestionSets
    from coach.core.readiness import Readiness
    from coach.core.templates import TemplateSet

__all__ = [
    "PaceRow",
    "Progress",
    "StoryProgress",
    "Totals",
    "TrendRow",
    "pace_trend",
    "progress",
    "stories_page",
    "trend",
]

WEEKS = 12
"""Weeks of rehearsal counts shown."""
TREND_LIMIT = 60
"""Rehearsals in the trend plots (the most recent ones)."""
DUE_LIMIT = 10
"""Follow-ups listed as coming back soonest."""
CHECKING = ("…", "checking…")
"""The readiness label and reason of a story shown before its checks have run."""


@dataclass(frozen=True)
class CategoryStat:
    """How the follow-ups of one category went, across every active story."""

    template: str
    key: str
    label: str
    signal: str
    answers: int
    rated: int
    mean_rating: float | None
    over: int
    """Answers past their target time."""


@dataclass(frozen=True)
class DueReview:
    story_id: int
    slug: str
    title: str
    question_id: str
    question: str
    due: dt.datetime
    overdue: bool
    when: str
    """'due now', 'overdue 6 days', 'tomorrow', 'in 3 days' ..."""


@dataclass(frozen=True)
class StoryProgress:
    id: int
    slug: str
    title: str
    template: str
    rehearsals: int
    first: dt.datetime | None
    last: dt.datetime | None
    last_mean: float | None
    """The mean rating of the story's last rated rehearsal."""
    overdue: int
    readiness: Readiness


@dataclass(frozen=True)
class Progress:
    now: dt.datetime
    totals: Totals
    streaks: Streaks
    weeks: list[tuple[dt.date, int]]
    """Rehearsals per week (weeks start on Monday), the last WEEKS weeks, oldest first."""
    trend: list[TrendRow]
    """The last TREND_LIMIT rehearsals, oldest first."""
    categories: list[CategoryStat]
    """Weakest first."""
    due_now: int
    due: list[DueReview]
    coverage: Coverage
    stories: list[StoryProgress] | None
    """Every active story (see `history_queries.stories` for the order), when asked for."""
    pace: list[PaceRow] = field(default_factory=list)
    """The last TREND_LIMIT rehearsals that had answers heard, oldest first: their words
    and fillers a minute (empty when the microphone never heard one)."""

    @property
    def sparkline(self) -> str:
        return sparkline([count for _, count in self.weeks])


def _qset(question_sets: QuestionSets, template: str) -> QuestionSet | None:
    return next((b for b in question_sets.by_name.values() if b.template == template), None)


def _category(question_sets: QuestionSets, row: history_queries.CategoryRow) -> CategoryStat:
    qset = _qset(question_sets, row.template)
    found = next((c for c in qset.categories if c.key == row.category), None) if qset else None
    return CategoryStat(
        template=row.template,
        key=row.category,
        label=found.label if found else row.category,
        signal=found.signal if found else "",
        answers=row.answers,
        rated=row.rated,
        mean_rating=row.mean_rating,
        over=row.over,
    )


def weakest_categories(store: Store, question_sets: QuestionSets) -> list[CategoryStat]:
    """Every category answered, the lowest mean rating first (then the most over time)."""
    return _weakest(history_queries.categories(store), question_sets)


def _weakest(
    rows: Sequence[history_queries.CategoryRow], question_sets: QuestionSets
) -> list[CategoryStat]:
    found = [_category(question_sets, row) for row in rows]
    found.sort(
        key=lambda c: (
            c.mean_rating if c.mean_rating is not None else 5.0,
            -c.over / c.answers if c.answers else 0.0,
            c.label,
        )
    )
    return found


def due_when(due: dt.datetime, now: dt.datetime) -> str:
    """When a follow-up comes back: 'due now', 'overdue 6 days', 'tomorrow', 'in 3 days'."""
    from coach.core.schedule import ago, due_in

    if due > now:
        return due_in(due, now)
    since = ago(due.astimezone(), now.astimezone())
    if since == "today":
        return "due now"
    if since == "yesterday":
        return "overdue 1 day"
    return "overdue " + since.removesuffix(" ago")


def due_reviews(
    store: Store, question_sets: QuestionSets, now: dt.datetime, limit: int
) -> list[DueReview]:
    return _due_reviews(history_queries.due(store, limit), question_sets, now)


def _due_reviews(
    rows: Sequence[DueRow], question_sets: QuestionSets, now: dt.datetime
) -> list[DueReview]:
    found = []
    for row in rows:
        qset = _qset(question_sets, row.template)
        question = qset.question(row.question_id) if qset else None
        text = (question.fallback or question.text) if question else row.question_id
        found.append(
            DueReview(
                row.story_id,
                row.slug,
                row.title,
                row.question_id,
                text,
                row.due,
                row.due <= now,
                due_when(row.due, now),
            )
        )
    return found


def story_progress(
    store: Store, templates: TemplateSet, briefs: Sequence[StoryBrief], now: dt.datetime
) -> list[StoryProgress]:
    """History and readiness of these stories, in the order given. Findings the user
    dismissed on their field's current text do not count against readiness."""
    history = history_queries.histories(store, [b.id for b in briefs], now)
    return story_rows(store, templates, briefs, history)


def story_rows(
    store: Store,
    templates: TemplateSet,
    briefs: Sequence[StoryBrief],
    history: dict[int, StoryHistory],
    checked: int | None = None,
) -> list[StoryProgress]:
    """These stories' progress, from their `history`; only the first `checked` of them
    (all if None) are checked, the others' readiness is CHECKING until they are."""
    from coach.core.readiness import Readiness, readiness
    from coach.services.stories import checked_stories  # the checks: a slow import

    checks = checked_stories(store, templates, briefs[:checked])
    pending = Readiness(*CHECKING)
    found = []
    for b in briefs:
        h = history.get(b.id, history_queries.NO_HISTORY)
        ratings = h.last_ratings
        done = checks.get(b.id)
        found.append(
            StoryProgress(
                id=b.id,
                slug=b.slug,
                title=b.title,
                template=b.template,
                rehearsals=h.rehearsals,
                first=h.first,
                last=h.last,
                last_mean=sum(ratings) / len(ratings) if ratings else None,
                overdue=h.overdue,
                readiness=pending if done is None else readiness(done, ratings, h.overdue),
            )
        )
    return found


def stories_page(
    store: Store, templates: TemplateSet, now: dt.datetime, offset: int = 0, limit: int = -1
) -> list[StoryProgress]:
    """A page of active stories (the most recently rehearsed first) with their progress."""
    return story_progress(store, templates, history_queries.stories(store, offset, limit), now)


def trend(store: Store, story_id: int | None = None, limit: int = TREND_LIMIT) -> list[TrendRow]:
    """The last rehearsals of one story or of all, oldest first."""
    return history_queries.trend(store, limit, story_id)


def pace_trend(
    store: Store, story_id: int | None = None, limit: int = TREND_LIMIT
) -> list[PaceRow]:
    """The last rehearsals heard (of one story or of all), oldest first: words and fillers
    a minute over the answers heard in each."""
    return history_queries.pace_trend(store, limit, story_id)


# -- reading, then interpreting ---------------------------------------------------------


@dataclass(frozen=True)
class History:
    """What is read over every answer and every story, apart from the rest."""

    totals: Totals
    days: list[DayCount]
    competencies: list[tuple[str, list[str]]]


@dataclass(frozen=True)
class Recent:
    """What is read of the latest rehearsals, what comes back, and the first stories."""

    trend: list[TrendRow]
    categories: list[history_queries.CategoryRow]
    due_now: int
    due: list[DueRow]
    briefs: list[StoryBrief]
    histories: dict[int, StoryHistory]
    pace: list[PaceRow] = field(default_factory=list)


def read_history(store: Store) -> History:
    return History(
        totals=history_queries.totals(store),
        days=history_queries.practice_days(store),
        competencies=history_queries.competencies(store),
    )


def read_recent(store: Store, now: dt.datetime, due_limit: int, page: int | None) -> Recent:
    briefs = history_queries.stories(store, 0, page) if page is not None else []
    return Recent(
        trend=history_queries.trend(store, TREND_LIMIT),
        categories=history_queries.categories(store),
        due_now=history_queries.count_due(store, now),
        due=history_queries.due(store, due_limit),
        briefs=briefs,
        histories=history_queries.histories(store, [b.id for b in briefs], now),
        pace=history_queries.pace_trend(store, TREND_LIMIT),
    )


def interpret(
    history: History,
    recent: Recent,
    question_sets: QuestionSets,
    now: dt.datetime,
    stories: list[StoryProgress] | None,
) -> Progress:
    from coach.core.coverage import grouped_coverage

    today = now.astimezone().date()
    return Progress(
        now=now,
        totals=history.totals,
        streaks=streaks((d.day for d in history.days), today),
        weeks=weekly({d.day: d.rehearsals for d in history.days}, today, WEEKS),
        trend=recent.trend,
        categories=_weakest(recent.categories, question_sets),
        due_now=recent.due_now,
        due=_due_reviews(recent.due, question_sets, now),
        coverage=grouped_coverage(history.competencies),
        stories=stories,
        pace=recent.pace,
    )


def progress(
    store: Store,
    templates: TemplateSet,
    question_sets: QuestionSets,
    now: dt.datetime,
    *,
    with_stories: bool = True,
    due_limit: int = DUE_LIMIT,
) -> Progress:
    """Every figure of the progress screen and `coach stats`."""
    history = read_history(store)
    recent = read_recent(store, now, due_limit, None)
    stories = stories_page(store, templates, now) if with_stories else None
    return interpret(history, recent, question_sets, now, stories)
