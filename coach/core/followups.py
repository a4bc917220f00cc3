"""Choosing a rehearsal's follow-ups: what the story lacks first, then what is due, then a mix.

Deterministic for a given seed. Every pick says why it was chosen, in words a user reads.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from coach.core.checks import check_field, vague_words_without_figure
from coach.core.questions import Question, QuestionSet
from coach.core.schedule import Review, ago
from coach.core.templates import FormTemplate

OFF_PERSONA = 0.05
"""A question the chosen interviewer would rarely ask keeps this share of its weight."""
STEERED = 3.0
"""A question in a category the check-in answer asked for weighs this much more."""
NOT_DUE = 0.25
"""A question answered well and not yet due again keeps this share of its weight."""
NEVER_ASKED = 1.5
REPEAT = 0.3
"""Each question already picked from a category multiplies that category's weight by this."""

_GAP_WEIGHT = {"required": 3.0, "empty": 3.0, "number": 2.0, "vague": 1.5}
"""How pressing each kind of gap is; too-long fields are not for follow-ups to fix."""


@dataclass(frozen=True)
class Pick:
    """A question chosen for this rehearsal, its text with the story's facts, and why."""

    question: Question
    text: str
    reason: str
    stage: str
    """'gap', 'due' or 'mix'."""

    def as_json(self) -> dict[str, object]:
        q = self.question
        return {
            "id": q.id,
            "text": self.text,
            "category": q.category,
            "probes": list(q.probes),
            "asked_by": list(q.asked_by),
            "target_seconds": q.target_seconds,
            "why": q.why,
            "reason": self.reason,
            "stage": self.stage,
        }


@dataclass(frozen=True)
class Gap:
    key: str
    kind: str
    reason: str


def story_gaps(template: FormTemplate, fields: Mapping[str, str]) -> list[Gap]:
    """The fields a follow-up should dig into: empty ones, and those failing a check."""
    gaps: list[Gap] = []
    for spec in template.fields:
        text = fields.get(spec.key, "")
        if not text.strip():
            gaps.append(Gap(spec.key, "empty", f"gap: {spec.key} is empty"))
            continue
        for finding in check_field(spec, text, template.vague_words):
            if finding.check == "number":
                gaps.append(Gap(spec.key, "number", f"gap: {spec.key} has no figure"))
                break
            if finding.check == "vague":
                words = vague_words_without_figure(text, template.vague_words)[:3]
                detail = ", ".join(f"'{w}'" for w in words)
                gaps.append(Gap(spec.key, "vague", f"gap: {spec.key} is vague ({detail})"))
                break
    return gaps


class _Planner:
    def __init__(
        self,
        qset: QuestionSet,
        reviews: Mapping[str, Review],
        persona: str | None,
        focus: str | None,
        now: datetime,
        rng: random.Random,
    ) -> None:
        self.qset = qset
        self.reviews = reviews
        self.persona = persona
        self.steer = frozenset(qset.choice(focus).categories) if focus else frozenset()
        self.now = now
        self.rng = rng

    def weight(self, q: Question) -> float:
        w = 1.0
        if self.persona and self.persona not in q.asked_by:
            w *= OFF_PERSONA
        if q.category in self.steer:
            w *= STEERED
        seen = self.reviews.get(q.id)
        if seen is None:
            w *= NEVER_ASKED
        elif not seen.is_due(self.now):
            w *= NOT_DUE
        return w

    def key(self, weight: float) -> float:
        """A weighted random sort key (Efraimidis-Spirakis): higher weights tend to lead."""
        return float(self.rng.random() ** (1.0 / weight))

    def order(self, questions: Sequence[Question]) -> list[Question]:
        keyed = [(self.key(self.weight(q)), q) for q in questions]
        keyed.sort(key=lambda pair: pair[0], reverse=True)
        return [q for _, q in keyed]

    def mix_reason(self, q: Question) -> str:
        seen = self.reviews.get(q.id)
        if seen is not None and seen.is_due(self.now):
            return f"due: rated {seen.last_rating.label} {ago(seen.last_rated, self.now)}"
        if q.category in self.steer:
            return f"asked for: {self.qset.category(q.category).label.lower()}"
        if seen is None:
            return "new: never asked about this story"
        return f"practice: rated {seen.last_rating.label} {ago(seen.last_rated, self.now)}"


def choose_followups(
    qset: QuestionSet,
    template: FormTemplate,
    facts: Mapping[str, str],
    reviews: Mapping[str, Review],
    *,
    persona: str | None = None,
    focus: str | None = None,
    limit: int = 5,
    seed: int = 0,
    now: datetime,
    exclude: Collection[str] = (),
) -> list[Pick]:
    """The next `limit` follow-ups for a story.

    `facts` holds the story's field texts and its title, company and role; `reviews` the
    schedule of each question already rated for this story; `focus` is the check-in choice.
    """
    planner = _Planner(qset, reviews, persona, focus, now, random.Random(seed))
    picks: list[Pick] = []
    taken = set(exclude)

    def take(q: Question, reason: str, stage: str) -> None:
        taken.add(q.id)
        picks.append(Pick(q, q.render(facts), reason, stage))

    # 1. Gaps: one question for each field the story lacks, the most pressing first.
    covered: set[str] = set()
    gap_order: list[tuple[float, Gap, Question]] = []
    for gap in story_gaps(template, facts):
        candidates = [q for q in qset.questions if gap.key in q.probes and q.id not in taken]
        primary = [q for q in candidates if q.probes[0] == gap.key]
        if not candidates:
            continue
        best = planner.order(primary or candidates)[0]
        pressing = _GAP_WEIGHT[gap.kind] * planner.weight(best)
        gap_order.append((planner.key(pressing), gap, best))
    gap_order.sort(key=lambda item: item[0], reverse=True)
    for _, gap, question in gap_order:
        if len(picks) >= limit:
            return picks
        if gap.key in covered or question.id in taken:
            continue
        take(question, gap.reason, "gap")
        covered.update(question.probes)

    # 2. Answered weakly before and due again: the weakest first.
    due = [
        q
        for q in qset.questions
        if q.id not in taken
        and (r := reviews.get(q.id)) is not None
        and r.last_rating.weak
        and r.is_due(now)
    ]
    for q in sorted(planner.order(due), key=lambda q: reviews[q.id].last_rating):
        if len(picks) >= limit:
            return picks
        seen = reviews[q.id]
        take(q, f"due: rated {seen.last_rating.label} {ago(seen.last_rated, now)}", "due")

    # 3. The rest, weighted by persona, check-in and schedule; a category already asked
    #    about this time weighs less, so the mix spreads over the story.
    rest = [q for q in qset.questions if q.id not in taken]
    used: dict[str, int] = {}
    for p in picks:
        used[p.question.category] = used.get(p.question.category, 0) + 1
    while rest and len(picks) < limit:
        keyed = [
            (planner.key(planner.weight(q) * REPEAT ** used.get(q.category, 0)), i)
            for i, q in enumerate(rest)
        ]
        q = rest.pop(max(keyed)[1])
        used[q.category] = used.get(q.category, 0) + 1
        take(q, planner.mix_reason(q), "mix")
    return picks
