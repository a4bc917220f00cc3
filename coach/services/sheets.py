"""Story sheets: gathering what a sheet says from the store (coach.render draws it),
every text on it made visible (control characters shown as symbols)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import cache
from typing import TypeVar, cast

from coach.core.dismissals import split_findings
from coach.core.questions import QuestionSets
from coach.core.redflags import red_flags
from coach.core.schedule import Rating
from coach.core.sheets import (
    HardQuestion,
    LastRehearsal,
    Sheet,
    build_sheet,
    first_lines,
    timed_answer,
)
from coach.core.templates import FormTemplate, TemplateSet
from coach.core.text import visible
from coach.services.rehearsals import pace, pace_line
from coach.store import dismissals as dismissal_rows
from coach.store import rehearsals
from coach.store import sheets as sheet_queries
from coach.store import voice as heard_rows
from coach.store.store import Store

HARDEST_LIMIT = 5
T = TypeVar("T")


def _hardest(store: Store, story_id: int, labels: Mapping[str, str]) -> list[HardQuestion]:
    """Follow-ups whose latest rating was weak or very weak, weakest then newest first,
    each with the notes taken on it in any rehearsal."""
    hard = [f for f in sheet_queries.rated_followups(store, story_id) if Rating(f.rating).weak]
    hard.sort(key=lambda f: f.when, reverse=True)
    hard.sort(key=lambda f: f.rating)
    return [
        HardQuestion(
            question=f.prompt,
            category=labels.get(f.category, f.category.replace("_", " ")),
            rating=Rating(f.rating).label,
            note=first_lines(list(f.notes)),
            when=paper_date(f.when),
        )
        for f in hard[:HARDEST_LIMIT]
    ]


def _part(answer: rehearsals.AnswerRow, template: FormTemplate) -> str:
    """What a step of a rehearsal is called on paper: the section's label, 'Check-in',
    or the follow-up question as it was asked."""
    if answer.kind == "section":
        spec = template.field(answer.key)
        return f"Pitch: {spec.label if spec else answer.key}"
    if answer.kind == "checkin":
        return "Check-in"
    return answer.prompt


@dataclass(frozen=True)
class HeardRehearsal(LastRehearsal):
    """The last rehearsal, with how it sounded when the microphone heard its answers."""

    heard: str = ""
    """'150 words a minute (in the band: aim for 130-150) · 1.5 fillers a minute · 2 answers
    heard'; '' when no answer of it was heard."""


def heard_text(store: Store, rehearsal_id: int) -> str:
    """A rehearsal's pace against the band and its fillers a minute, over the answers
    heard in it ('' when none was)."""
    found = pace(list(heard_rows.for_rehearsal(store, rehearsal_id).values()))
    return "" if found is None else pace_line(found)


def _last(store: Store, story_id: int, template: FormTemplate) -> LastRehearsal | None:
    found = sheet_queries.last_rehearsal(store, story_id)
    if found is None:
        return None
    rehearsal_id, persona, started_at, status = found
    rows = rehearsals.answers(store, rehearsal_id)
    return HeardRehearsal(
        when=paper_date(started_at),
        persona=persona,
        status=status,
        answers=tuple(
            timed_answer(
                _part(a, template),
                a.target_seconds,
                a.seconds,
                a.rating.label if a.rating is not None else "",
                a.skipped,
            )
            for a in rows
        ),
        heard=heard_text(store, rehearsal_id),
    )


def paper_date(stamp: str) -> str:
    """A stored time as a date that still reads on paper weeks later: '12 Mar 2026'."""
    return dt.datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y").lstrip("0")


def sheet_for(
    store: Store, story_id: int, templates: TemplateSet, labels: Mapping[str, str]
) -> Sheet:
    story = store.story(story_id)
    template = templates.get(story.template)
    waved = dismissal_rows.for_story(store, story_id)
    flags, _ = split_findings(red_flags(template, story.fields), story.fields, waved)
    order = {key: i for i, key in enumerate(template.keys)}
    flags = tuple(sorted(flags, key=lambda f: order.get(f.key, len(order))))  # as lint lists them
    sheet = build_sheet(
        story,
        template,
        hardest=_hardest(store, story_id, labels),
        last=_last(store, story_id, template),
        flags=flags,
    )
    return shown(sheet)


def shown(data: T) -> T:
    """`data` (a sheet, the bank overview, or a part of one) with every text in it made
    visible: a control character in the user's text is shown as a symbol on every
    sheet, the Markdown, HTML and PDF ones and the app's preview alike, never written
    raw. The same object when nothing needed it (the usual case)."""
    return cast(T, _shown(data))


def _shown(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, tuple | list):
        items = [_shown(item) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            if (new := _shown(old)) is not old:
                changed[name] = new
        return replace(value, **changed) if changed else value
    return value


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def category_labels(question_sets: QuestionSets) -> dict[str, str]:
    """Follow-up category keys to their labels, from every question set in use."""
    return {c.key: c.label for b in question_sets.by_name.values() for c in b.categories}
