"""Progress over the whole bank: the store's aggregates read through the core.

Used by the progress screen and `coach stats`; `now` is always given, so figures are exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.activity import Streaks, sparkline, streaks, weekly
from coach.core.coverage import Coverage, coverage
from coach.core.questions import QuestionSet, QuestionSets
from coach.core.readiness import Readiness, readiness
from coach.core.schedule import ago, due_in
from coach.core.templates import TemplateSet
from coach.services.stories import checked_stories
from coach.store import progress as history_queries
from coach.store.progress import StoryBrief, Totals, TrendRow
from coach.store.store import Store

__all__ = ["Progress", "StoryProgress", "Totals", "TrendRow", "progress", "stories_page", "trend"]

WEEKS = 12
"""Weeks of rehearsal counts shown."""
TREND_LIMIT = 60
"""Rehearsals in the trend plots (the most recent ones)."""
DUE_LIMIT = 10
"""Follow-ups listed as coming back soonest."""


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
    found = [_category(question_sets, row) for row in history_queries.categories(store)]
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
    found = []
    for row in history_queries.due(store, limit):
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
    checks = checked_stories(store, templates, briefs)
    found = []
    for b in briefs:
        h = history.get(b.id, history_queries.NO_HISTORY)
        ratings = h.last_ratings
        done = checks[b.id]
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
                readiness=readiness(done, ratings, h.overdue),
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
    days = history_queries.practice_days(store)
    today = now.astimezone().date()
    return Progress(
        now=now,
        totals=history_queries.totals(store),
        streaks=streaks((d.day for d in days), today),
        weeks=weekly({d.day: d.rehearsals for d in days}, today, WEEKS),
        trend=history_queries.trend(store, TREND_LIMIT),
        categories=weakest_categories(store, question_sets),
        due_now=history_queries.count_due(store, now),
        due=due_reviews(store, question_sets, now, due_limit),
        coverage=coverage(history_queries.competencies(store)),
        stories=stories_page(store, templates, now) if with_stories else None,
    )
