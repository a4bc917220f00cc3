"""Drills: re-ask the follow-ups last rated weak or very weak, now, whatever the schedule.

A drill is stored as rehearsals like any other: one rehearsal per story it asks about,
begun at that story's first answer, each answer timed and rated into the schedule as a
rehearsal's is. A question is asked in the words it was last asked in (the stored prompt),
so the user meets the same question again even if the story or the question set changed
since; "why they ask" comes from the question set in use.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coach.core.clock import utc_now
from coach.core.errors import InputError
from coach.core.questions import QuestionSet, QuestionSets
from coach.core.rehearsal import Result, Step
from coach.core.schedule import Rating, ago
from coach.services import rehearsals
from coach.services.rehearsals import CategoryScore, DueItem, Report, weak_categories
from coach.store.rehearsals import WeakRow, reviews, weak_followups
from coach.store.store import Store


@dataclass(frozen=True)
class Scope:
    """What a drill re-asks."""

    story_id: int | None = None
    """One story's weak follow-ups; None for every active story's."""
    pairs: tuple[tuple[int, str], ...] = ()
    """When given, only these (story id, question id) pairs: those just rated weak."""


@dataclass(frozen=True)
class Item:
    """One follow-up to re-ask, about its own story."""

    story_id: int
    story_title: str
    question_id: str
    prompt: str
    category: str
    label: str
    """The category's label in the question set in use (its key when the set lost it)."""
    target_seconds: int
    rating: Rating
    rated: dt.datetime
    why: str
    probes: tuple[str, ...]

    def reason(self, now: dt.datetime) -> str:
        """'rated weak 3 days ago'."""
        return f"rated {self.rating.label} {ago(self.rated, now)}"


def _item(row: WeakRow, qset: QuestionSet) -> Item:
    question = qset.question(row.question_id)
    label = next((c.label for c in qset.categories if c.key == row.category), row.category)
    return Item(
        story_id=row.story_id,
        story_title=row.story_title,
        question_id=row.question_id,
        prompt=row.prompt,
        category=row.category,
        label=label,
        target_seconds=round(row.target_seconds),
        rating=row.rating,
        rated=row.rated,
        why=question.why if question else "",
        probes=question.probes if question else (),
    )


def _rows(store: Store, scope: Scope) -> list[WeakRow]:
    if not scope.pairs:
        return weak_followups(store, scope.story_id)
    wanted = set(scope.pairs)
    stories = dict.fromkeys(story for story, _ in scope.pairs)
    rows = [
        r
        for story in stories
        for r in weak_followups(store, story)
        if (r.story_id, r.question_id) in wanted
    ]
    rows.sort(key=lambda r: (r.rating, r.rated, r.story_id, r.question_id))
    return rows


def select(store: Store, question_sets: QuestionSets, scope: Scope) -> list[Item]:
    """The follow-ups a drill re-asks: every one whose latest rating is weak or very weak.

    The weakest and oldest first; across stories, each story's questions come together
    (a drill of several stories is their rehearsals back to back), the stories in the order
    of their weakest, oldest answer. Stories no question set asks about are left out.
    """
    sets: dict[str, QuestionSet | None] = {}
    grouped: dict[int, list[Item]] = {}
    for row in _rows(store, scope):
        if row.template not in sets:
            try:
                sets[row.template] = question_sets.for_template(row.template)
            except InputError:
                sets[row.template] = None
        qset = sets[row.template]
        if qset is not None:
            grouped.setdefault(row.story_id, []).append(_item(row, qset))
    return [item for items in grouped.values() for item in items]


def nothing_to_drill(title: str | None = None) -> str:
    """What to say when a drill would have nothing to ask (of the story titled so)."""
    where = f" in {title!r}" if title is not None else ""
    return f"Nothing to drill{where}: no follow-up was last rated weak or very weak."


