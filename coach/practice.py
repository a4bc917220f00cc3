"""Rehearsal operations that join the core and the store: banks in use, plans, summaries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from coach.core.followups import Pick, choose_followups
from coach.core.questions import BankSet, QuestionBank, load_banks
from coach.core.schedule import Rating, Review, due_in
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir, user_templates_dir
from coach.store import rehearsals
from coach.store.store import Store


def banks_in_use(templates: TemplateSet) -> BankSet:
    """The shipped question banks with the user's own laid over them."""
    return load_banks(shipped_templates_dir(), templates, [user_templates_dir()])


def facts(story: Story) -> dict[str, str]:
    """What a question may quote from a story: its field texts, title, company and role."""
    return {**story.fields, "title": story.title, "company": story.company, "role": story.role}


def next_seed(store: Store, story_id: int) -> int:
    """The seed of a story's next rehearsal, so `coach followups` shows what it will ask."""
    return story_id * 1000 + rehearsals.count(store, story_id)


def plan(
    store: Store,
    story: Story,
    templates: TemplateSet,
    bank: QuestionBank,
    *,
    persona: str | None = None,
    focus: str | None = None,
    limit: int = 5,
    seed: int = 0,
    now: dt.datetime | None = None,
    exclude: Collection[str] = (),
) -> list[Pick]:
    """The follow-ups a rehearsal of `story` would ask next."""
    assert story.id is not None
    return choose_followups(
        bank,
        templates.get(story.template),
        facts(story),
        rehearsals.reviews(store, story.id),
        persona=persona,
        focus=focus,
        limit=limit,
        seed=seed,
        now=now or rehearsals.utc_now(),
        exclude=exclude,
    )


@dataclass(frozen=True)
class CategoryScore:
    key: str
    label: str
    ratings: tuple[int, ...]
    over: int
    """Answers in this category that ran past their target time."""

    @property
    def average(self) -> float:
        return sum(self.ratings) / len(self.ratings) if self.ratings else 0.0


def weak_categories(
    bank: QuestionBank, answers: Sequence[rehearsals.AnswerRow]
) -> list[CategoryScore]:
    """The follow-up categories to work on: rated weak on average, or over time; worst first."""
    ratings: dict[str, list[int]] = defaultdict(list)
    over: dict[str, int] = defaultdict(int)
    for a in answers:
        if a.kind != "followup" or a.skipped or not a.category:
            continue
        if a.rating is not None:
            ratings[a.category].append(int(a.rating))
        if a.seconds is not None and a.seconds > a.target_seconds:
            over[a.category] += 1
    scores = []
    for key in set(ratings) | set(over):
        label = next((c.label for c in bank.categories if c.key == key), key)
        score = CategoryScore(key, label, tuple(ratings[key]), over[key])
        if (score.ratings and score.average <= Rating.WEAK) or score.over:
            scores.append(score)
    scores.sort(key=lambda s: (s.average if s.ratings else 5, -s.over))
    return scores


@dataclass(frozen=True)
class DueItem:
    question_id: str
    text: str
    rating: Rating
    when: str


def schedule_after(
    bank: QuestionBank, reviews: dict[str, Review], asked: Collection[str], now: dt.datetime
) -> list[DueItem]:
    """When each question rated in this rehearsal comes back, soonest first."""
    items = []
    for qid in asked:
        review = reviews.get(qid)
        question = bank.question(qid)
        if review is None or question is None:
            continue
        items.append(
            (
                review.due,
                DueItem(
                    qid,
                    question.fallback or question.text,
                    review.last_rating,
                    due_in(review.due, now),
                ),
            )
        )
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]
