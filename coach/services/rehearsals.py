"""Rehearsals: the follow-ups to ask, storing each step as it is given, the summary."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from coach.core.checks import lint_story
from coach.core.clock import utc_now
from coach.core.dismissals import apply_dismissals
from coach.core.followups import Pick, choose_followups
from coach.core.questions import QuestionSet, QuestionSets
from coach.core.rehearsal import DEEP_SECONDS, LENGTHS, Result, Step, fill_to
from coach.core.schedule import Rating, Review, due_in
from coach.core.speech import PACE_BAND
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.core.text import plural
from coach.services.editing import briefly, save_field
from coach.store import dismissals as dismissal_rows
from coach.store import rehearsal_lengths, rehearsals
from coach.store import voice as heard_rows
from coach.store.rehearsals import AnswerRow, RehearsalRow
from coach.store.store import Store
from coach.store.voice import HeardRow

__all__ = ["AnswerRow", "HeardRow", "RehearsalRow"]


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
    qset: QuestionSet,
    *,
    persona: str | None = None,
    focus: str | None = None,
    limit: int = 5,
    seed: int = 0,
    now: dt.datetime | None = None,
    exclude: Collection[str] = (),
) -> list[Pick]:
    """The follow-ups a rehearsal of `story` would ask next: its gaps read from its checks
    and red flags, less the findings the user dismissed on their field's current text."""
    assert story.id is not None
    template = templates.get(story.template)
    checks = lint_story(template, story.fields)
    waved = dismissal_rows.for_story(store, story.id)
    findings = apply_dismissals(checks, story.fields, waved).findings if waved else checks.findings
    return choose_followups(
        qset,
        template,
        facts(story),
        rehearsals.reviews(store, story.id),
        persona=persona,
        focus=focus,
        limit=limit,
        seed=seed,
        now=now or utc_now(),
        exclude=exclude,
        tags=story.tags,
        competencies=story.competencies,
        findings=findings,
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
    qset: QuestionSet, answers: Sequence[rehearsals.AnswerRow]
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
        label = next((c.label for c in qset.categories if c.key == key), key)
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
    qset: QuestionSet, reviews: dict[str, Review], asked: Collection[str], now: dt.datetime
) -> list[DueItem]:
    """When each question rated in this rehearsal comes back, soonest first."""
    items = []
    for qid in asked:
        review = reviews.get(qid)
        question = qset.question(qid)
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


def most_in_need(store: Store, question_sets: QuestionSets) -> int | None:
    """The active story most in need of practice, among those a question set asks about."""
    templates = [q.template for q in question_sets.by_name.values()]
    return rehearsals.most_in_need(store, templates=templates)


DEEP_POOL = 60
"""How many follow-ups a deep dive asks the engine for, to take as many as fill its time."""


def plan_deep(
    store: Store,
    story: Story,
    templates: TemplateSet,
    qset: QuestionSet,
    *,
    asked_seconds: float,
    persona: str | None = None,
    focus: str | None = None,
    seed: int = 0,
) -> list[Pick]:
    """A deep dive's follow-ups: as many as bring its targets to DEEP_SECONDS in all,
    `asked_seconds` being what the pitch and the check-in already take."""
    picks = plan(
        store,
        story,
        templates,
        qset,
        persona=persona,
        focus=focus,
        limit=DEEP_POOL,
        seed=seed,
    )
    return fill_to(picks, DEEP_SECONDS - asked_seconds)


def begin(store: Store, story_id: int, persona: str, length: str = "standard") -> tuple[int, int]:
    """Store a new rehearsal of a story, with its length: (its id, the seed its
    follow-ups are drawn with)."""
    if length not in LENGTHS:
        raise ValueError(f"length must be one of {LENGTHS}")
    seed = next_seed(store, story_id)
    with briefly(store), store.write():
        rehearsal_id = rehearsals.start(store, story_id, persona=persona, seed=seed)
        rehearsal_lengths.set_length(store, rehearsal_id, length)
    return rehearsal_id, seed


def record_step(store: Store, rehearsal_id: int, position: int, step: Step, result: Result) -> None:
    """Store one step as given (answered, skipped or rated), replacing what it had. Waits
    only a moment for another window's lock: a StoreError says to try again later."""
    with briefly(store):
        _record(store, rehearsal_id, position, step, result)


