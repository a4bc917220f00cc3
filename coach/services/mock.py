"""Mock interviews: the question comes first, the user picks a story (or improvises), tells it
against one target, answers two or three of its follow-ups, then the next question, until the
time is up.

A mock is stored as a whole, part by part as it is answered (store/mocks.py): each story's
part is also a rehearsal of that story, begun at its first answer, its follow-ups rated into
the schedule; an improvised answer has no story, so it is kept in the mock's part alone (time,
target, rating) and enters no schedule. The report, and a mock resumed after a crash, are read
back from what is stored (services/mock_record.py).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.core.errors import InputError
from coach.core.rehearsal import Result, Step, followup_steps
from coach.services.editing import briefly
from coach.services.mock_live import Cut, answered_again, let_stand
from coach.store import mock_live
from coach.store import mocks as mock_rows
from coach.store.store import Store

if TYPE_CHECKING:  # the matching and the follow-up engine load once the screen is drawn
    from coach.core.common_questions import CommonQuestion, CommonQuestions
    from coach.core.questions import QuestionSet, QuestionSets
    from coach.core.stories import Story
    from coach.core.templates import TemplateSet
    from coach.services.matching import StoryMatch

KINDS = ("project", "behavioral", "mixed")
MINUTES = (30, 45, 60)
PITCH_SECONDS = 120
"""The one target of a story told in a mock: the two-minute version."""
PITCH_KEY = "pitch"
"""The stored key of a mock's whole-story answer (a section's key is its field's)."""
IMPROVISED_KEY = "improvised"
"""The key of an improvised answer's step: rated as a follow-up is, kept in the mock alone."""
ROOM_FOR_THREE = 10 * 60
"""Seconds the mock must have left when a story starts for it to get three follow-ups."""
MOST_ASKED = 20
"""More questions than any mock asks: those matched ahead (the rest only if asked)."""
RANKED = 8
"""How many of the best matching stories are read for each question."""
OFFERED = 12
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
        from coach.services.matching import level

        return "" if self.story_id is None else level(self.score)


IMPROVISE = Offer(None, "No story: improvise")


class Offers:
    """The stories to offer for each question: the bank indexed once (in a worker: a big
    bank's index takes a while), each question matched once, then offered without the
    stories told already. `rank` may run in one thread while another reads the offers."""

    def __init__(self, store: Store) -> None:
        from coach.services.matching import Matcher  # the index's modules: after the frame

        self.matcher: Matcher | None = Matcher(store)
        self._store = store
        self._lock = threading.Lock()
        self.ranked: dict[str, tuple[StoryMatch, ...]] = {}
        index = self.matcher.index
        self.stories = sorted(zip(index.titles, index.ids, strict=True))
        """Every active story, (title, id), by title."""

    def rank(self, questions: Sequence[CommonQuestion]) -> None:
        """Match these questions (those not matched yet) against the bank."""
        for question in questions:
            with self._lock:
                if question.id in self.ranked or self.matcher is None:
                    continue
                found = self.matcher.match(question.text, limit=RANKED, common=question)
                self.ranked[question.id] = found.matches

    def close(self) -> None:
        """Done matching: let the index and the store go (a question not matched yet is
        offered every story, by title)."""
        with self._lock:
            self.matcher = None
            self._store.close()

    def __call__(self, question: CommonQuestion, used: set[int]) -> list[Offer]:
        """The stories not told yet that match well or weakly, best first; then improvising;
        then the other stories (those with little in common first)."""
        self.rank([question])
        found = [
            Offer(m.id, m.title, m.score, m.why)
            for m in self.ranked.get(question.id, ())
            if m.id not in used
        ]
        matching = [o for o in found if o.level != "none"]
        shown = {o.story_id for o in found}
        rest = [o for o in found if o.level == "none"]
        for title, story_id in self.stories:
            if len(matching) + len(rest) >= OFFERED:
                break
            if story_id not in used and story_id not in shown:
                rest.append(Offer(story_id, title))
        return [*matching, IMPROVISE, *rest][: OFFERED + 1]


def pitch_step(question: CommonQuestion, title: str, notes: str = "") -> Step:
    """The story told whole, against one target."""
    return Step("section", PITCH_KEY, title, question.text, PITCH_SECONDS, notes=notes)


