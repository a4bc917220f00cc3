"""What a story sheet says, as plain data for the sheet templates (no rendering here).

A sheet follows its form template: each section of fields in the template's order,
the technical section as a compact table, the figures of every spoken field in bold
(number-checked fields made prominent as well), the target time of each part that is
said aloud, then what rehearsals taught: the follow-ups found hardest with the notes
taken, and the last rehearsal's times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from coach.core.figures import find_figures
from coach.core.findings import Finding
from coach.core.redflags import red_flags
from coach.core.stories import Story
from coach.core.templates import FieldSpec, FormTemplate
from coach.core.text import format_seconds, speaking_seconds

SECTION_TITLES = {
    "pitch": "The pitch",
    "technical": "Technical details",
    "audience": "Plain-language pitch",
    "star": "The story",
    "prep": "Questions it answers",
}
TABLE_SECTIONS = frozenset({"technical"})
UNSPOKEN_SECTIONS = frozenset({"prep"})
"""Sections whose fields are never said aloud (the STAR questions a story answers): no
target time on the sheet, no figures in bold."""


def figure_spans(text: str) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each marked True where it is a figure ('12%', '$1.2M', the
    '40' of '40 features'); years and names with digits ('Q3 2023', 'F1') stay plain."""
    out: list[tuple[str, bool]] = []
    last = 0
    for figure in find_figures(text):
        if figure.start > last:
            out.append((text[last : figure.start], False))
        out.append((figure.text, True))
        last = figure.end
    if last < len(text):
        out.append((text[last:], False))
    return out


@dataclass(frozen=True)
class SheetField:
    key: str
    label: str
    text: str
    target_seconds: int
    figures: bool
    """The field asks for numbers: the sheet makes the field stand out."""
    spoken: bool = True
    """Said aloud in a rehearsal: the sheet gives its target time and bolds its figures."""

    @cached_property
    def said_seconds(self) -> int:
        """How long the text takes to say at the usual pace (counted when a sheet asks)."""
        return speaking_seconds(self.text)

    @property
    def target(self) -> str:
        return format_seconds(self.target_seconds)

    @property
    def said(self) -> str:
        return format_seconds(self.said_seconds)

    @property
    def over(self) -> bool:
        return self.spoken and self.said_seconds > self.target_seconds


@dataclass(frozen=True)
class SheetSection:
    key: str
    title: str
    table: bool
    fields: tuple[SheetField, ...]

    @property
    def target(self) -> str:
        return format_seconds(sum(f.target_seconds for f in self.fields if f.spoken))

    @property
    def spoken(self) -> bool:
        """Some of its fields are said aloud: the section has a target time."""
        return any(f.spoken for f in self.fields)


@dataclass(frozen=True)
class ReadyFor:
    """A red flag in the story, as the sheet's "Be ready for" lists it: the question it
    invites and the part of the story it was found in."""

    question: str
    label: str
    flag: str


def ready_for(template: FormTemplate, findings: Iterable[Finding]) -> tuple[ReadyFor, ...]:
    """The red flags among `findings`, each with its field's label, in their order."""
    return tuple(
        ReadyFor(f.question, spec.label if (spec := template.field(f.key)) else f.key, f.flag)
        for f in findings
        if f.check == "red_flag"
    )


@dataclass(frozen=True)
class HardQuestion:
    """A follow-up the user found hard: the latest rating and the notes they took."""

    question: str
    category: str
    rating: str
    note: str
    when: str


@dataclass(frozen=True)
class TimedAnswer:
    prompt: str
    target: str
    actual: str
    over: bool
    rating: str
    skipped: bool


@dataclass(frozen=True)
class LastRehearsal:
    when: str
    persona: str
    answers: tuple[TimedAnswer, ...]
    status: str = "finished"
    """finished, ended (early) or unfinished (the app was closed during it)."""

    @property
    def heading(self) -> str:
        """'12 Mar 2026 · technical interviewer · ended early'."""
        parts = [self.when]
        if self.persona:
            parts.append(f"{self.persona} interviewer")
        if self.status != "finished":
            parts.append("ended early" if self.status == "ended" else "not finished")
        return " · ".join(parts)


