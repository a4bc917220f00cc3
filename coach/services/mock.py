"""Mock interviews: the question comes first, the user picks a story (or improvises), tells it
against one target, answers two or three of its follow-ups, then the next question, until the
time is up.

A mock is stored as rehearsals, as a drill across stories is: each story's part is a
rehearsal of that story, begun at its first answer, its follow-ups rated into the schedule.
An improvised answer has no story to belong to, so it lives only in the mock's report.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.core.common_questions import CommonQuestion, CommonQuestions
from coach.core.errors import InputError
from coach.core.questions import QuestionSet, QuestionSets
from coach.core.rehearsal import Result, Step, followup_steps
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.services import rehearsals
from coach.services.matching import Matcher, StoryMatch, level
from coach.store.store import Store

KINDS = ("project", "behavioral", "mixed")
MINUTES = (30, 45, 60)
PITCH_SECONDS = 120
"""The one target of a story told in a mock: the two-minute version."""
PITCH_KEY = "pitch"
"""The stored key of a mock's whole-story answer (a section's key is its field's)."""
ROOM_FOR_THREE = 10 * 60
"""Seconds the mock must have left when a story starts for it to get three follow-ups."""
OFFERED = 30
"""At most this many stories are offered for one question, the best matches first."""


@dataclass(frozen=True)
class Settings:
    """How a mock runs: its length, which common questions it asks, and their draw."""

    minutes: int = 30
    kind: str = "mixed"
    """project, behavioral or mixed (the two taken in turn, a project opener first)."""
    seed: int | None = None
    """The draw of the questions; None for a fresh one."""

    def __post_init__(self) -> None:
        if self.minutes not in MINUTES:
            raise InputError(f"minutes must be one of {', '.join(map(str, MINUTES))}")
        if self.kind not in KINDS:
            raise InputError(f"kind must be one of {', '.join(KINDS)}")

    def drawn_with(self) -> int:
        """The seed the questions are drawn with."""
        return self.seed if self.seed is not None else random.SystemRandom().randrange(10**6)


def draw(questions: CommonQuestions, kind: str, seed: int) -> list[CommonQuestion]:
    """Every common question of `kind` in the order the mock asks them; mixed takes a
    project opener first, then a behavioral question, and so on."""
    rng = random.Random(seed)
    pools = {k: [q for q in questions.questions if q.kind == k] for k in ("project", "behavioral")}
    for pool in pools.values():
        rng.shuffle(pool)
    if kind != "mixed":
        return pools[kind]
    project, behavioral = pools["project"], pools["behavioral"]
    mixed = [q for pair in zip(project, behavioral, strict=False) for q in pair]
    longest = project if len(project) > len(behavioral) else behavioral
    return mixed + longest[min(len(project), len(behavioral)) :]


@dataclass(frozen=True)
class Offer:
    """A choice for one question: a story (with how well it matches) or improvising."""

    story_id: int | None
    """None: no story, improvise."""
    title: str
    score: float = 0.0
    why: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """good, weak or none; '' for improvising."""
        return "" if self.story_id is None else level(self.score)


IMPROVISE = Offer(None, "No story: improvise")


class Offers:
    """Each drawn question's best stories, read once (in a worker: the index of a big bank
    takes a while to build) and then offered without the stories used already."""

    def __init__(self, store: Store, questions: Sequence[CommonQuestion]) -> None:
        matcher = Matcher(store)
        self.ranked: dict[str, tuple[StoryMatch, ...]] = {
            q.id: matcher.match(q.text, limit=OFFERED, common=q).matches for q in questions
        }
        index = matcher.index
        self.stories = sorted(zip(index.titles, index.ids, strict=True))
        """Every active story, (title, id), by title."""

    def __call__(self, question: CommonQuestion, used: set[int]) -> list[Offer]:
        """The best matches not used yet, then improvising, then the other stories."""
        found = [
            Offer(m.id, m.title, m.score, m.why)
            for m in self.ranked.get(question.id, ())
            if m.id not in used
        ]
        shown = {o.story_id for o in found}
        rest = [
            Offer(story_id, title)
            for title, story_id in self.stories
            if story_id not in used and story_id not in shown
        ]
        return [*found, IMPROVISE, *rest][: OFFERED + 1]


