"""Choosing a rehearsal's follow-ups: the story's gaps in a fixed order, what is due, a mix.

Only questions that fit are considered: asked by this interviewer (the persona is a filter),
about this kind of story, not referring to a field the story left empty, and not already
answered by the story's own text (its deeper question then takes its place). Then:

1. the first follow-up is the story's top gap (gaps.py gives their order);
2. after a check-in answer, the next two come from the direction chosen;
3. the remaining gaps, in order; then questions rated weak before and due again; then a
   mix weighted by the schedule and the check-in.

One question per category until the plan runs out of categories: a gap or a due question
takes one in a category not yet asked when it can, the mix only draws from those.
A gap is asked by a question about its own field, one written for what is missing (an
opener for an empty field, the number for a claim without one) before one that also suits
a field with content; a red flag by a question about the flagged field first.

Deterministic for a given seed. Every pick says why it was chosen, in words a user reads.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from coach.core.findings import Finding
from coach.core.gaps import Gap, story_gaps
from coach.core.phrases import figure_quote, vague_quote
from coach.core.question_data import Question, QuestionSet
from coach.core.schedule import Review, ago
from coach.core.storykinds import gives, story_kinds
from coach.core.templates import FormTemplate

STEERED = 3.0
"""A question in a category the check-in answer asked for weighs this much more in the mix."""
STEERED_PICKS = 2
"""How many follow-ups after the first come from the direction the check-in chose."""
NOT_DUE = 0.25
"""A question answered well and not yet due again keeps this share of its weight."""
NEVER_ASKED = 1.5
DEEPER = 2.0
"""A question standing in for one the story already answers weighs this much more."""
REPEAT = 0.3
"""Each question already picked from a category multiplies that category's weight by this."""

__all__ = ["Gap", "Pick", "choose_followups", "story_gaps"]


@dataclass(frozen=True)
class Pick:
    """A question chosen for this rehearsal, its text with the story's facts, and why."""

    question: Question
    text: str
    reason: str
    stage: str
    """'gap', 'due' or 'mix'."""
    served: str = "filled"
    """The gap type it was asked for: empty, no_figure, vague, red_flag or filled."""
    field: str = ""
    """The story's field it is about."""
    flag: str = ""
    """For a red flag: its key."""
    label: str = ""
    """The field's label in the form."""
    notes: str = ""
    """The story's own text for that field."""

    def as_json(self) -> dict[str, object]:
        q = self.question
        data: dict[str, object] = {
            "id": q.id,
            "text": self.text,
            "category": q.category,
            "probes": list(q.probes),
            "asked_by": list(q.asked_by),
            "target_seconds": q.target_seconds,
            "why": q.why,
            "reason": self.reason,
            "stage": self.stage,
            "for": self.served,
            "field": self.field,
        }
        if self.flag:
            data["flag"] = self.flag
        return data


Allow = Callable[[Question], bool]


def _anything(_: Question) -> bool:
    return True