def busiest(store: Store, question_sets: QuestionSets) -> tuple[int, int] | None:
    """(story id, count) of the active story with the most weak follow-ups; on a tie, the
    one holding the weakest, oldest answer. None when nothing is rated weak."""
    counts = Counter(item.story_id for item in select(store, question_sets, Scope()))
    if not counts:
        return None
    return counts.most_common(1)[0]  # most_common keeps first-seen order on ties


def steps(items: Sequence[Item], now: dt.datetime | None = None) -> list[Step]:
    """The drill's steps: each item a follow-up, timed and rated as in a rehearsal."""
    moment = now or utc_now()
    return [
        Step(
            "followup",
            item.question_id,
            item.label,
            item.prompt,
            item.target_seconds,
            notes=item.story_title,
            why=item.why,
            category=item.category,
            reason=item.reason(moment),
            probes=item.probes,
        )
        for item in items
    ]


@dataclass
class Run:
    """A drill being answered: each story's answers go to a rehearsal of that story, begun
    at its first answer, so a drill ended before any answer stores nothing."""

    store: Store
    items: list[Item]
    rehearsal_ids: dict[int, int] = field(default_factory=dict)
    """Each story's rehearsal, in the order they began."""
    answered: set[int] = field(default_factory=set)

    def _position(self, index: int) -> int:
        story_id = self.items[index].story_id
        return sum(1 for item in self.items[:index] if item.story_id == story_id)

    def record(self, index: int, step: Step, result: Result) -> None:
        """Store the drill's `index`th answer (again when it is answered again)."""
        story_id = self.items[index].story_id
        rehearsal_id = self.rehearsal_ids.get(story_id)
        if rehearsal_id is None:
            rehearsal_id, _ = rehearsals.begin(self.store, story_id, "")
            self.rehearsal_ids[story_id] = rehearsal_id
        rehearsals.record_step(self.store, rehearsal_id, self._position(index), step, result)
        self.answered.add(index)

    def finish(self, status: str) -> list[int]:
        """Close each story's rehearsal ('finished' when every question about that story was
        answered or skipped, else `status`); their ids, in the drill's order."""
        for story_id, rehearsal_id in self.rehearsal_ids.items():
            indexes = [i for i, item in enumerate(self.items) if item.story_id == story_id]
            done = all(i in self.answered for i in indexes)
            rehearsals.finish(self.store, rehearsal_id, "finished" if done else status)
        return list(self.rehearsal_ids.values())


def rated_weak(reports: Iterable[Report]) -> Scope:
    """The follow-ups rated weak or very weak in these rehearsals, as a drill of them alone."""
    pairs = [
        (report.rehearsal.story_id, a.key)
        for report in reports
        for a in report.answers
        if a.kind == "followup" and a.rating is not None and a.rating.weak
    ]
    return Scope(pairs=tuple(dict.fromkeys(pairs)))


def weak_across(parts: Iterable[tuple[QuestionSet, Report]]) -> list[CategoryScore]:
    """The categories to work on over several rehearsals (a drill of several stories),
    each answer judged by its own story's question set; worst first."""
    by_set: dict[str, tuple[QuestionSet, list[rehearsals.AnswerRow]]] = {}
    for qset, report in parts:
        by_set.setdefault(qset.name, (qset, []))[1].extend(report.answers)
    scores = [s for qset, answers in by_set.values() for s in weak_categories(qset, answers)]
    scores.sort(key=lambda s: (s.average if s.ratings else 5, -s.over))
    return scores


def coming_back(
    store: Store, parts: Iterable[tuple[QuestionSet, Report]]
) -> list[tuple[Report, DueItem]]:
    """When each follow-up rated in these rehearsals comes back, soonest first, each with
    the rehearsal (so the story) it was rated in."""
    found: list[tuple[dt.datetime, Report, DueItem]] = []
    for qset, report in parts:
        schedule = reviews(store, report.rehearsal.story_id)
        for item in rehearsals.coming_back(store, qset, report):
            found.append((schedule[item.question_id].due, report, item))
    found.sort(key=lambda entry: entry[0])
    return [(report, item) for _, report, item in found]