def pitch_step(question: CommonQuestion, title: str, notes: str = "") -> Step:
    """The story told whole, against one target."""
    return Step("section", PITCH_KEY, title, question.text, PITCH_SECONDS, notes=notes)


def outline(story: Story, templates: TemplateSet) -> str:
    """The story's pitch, one line a section: the notes a mock shows when asked (h)."""
    template = templates.get(story.template)
    lines = []
    for spec in template.pitch_fields:
        text = " ".join(story.fields.get(spec.key, "").split())
        if text:
            lines.append(f"{spec.label}: {text}")
    return "\n".join(lines)


@dataclass
class Part:
    """One question of the mock and what was said to it."""

    question: CommonQuestion
    story_id: int | None
    title: str
    """The story's title, or IMPROVISE's."""
    steps: list[Step]
    qset: QuestionSet | None = None
    rehearsal_id: int | None = None
    results: dict[int, Result] = field(default_factory=dict)

    @property
    def improvised(self) -> bool:
        return self.story_id is None


@dataclass
class Mock:
    """A mock being answered. Each story's answers are stored as they are given."""

    store: Store
    questions: list[CommonQuestion]
    minutes: int
    seed: int
    started: float
    """The clock's reading when the first question was asked."""
    parts: list[Part] = field(default_factory=list)

    @property
    def used(self) -> set[int]:
        return {p.story_id for p in self.parts if p.story_id is not None}

    def left(self, now: float) -> float:
        """Seconds left of the mock (below zero once it is over)."""
        return self.minutes * 60 - (now - self.started)

    def next_question(self) -> CommonQuestion | None:
        asked = len(self.parts)
        return self.questions[asked] if asked < len(self.questions) else None

    def begin_part(
        self,
        question: CommonQuestion,
        story_id: int | None,
        *,
        templates: TemplateSet,
        question_sets: QuestionSets,
        now: float,
    ) -> Part:
        """The next part: the question told with this story (its follow-ups planned as a
        rehearsal of it would be), or improvised (no follow-ups: they are a story's)."""
        if story_id is None:
            part = Part(question, None, IMPROVISE.title, [pitch_step(question, IMPROVISE.title)])
            self.parts.append(part)
            return part
        if story_id in self.used:
            raise InputError("that story was told already in this mock: pick another")
        story = self.store.story(story_id)
        steps = [pitch_step(question, story.title, outline(story, templates))]
        qset = None
        try:
            qset = question_sets.for_template(story.template)
        except InputError:
            pass  # a template no question set asks about: the story alone, no follow-ups
        if qset is not None:
            count = 3 if self.left(now) >= ROOM_FOR_THREE else 2
            seed = rehearsals.next_seed(self.store, story_id)
            picks = rehearsals.plan(self.store, story, templates, qset, limit=count, seed=seed)
            steps += followup_steps(qset, picks)
        part = Part(question, story_id, story.title, steps, qset)
        self.parts.append(part)
        return part

    def record(self, part: Part, position: int, result: Result) -> None:
        """Keep an answer of `part` (again when it is answered again); a story's is stored,
        in a rehearsal of that story begun at its first answer."""
        part.results[position] = result
        if part.story_id is None:
            return
        if part.rehearsal_id is None:
            part.rehearsal_id, _ = rehearsals.begin(self.store, part.story_id, "")
        rehearsals.record_step(self.store, part.rehearsal_id, position, part.steps[position], result)

    def close(self, part: Part, status: str) -> None:
        """Close a story's rehearsal: 'finished' when each of its steps was answered or
        skipped, else `status`."""
        if part.rehearsal_id is None:
            return
        done = all(i in part.results for i in range(len(part.steps)))
        rehearsals.finish(self.store, part.rehearsal_id, "finished" if done else status)

    @property
    def rehearsal_ids(self) -> list[int]:
        return [p.rehearsal_id for p in self.parts if p.rehearsal_id is not None]

    def without_story(self) -> list[CommonQuestion]:
        """The questions answered with no story: the ones to write a story for."""
        return [p.question for p in self.parts if p.improvised]