def _record(store: Store, rehearsal_id: int, position: int, step: Step, result: Result) -> None:
    rehearsals.record(
        store,
        rehearsal_id,
        position,
        kind=step.kind,
        key=(result.choice or "none") if step.kind == "checkin" else step.key,
        category=step.category,
        prompt=step.prompt,
        target_seconds=step.target_seconds,
        seconds=round(result.seconds, 3),
        rating=result.rating,
        skipped=result.skipped,
        note=result.note,
    )


def choose_direction(store: Store, rehearsal_id: int, focus: str) -> None:
    """The check-in's answer ('' for no preference)."""
    with briefly(store):
        rehearsals.set_focus(store, rehearsal_id, focus)


def finish(store: Store, rehearsal_id: int, status: str) -> None:
    """'finished' or 'ended' early."""
    with briefly(store):
        rehearsals.close(store, rehearsal_id, status)


@dataclass(frozen=True)
class Report:
    """A stored rehearsal, for its summary."""

    rehearsal: RehearsalRow
    story: Story
    answers: list[AnswerRow]
    length: str = "standard"
    """'short', 'standard' or 'deep'."""
    heard: dict[int, HeardRow] = field(default_factory=dict)
    """What was heard in each answer recorded with the microphone on, by step position."""


def report(store: Store, rehearsal_id: int) -> Report:
    row = rehearsals.rehearsal(store, rehearsal_id)
    if row is None:
        raise LookupError(f"no rehearsal {rehearsal_id}")
    return Report(
        row,
        store.story(row.story_id),
        rehearsals.answers(store, rehearsal_id),
        rehearsal_lengths.length_of(store, rehearsal_id),
        heard_rows.for_rehearsal(store, rehearsal_id),
    )


def heard_in(store: Store, rehearsal_id: int) -> dict[int, HeardRow]:
    """What was heard in a rehearsal's answers so far, by step position."""
    return heard_rows.for_rehearsal(store, rehearsal_id)


@dataclass(frozen=True)
class Pace:
    """A rehearsal's pace over every answer heard in it."""

    answers: int
    wpm: float
    fillers_per_minute: float
    fillers: int

    @property
    def verdict(self) -> str:
        """'slow', 'in the band' or 'fast', against PACE_BAND."""
        low, high = PACE_BAND
        if self.wpm < low:
            return "slow"
        return "fast" if self.wpm > high else "in the band"


def pace(heard: Collection[HeardRow]) -> Pace | None:
    """Words and fillers a minute over all the answers heard (None: none was)."""
    seconds = sum(h.measures.duration_s for h in heard)
    if not heard or seconds <= 0:
        return None
    words = sum(h.measures.words for h in heard)
    fillers = sum(h.measures.fillers.count for h in heard)
    return Pace(
        len(heard), round(words * 60 / seconds, 1), round(fillers * 60 / seconds, 1), fillers
    )


def coming_back(store: Store, qset: QuestionSet, done: Report) -> list[DueItem]:
    """When each follow-up rated in this rehearsal comes back, soonest first."""
    asked = [a.key for a in done.answers if a.kind == "followup" and a.rating is not None]
    reviews = rehearsals.reviews(store, done.rehearsal.story_id)
    return schedule_after(qset, reviews, asked, utc_now())


def note_field(qset: QuestionSet, answer: AnswerRow) -> str:
    """The story field a note on this answer belongs to: the section's own, or the first
    field the follow-up probes ('' when there is none)."""
    if answer.kind != "followup":
        return answer.key
    question = qset.question(answer.key)
    return question.probes[0] if question and question.probes else ""


def add_note(store: Store, story_id: int, key: str, note: str) -> None:
    """Append a note to a field of the story, as a new version of the field. A StoreError
    (the database busy, full, or the story deleted) leaves the field as it was."""
    text, rev = store.field_state(story_id, key)
    joined = f"{text.rstrip()}\n\n{note}" if text.strip() else note
    save_field(store, story_id, key, joined, rev, new_revision=True)


def pace_line(found: Pace) -> str:
    """A rehearsal's pace and fillers a minute, against the band."""
    low, high = PACE_BAND
    return (
        f"{found.wpm:.0f} words a minute ({found.verdict}: aim for {low}-{high}) · "
        f"{found.fillers_per_minute:g} fillers a minute · "
        f"{plural(found.answers, 'answer')} heard"
    )