@dataclass(frozen=True)
class Sheet:
    title: str
    slug: str
    template: str
    template_title: str
    company: str
    role: str
    dates: str
    tags: tuple[str, ...]
    competencies: tuple[str, ...]
    sections: tuple[SheetSection, ...]
    pitch_seconds: int
    """The target time of the pitch said in a rehearsal: the template's pitch fields."""
    hardest: tuple[HardQuestion, ...] = ()
    last: LastRehearsal | None = None
    ready: tuple[ReadyFor, ...] = ()
    """Be ready for: the questions the story's red flags invite."""

    @property
    def byline(self) -> str:
        return " · ".join(p for p in (self.company, self.role, self.dates) if p)

    @property
    def pitch_target(self) -> str:
        return format_seconds(self.pitch_seconds)


def _field(spec: FieldSpec, text: str) -> SheetField:
    return SheetField(
        key=spec.key,
        label=spec.label,
        text=text.strip(),
        target_seconds=spec.target_seconds,
        figures="number" in spec.checks,
        spoken=spec.section not in UNSPOKEN_SECTIONS,
    )


def sections(template: FormTemplate, fields: dict[str, str]) -> tuple[SheetSection, ...]:
    """The template's sections in the order their first field appears."""
    order: list[str] = []
    grouped: dict[str, list[SheetField]] = {}
    for spec in template.fields:
        if spec.section not in grouped:
            order.append(spec.section)
            grouped[spec.section] = []
        grouped[spec.section].append(_field(spec, fields.get(spec.key, "")))
    return tuple(
        SheetSection(
            key=key,
            title=SECTION_TITLES.get(key, key.replace("_", " ").capitalize()),
            table=key in TABLE_SECTIONS,
            fields=tuple(grouped[key]),
        )
        for key in order
    )


def build_sheet(
    story: Story,
    template: FormTemplate,
    *,
    hardest: Iterable[HardQuestion] = (),
    last: LastRehearsal | None = None,
    flags: Iterable[Finding] | None = None,
) -> Sheet:
    """The sheet of `story`. `flags` are its red flags as the user keeps them (those they
    dismissed left out); by default every red flag its text raises."""
    extra = {k: v for k, v in story.fields.items() if k not in template.keys}
    secs = sections(template, story.fields)
    if extra:
        # Fields a template no longer has still belong on the user's sheet.
        kept = tuple(
            SheetField(k, k.replace("_", " ").capitalize(), v.strip(), 0, False, spoken=False)
            for k, v in sorted(extra.items())
        )
        secs += (SheetSection("other", "Other notes", False, kept),)
    return Sheet(
        title=story.title,
        slug=story.slug,
        template=story.template,
        template_title=template.title,
        company=story.company,
        role=story.role,
        dates=story.dates,
        tags=tuple(story.tags),
        competencies=tuple(story.competencies),
        sections=secs,
        pitch_seconds=sum(f.target_seconds for f in template.pitch_fields),
        hardest=tuple(hardest),
        last=last,
        ready=ready_for(template, red_flags(template, story.fields) if flags is None else flags),
    )


def timed_answer(
    prompt: str, target_seconds: float, seconds: float | None, rating: str, skipped: bool
) -> TimedAnswer:
    return TimedAnswer(
        prompt=prompt,
        target=format_seconds(target_seconds),
        actual="" if seconds is None else format_seconds(seconds),
        over=seconds is not None and seconds > target_seconds,
        rating=rating,
        skipped=skipped,
    )


def first_lines(texts: Sequence[str], limit: int = 3) -> str:
    """Up to `limit` distinct non-empty notes, oldest first, joined for one cell."""
    seen: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        if text and text not in seen:
            seen.append(text)
    return " / ".join(seen[-limit:])
