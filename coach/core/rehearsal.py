"""One rehearsal as a sequence of steps: the pitch's sections, the check-in, the follow-ups.

The session keeps a pacing clock for the step being answered and the result of each step;
a screen (or a test) drives it and stores each result as it comes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.core.pacing import PacingClock
from coach.core.questions import QuestionSet
from coach.core.schedule import Rating
from coach.core.templates import FormTemplate

if TYPE_CHECKING:  # the command line reads LENGTHS here without the follow-up engine
    from coach.core.followups import Pick

CHECKIN_SECONDS = 15
"""How long the check-in answer should take: a sentence, not a speech."""

LENGTHS = ("short", "standard", "deep")
"""How long a rehearsal runs: the 30-second version of the story, the pitch section by
section with its follow-ups, or a deep dive with follow-ups until DEEP_SECONDS."""

LENGTH_LABELS = {"short": "short (30 s)", "standard": "standard", "deep": "deep dive (10 min)"}

SHORT_SECONDS = 30
"""The whole pitch, told as one answer, in a short rehearsal."""

DEEP_SECONDS = 600
"""A deep dive's targets in all: the pitch, the check-in and as many follow-ups as fill it."""

WHOLE_PITCH = "whole-pitch"
"""The key of a short rehearsal's one step (no field of a form has it)."""


@dataclass(frozen=True)
class Step:
    kind: str
    """'section', 'checkin' or 'followup'."""
    key: str
    """The field key of a section, the question id of a follow-up, 'checkin'."""
    title: str
    prompt: str
    target_seconds: int
    notes: str = ""
    why: str = ""
    category: str = ""
    reason: str = ""
    probes: tuple[str, ...] = ()
    field: str = ""
    """For a follow-up: the story's field it is about (its text is in `notes`)."""
    field_label: str = ""
    """That field's label in the form, to head the notes with."""
    strong: str = ""
    """For a follow-up: what a strong answer contains, to show after the rating."""
    served: str = ""
    """For a follow-up: the gap type it was asked for (empty, no_figure, vague, red_flag,
    filled)."""
    flag: str = ""
    """For a follow-up asked about a red flag: the flag's key."""


@dataclass
class Result:
    seconds: float
    rating: Rating | None = None
    note: str = ""
    skipped: bool = False
    choice: str = ""
    """For the check-in: the direction chosen ('' for no preference)."""


def pitch_steps(template: FormTemplate, fields: Mapping[str, str]) -> list[Step]:
    """The pitch's sections in order, each with its target time and the user's notes."""
    return [
        Step(
            "section",
            spec.key,
            spec.label,
            spec.prompt,
            spec.target_seconds,
            notes=fields.get(spec.key, "").strip(),
        )
        for spec in template.pitch_fields
    ]


def short_step(template: FormTemplate, fields: Mapping[str, str]) -> Step:
    """The whole pitch as one answer against SHORT_SECONDS; its notes are every section's
    text, each under its label."""
    parts = []
    for spec in template.pitch_fields:
        text = fields.get(spec.key, "").strip()
        parts.append(f"{spec.label}: {text}" if text else f"{spec.label}: (nothing written yet)")
    return Step(
        "section",
        WHOLE_PITCH,
        "The whole pitch",
        "Tell the whole story in one go: what it was, what you did, what came of it.",
        SHORT_SECONDS,
        notes="\n\n".join(parts),
    )


def opening_steps(
    length: str, template: FormTemplate, fields: Mapping[str, str], qset: QuestionSet
) -> list[Step]:
    """What a rehearsal of this length asks before its follow-ups: the pitch in one step
    (short), or its sections then the check-in (standard, deep)."""
    if length == "short":
        return [short_step(template, fields)]
    return [*pitch_steps(template, fields), checkin_step(qset)]


def fill_to(picks: Sequence[Pick], seconds: float) -> list[Pick]:
    """The first picks whose targets add up to at least `seconds` (all of them when they
    fall short): a deep dive asks follow-ups until its time is filled."""
    taken: list[Pick] = []
    total = 0.0
    for pick in picks:
        if total >= seconds:
            break
        taken.append(pick)
        total += pick.question.target_seconds
    return taken


def checkin_step(qset: QuestionSet) -> Step:
    options = " · ".join(f"{i} {c.label}" for i, c in enumerate(qset.choices, 1))
    return Step("checkin", "checkin", "Check-in", qset.checkin_text, CHECKIN_SECONDS, notes=options)


def followup_steps(qset: QuestionSet, picks: Sequence[Pick]) -> list[Step]:
    """The follow-ups as steps: each with the story's text for the field it is about (in
    `notes`, headed by `field_label`) and what a strong answer contains (`strong`)."""
    return [
        Step(
            "followup",
            p.question.id,
            qset.category(p.question.category).label,
            p.text,
            p.question.target_seconds,
            notes=p.notes,
            why=p.question.why,
            category=p.question.category,
            reason=p.reason,
            probes=p.question.probes,
            field=p.field,
            field_label=p.label,
            strong=qset.strong(p.question),
            served=p.served,
            flag=p.flag,
        )
        for p in picks
    ]


@dataclass
class Session:
    """Where the rehearsal is: the step being answered, its clock, and every result so far.

    Phases: 'answering' (the clock runs), 'rating' (a follow-up's answer is done and waits
    for its rating), 'done' (past the last step).
    """

    steps: list[Step]
    clock: Callable[[], float] = time.monotonic
    position: int = 0
    phase: str = "answering"
    results: dict[int, Result] = field(default_factory=dict)
    pacing: PacingClock = field(init=False)

    def __post_init__(self) -> None:
        self._arm()

    def _arm(self) -> None:
        if self.position >= len(self.steps):
            self.phase = "done"
            return
        self.phase = "answering"
        self.pacing = PacingClock(self.step.target_seconds, self.clock)
        self.pacing.start()

    @property
    def step(self) -> Step:
        return self.steps[self.position]

    @property
    def done(self) -> bool:
        return self.phase == "done"

    def toggle_pause(self) -> bool:
        """Pause or resume the clock; True when it now runs."""
        if self.pacing.running:
            self.pacing.pause()
        else:
            self.pacing.start()
        return self.pacing.running

    def finish_answer(self, choice: str = "") -> Result:
        """The user stopped talking: stop the clock and keep the time.

        A section or the check-in moves on at once; a follow-up waits for its rating.
        """
        self.pacing.pause()
        result = Result(seconds=self.pacing.elapsed(), choice=choice)
        self.results[self.position] = result
        if self.step.kind == "followup":
            self.phase = "rating"
        else:
            self.advance()
        return result

    def rate(self, rating: Rating) -> Result:
        result = self.results[self.position]
        result.rating = rating
        return result

    def add_note(self, note: str) -> Result:
        result = self.results[self.position]
        result.note = note.strip()
        return result

    def skip(self) -> Result:
        self.pacing.pause()
        result = Result(seconds=self.pacing.elapsed(), skipped=True)
        self.results[self.position] = result
        self.advance()
        return result

    def advance(self) -> None:
        self.position += 1
        self._arm()

    def back(self) -> bool:
        """Go back one step to answer it again; False at the first step."""
        if self.position == 0:
            return False
        self.position -= 1
        self._arm()
        return True

    def add_followups(self, steps: Sequence[Step]) -> None:
        """Plan the follow-ups (after the check-in); replaces any planned before."""
        kept = [s for s in self.steps if s.kind != "followup"]
        self.steps = kept + list(steps)
        if self.phase == "done" and self.position < len(self.steps):
            self._arm()