class _Planner:
    def __init__(
        self,
        qset: QuestionSet,
        template: FormTemplate,
        facts: Mapping[str, str],
        reviews: Mapping[str, Review],
        *,
        persona: str | None,
        focus: str | None,
        now: datetime,
        seed: int,
        kinds: frozenset[str],
        gaps: Sequence[Gap],
        exclude: Collection[str],
    ) -> None:
        self.qset, self.template, self.facts = qset, template, facts
        self.reviews, self.persona, self.now = reviews, persona, now
        self.rng = random.Random(seed)
        self.kinds = kinds
        self.steer = frozenset(qset.choice(focus).categories) if focus else frozenset()
        self.filled = frozenset(k for k in template.keys if facts.get(k, "").strip())
        self.taken: set[str] = set(exclude)
        self.picks: list[Pick] = []
        self.used: dict[str, int] = {}
        self.vague = {g.key: g.words for g in gaps if g.kind == "vague"}
        self.boosted: set[str] = set()
        self.pool = [q for q in qset.questions if self.fits(q) and not self.answered(q)]
        self.askable = [q for q in self.pool if self.state(q) in q.serves]
        """The pool's questions fit for their field as the story has it (empty or filled)."""
        self.gaps = [(gap, self.order(self.for_gap(gap))) for gap in gaps]

    # -- which questions fit this story and interviewer --------------------------------

    def fits(self, q: Question) -> bool:
        if self.persona and self.persona not in q.asked_by:
            return False
        if q.applies_to and self.kinds.isdisjoint(q.applies_to):
            return False
        if not self.kinds.isdisjoint(q.not_for):
            return False
        return all(key in self.filled for key in q.needs)

    def answered(self, q: Question) -> bool:
        """The story's text already gives what `q` asks for; its deeper question gains."""
        if not q.answered_if:
            return False
        text = "\n".join(self.facts.get(key, "") for key in q.probes)
        if any(gives(fact, text) for fact in q.answered_if):
            if q.deeper:
                self.boosted.add(q.deeper)
            return True
        return False

    def state(self, q: Question) -> str:
        return "filled" if q.field in self.filled else "empty"

    def for_flag(self, gap: Gap) -> list[Question]:
        """The questions naming this red flag (those about the flagged field first), else
        those for red flags on its field, else (for a technical interviewer) one made of
        the flag's own question."""
        serving = [q for q in self.qset.questions if "red_flag" in q.serves and self.fits(q)]
        found = [q for q in serving if gap.flag in q.flags]
        found = [q for q in found if gap.key in q.probes] or found
        found = found or [q for q in serving if not q.flags and gap.key in q.probes]
        if not found and gap.question and self.persona in (None, "technical"):
            found = [self.flag_question(gap)]
        return found

    def for_gap(self, gap: Gap) -> list[Question]:
        """The questions fit to ask about `gap`: about its field first, quoting it where
        the gap asks for a quote."""
        if gap.kind == "red_flag":
            return self.for_flag(gap)
        found = [q for q in self.pool if gap.kind in q.serves and gap.key in q.probes]
        primary = [q for q in found if q.field == gap.key]
        chosen = primary or found
        if gap.kind != "filled":  # those written for what is missing, not also for content
            written_for = [q for q in chosen if "filled" not in q.serves]
            chosen = written_for or chosen
        if gap.kind == "vague":  # the vague words quoted back
            quoting = [q for q in chosen if "vague" in q.placeholders]
            chosen = quoting or chosen
        elif gap.kind == "no_figure":  # a figure alone is quoted and asked 'against what?'
            text = self.facts.get(gap.key, "")
            fitting = [
                q
                for q in chosen
                if ("figure" in q.placeholders) == bool(figure_quote(text, q.category))
            ]
            chosen = fitting or chosen
        return chosen

    def flag_question(self, gap: Gap) -> Question:
        """A red flag's own question, for a set with none naming the flag: a technical
        interviewer's."""
        category = next(
            (q.category for q in self.qset.questions if q.field == gap.key),
            self.qset.categories[0].key,
        )
        return Question(
            id=f"flag-{gap.flag}",
            text=gap.question,
            category=category,
            probes=(gap.key,),
            asked_by=("technical",),
            target_seconds=45,
            why=gap.message or gap.reason,
            serves=("red_flag",),
        )

    # -- weighing ------------------------------------------------------------------

    def weight(self, q: Question) -> float:
        w = 1.0
        if q.category in self.steer:
            w *= STEERED
        if q.id in self.boosted:
            w *= DEEPER
        seen = self.reviews.get(q.id)
        if seen is None:
            w *= NEVER_ASKED
        elif not seen.is_due(self.now):
            w *= NOT_DUE
        return w

    def key(self, weight: float) -> float:
        """A weighted random sort key (Efraimidis-Spirakis): higher weights tend to lead."""
        return float(self.rng.random() ** (1.0 / weight))

    def order(self, questions: Iterable[Question]) -> list[Question]:
        keyed = [(self.key(self.weight(q)), q) for q in questions]
        keyed.sort(key=lambda pair: pair[0], reverse=True)
        return [q for _, q in keyed]

    # -- picking -------------------------------------------------------------------

    def take(self, q: Question, stage: str, reason: str, gap: Gap | None = None) -> Pick:
        field = gap.key if gap is not None else q.field
        notes = self.facts.get(field, "")
        if gap is not None and gap.question and self.in_flag_words(q):
            text = gap.question
        else:
            quotes: dict[str, str] = {}
            if "vague" in q.placeholders:
                quotes["vague"] = vague_quote(notes, self.vague.get(field, ()))
            if "figure" in q.placeholders:
                quotes["figure"] = figure_quote(notes, q.category)
            text = q.render(self.facts, quotes)
        spec = self.template.field(field)
        pick = Pick(
            q,
            text,
            reason,
            stage,
            served=gap.kind if gap is not None else self.state(q),
            field=field,
            flag=gap.flag if gap is not None else "",
            label=spec.label if spec is not None else "",
            notes=notes.strip(),
        )
        self.taken.add(q.id)
        self.used[q.category] = self.used.get(q.category, 0) + 1
        self.picks.append(pick)
        return pick

    def in_flag_words(self, q: Question) -> bool:
        """Whether a red flag is asked in its own words, a technical interviewer's: by one,
        by anyone when the interviewer is not known, by a manager through a technical
        question. Otherwise the question's own, plainer, words."""
        if self.persona in (None, "technical"):
            return True
        return self.persona == "manager" and "technical" in q.asked_by

    def fresh(self, questions: Iterable[Question], allow: Allow) -> list[Question]:
        """Those not yet asked and allowed, the ones in a category not yet asked first: one
        question per category until the plan runs out of categories."""
        open_ = [q for q in questions if q.id not in self.taken and allow(q)]
        unused = [q for q in open_ if q.category not in self.used]
        return unused + [q for q in open_ if q.category in self.used]

    def next_gap(self, allow: Allow) -> Pick | None:
        asked = {p.field for p in self.picks if p.stage == "gap" and p.served != "red_flag"}
        for index, (gap, candidates) in enumerate(self.gaps):
            if gap.kind != "red_flag" and gap.key in asked:
                continue
            q = next(iter(self.fresh(candidates, allow)), None)
            if q is not None:
                del self.gaps[index]
                return self.take(q, "gap", gap.reason, gap)
        return None

    def next_due(self, allow: Allow) -> Pick | None:
        if not self.reviews:
            return None
        due = [
            q
            for q in self.askable
            if (r := self.reviews.get(q.id)) is not None
            and q.id not in self.taken
            and allow(q)
            and r.last_rating.weak
            and r.is_due(self.now)
        ]
        if not due:
            return None
        q = min(
            self.order(due),
            key=lambda q: (q.category in self.used, self.reviews[q.id].last_rating),
        )
        seen = self.reviews[q.id]
        reason = f"due: rated {seen.last_rating.label} {ago(seen.last_rated, self.now)}"
        return self.take(q, "due", reason)

    def next_mix(self, allow: Allow) -> Pick | None:
        rest = [q for q in self.askable if q.id not in self.taken and allow(q)]
        rest = [q for q in rest if q.category not in self.used] or rest
        if not rest:
            return None
        keyed = [
            (self.key(self.weight(q) * REPEAT ** self.used.get(q.category, 0)), i)
            for i, q in enumerate(rest)
        ]
        q = rest[max(keyed)[1]]
        return self.take(q, "mix", self.mix_reason(q))

    def next(self, allow: Allow = _anything) -> Pick | None:
        return self.next_gap(allow) or self.next_due(allow) or self.next_mix(allow)

    def mix_reason(self, q: Question) -> str:
        seen = self.reviews.get(q.id)
        if q.category in self.steer:
            return f"asked for: {lower_first(self.qset.category(q.category).label)}"
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
    tags: Iterable[str] = (),
    competencies: Iterable[str] = (),
    findings: Sequence[Finding] | None = None,
) -> list[Pick]:
    """The next `limit` follow-ups for a story.

    `facts` holds the story's field texts and its title, company and role; `tags` and
    `competencies` help tell what kind of story it is; `findings` are its checks and red
    flags (read from the text when None); `reviews` the schedule of each question already
    rated for this story; `focus` is the check-in choice.
    """
    fields = {key: facts.get(key, "") for key in template.keys}
    planner = _Planner(
        qset,
        template,
        facts,
        reviews,
        persona=persona,
        focus=focus,
        now=now,
        seed=seed,
        kinds=story_kinds(tags, competencies, fields),
        gaps=story_gaps(template, fields, findings),
        exclude=exclude,
    )
    if limit > 0:
        planner.next()
    steer = planner.steer
    for _ in range(STEERED_PICKS if steer else 0):
        if len(planner.picks) >= limit or planner.next(lambda q: q.category in steer) is None:
            break
    while len(planner.picks) < limit and planner.next() is not None:
        pass
    return planner.picks


def lower_first(label: str) -> str:
    """'Data size' -> 'data size' in running text; 'A/B test design' keeps its capitals."""
    first = label.split(" ", 1)[0]
    return label if first.upper() == first else label[:1].lower() + label[1:]