def improvised_step(question: CommonQuestion) -> Step:
    """An answer with no story: timed against the same target, then rated."""
    signals = list(question.signals)
    joined = (
        ", ".join(signals[:-1]) + " and " + signals[-1] if len(signals) > 1 else "".join(signals)
    )
    why = f"It tests {joined}." if joined else "It tests how you think on your feet."
    return Step(
        "followup",
        IMPROVISED_KEY,
        IMPROVISE.title,
        question.text,
        PITCH_SECONDS,
        why=why,
        strong="A real example of your own, what you did and what came of it, with a number.",
    )


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
    position: int = 0
    """Where the part is in the mock, from 0."""

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
    """The clock's reading when the first question was asked (a resumed mock: as if it had
    run without a break until the time it had when it stopped)."""
    kind: str = "mixed"
    parts: list[Part] = field(default_factory=list)
    mock_id: int | None = None
    """The stored mock, from its first part on."""
    window: bool = False
    """A window gives this mock: from its first stored part until it is closed, other
    windows are not offered it to resume (store/mock_live.py). A Mock built elsewhere (a
    script's, a test's) does not hold it."""
    live: mock_live.Live | None = field(default=None, repr=False)
    """The lock held while a window gives the mock (a resumed one: see mock_live.take)."""
    closed: bool = False
    """Stored as over (finished or ended): its clock is not kept any more."""
    cut: Cut | None = None
    """A resumed mock: the part a crash cut, until its question is answered again."""

    def elapsed(self, now: float) -> float:
        return now - self.started

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
        position = len(self.parts)
        if story_id is None:
            part = Part(question, None, IMPROVISE.title, [improvised_step(question)])
            part.position = position
            self._keep_part(part, now)
            self.parts.append(part)
            return part
        if story_id in self.used:
            raise InputError("that story was told already in this mock: pick another")
        from coach.services import rehearsals

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
        part = Part(question, story_id, story.title, steps, qset, position=position)
        self._keep_part(part, now)
        self.parts.append(part)
        return part

    def _keep_part(self, part: Part, now: float) -> None:
        """Store the part as begun (the mock too, at its first part); the question a crash
        cut goes on in its story's rehearsal when that story is told again."""
        cut = self.cut if self.cut is not None and self.cut.position == part.position else None
        with briefly(self.store), self.store.write():  # the part and the cut's fate, or neither
            if cut is not None:
                part.rehearsal_id = answered_again(self.store, cut, part.story_id)
            if self.mock_id is None:
                self.mock_id = mock_rows.start(self.store, self.minutes, self.kind, self.seed)
                if self.window:
                    self.live = mock_live.hold(self.store, self.mock_id)
            mock_rows.add_part(
                self.store,
                self.mock_id,
                part.position,
                question_id=part.question.id,
                question=part.question.text,
                story_id=part.story_id,
                title="" if part.improvised else part.title,
                elapsed=self.elapsed(now),
                rehearsal_id=part.rehearsal_id,
            )
        self.cut = None

    def record(self, part: Part, position: int, result: Result, *, now: float) -> None:
        """Keep an answer of `part` (again when it is answered again): a story's in a
        rehearsal of that story begun at its first answer, an improvised one in its part."""
        from coach.services import rehearsals

        part.results[position] = result
        assert self.mock_id is not None
        if part.story_id is None:
            with briefly(self.store):
                mock_rows.record_improvised(
                    self.store,
                    self.mock_id,
                    part.position,
                    target_seconds=part.steps[position].target_seconds,
                    seconds=round(result.seconds, 3),
                    rating=result.rating,
                    skipped=result.skipped,
                    note=result.note,
                    elapsed=self.elapsed(now),
                )
            return
        if part.rehearsal_id is None:
            with briefly(self.store), self.store.write():  # the two, or neither
                rehearsal_id, _ = rehearsals.begin(self.store, part.story_id, "")
                mock_rows.set_rehearsal(self.store, self.mock_id, part.position, rehearsal_id)
            part.rehearsal_id = rehearsal_id
        rehearsals.record_step(
            self.store, part.rehearsal_id, position, part.steps[position], result
        )
        with briefly(self.store):
            mock_rows.set_elapsed(self.store, self.mock_id, self.elapsed(now))

    def close(self, part: Part, status: str) -> None:
        """Close a story's rehearsal: 'finished' when each of its steps was answered or
        skipped, else `status`."""
        from coach.services import rehearsals

        if part.rehearsal_id is None:
            return
        done = all(i in part.results for i in range(len(part.steps)))
        rehearsals.finish(self.store, part.rehearsal_id, "finished" if done else status)

    def finish(self, status: str, now: float) -> None:
        """Close the stored mock: 'finished' (time up, or no question left) or 'ended'."""
        if self.mock_id is None:
            return
        self.closed = True  # its clock is written no more, closed or not
        try:
            with briefly(self.store), self.store.write():
                if self.cut is not None:  # ended before the cut question was answered again
                    let_stand(self.store, self.cut)
                mock_rows.close(self.store, self.mock_id, status, self.elapsed(now))
            self.cut = None
        finally:
            self.let_go()  # if it could not be closed, the next start offers it

    def keep_time(self, now: float) -> None:
        """Store the mock's clock as it runs: a crash mid-answer loses a few seconds of it,
        not the whole answer's."""
        if self.mock_id is not None and not self.closed:
            with briefly(self.store):
                mock_rows.set_elapsed(self.store, self.mock_id, self.elapsed(now))

    def let_go(self) -> None:
        """This window stops giving the mock (closed, or the window goes): another may
        resume it from now on."""
        if self.live is not None:
            self.live.release()
            self.live = None

    @property
    def rehearsal_ids(self) -> list[int]:
        return [p.rehearsal_id for p in self.parts if p.rehearsal_id is not None]

    def without_story(self) -> list[CommonQuestion]:
        """The questions answered with no story: the ones to write a story for."""
        return [p.question for p in self.parts if p.improvised]
