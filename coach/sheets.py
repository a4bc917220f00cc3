"""Story sheets: gathering what a sheet says from the store, and rendering it with the
Jinja2 sheet templates (shipped in templates/sheets/, overridable in the user's config
folder under templates/sheets/, by file name)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from coach.core.errors import InputError
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
from coach.paths import shipped_templates_dir, user_templates_dir
from coach.sheet_text import FILTERS
from coach.store import rehearsals
from coach.store.store import Store

SHEET_FORMATS = ("md", "html")
HARDEST_LIMIT = 5


def _hardest(store: Store, story_id: int, labels: Mapping[str, str]) -> list[HardQuestion]:
    """Follow-ups whose latest rating was weak or very weak, weakest then newest first,
    each with the notes taken on it in any rehearsal."""
    latest: dict[str, tuple[int, str, str, str]] = {}
    notes: dict[str, list[str]] = {}
    for key, category, prompt, rating, note, when in store.conn.execute(
        "SELECT key, category, prompt, rating, note, answered_at FROM answers "
        "WHERE story_id = ? AND kind = 'followup' AND skipped = 0 "
        "ORDER BY answered_at, rehearsal_id, position",
        [story_id],
    ):
        if note:
            notes.setdefault(key, []).append(note)
        if rating is not None:
            latest[key] = (int(rating), category, prompt, when)
    hard = [(r, when, key, c, p) for key, (r, c, p, when) in latest.items() if Rating(r).weak]
    hard.sort(key=lambda item: item[1], reverse=True)
    hard.sort(key=lambda item: item[0])
    return [
        HardQuestion(
            question=prompt,
            category=labels.get(category, category.replace("_", " ")),
            rating=Rating(r).label,
            note=first_lines(notes.get(key, [])),
            when=paper_date(when),
        )
        for r, when, key, category, prompt in hard[:HARDEST_LIMIT]
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


def _last(store: Store, story_id: int, template: FormTemplate) -> LastRehearsal | None:
    found = store.conn.execute(
        "SELECT r.id, r.persona, r.started_at, r.status FROM rehearsals r WHERE r.story_id = ? "
        "AND EXISTS (SELECT 1 FROM answers a WHERE a.rehearsal_id = r.id) "
        "ORDER BY r.started_at DESC, r.id DESC LIMIT 1",
        [story_id],
    ).fetchone()
    if found is None:
        return None
    rows = rehearsals.answers(store, int(found[0]))
    return LastRehearsal(
        when=paper_date(str(found[2])),
        persona=str(found[1]),
        status=str(found[3]),
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
    )


def paper_date(stamp: str) -> str:
    """A stored time as a date that still reads on paper weeks later: '12 Mar 2026'."""
    return dt.datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y").lstrip("0")


def sheet_for(
    store: Store, story_id: int, templates: TemplateSet, labels: Mapping[str, str]
) -> Sheet:
    story = store.story(story_id)
    template = templates.get(story.template)
    return build_sheet(
        story,
        template,
        hardest=_hardest(store, story_id, labels),
        last=_last(store, story_id, template),
    )


def category_labels(templates: TemplateSet) -> dict[str, str]:
    """Follow-up category keys to their labels, from every question bank in use."""
    from coach.practice import banks_in_use

    banks = banks_in_use(templates)
    return {c.key: c.label for b in banks.banks.values() for c in b.categories}


def sheet_dirs() -> list[Path]:
    """Where sheet templates are looked up: the user's folder first, then the shipped one."""
    return [user_templates_dir() / "sheets", shipped_templates_dir() / "sheets"]


def _where(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error happened at (Jinja's traceback
    frames carry the template's file name and line)."""
    tb = exc.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_error(exc: Exception) -> InputError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return InputError(
            f"sheet template: {exc.message}; fix the template or remove it to use the shipped one",
            file=exc.filename or exc.name,
            line=exc.lineno,
        )
    file, line = _where(exc)
    return InputError(
        f"sheet template failed: {exc}; fix the template or remove it to use the shipped one",
        file=file,
        line=line,
    )


@dataclass
class SheetWriter:
    """Renders sheets in one format through the sheet templates in use."""

    fmt: str
    dirs: list[Path]

    def __post_init__(self) -> None:
        if self.fmt not in SHEET_FORMATS:
            raise InputError(f"unknown sheet format {self.fmt!r}; use md or html")
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during an export: no stat per sheet
        )
        self.env.filters.update(FILTERS)
        try:
            self.document = self.env.get_template(f"document.{self.fmt}.j2")
        except jinja2.TemplateNotFound as exc:
            raise InputError(f"no sheet template {exc.name}; reinstall coach") from None
        except jinja2.TemplateSyntaxError as exc:
            raise template_error(exc) from None

    def stream(
        self, sheets: Iterable[Sheet], overview: Any = None, title: str = "Story sheets"
    ) -> Iterator[str]:
        """The document's text in pieces, rendering each sheet only when it is reached.
        `sheets` may be a generator: a template must loop over it once only."""
        with _said_in_the_template():
            yield from self.document.generate(sheets=sheets, overview=overview, title=title)

    def render(self, sheets: Sequence[Sheet], overview: Any = None) -> str:
        """The document's text at once (one file's worth: quicker than the pieces)."""
        title = "Story bank overview" if overview else " · ".join(s.title for s in sheets)
        with _said_in_the_template():
            return self.document.render(sheets=sheets, overview=overview, title=title)


@contextmanager
def _said_in_the_template() -> Iterator[None]:
    """A template's own mistakes said as one line with its file and line."""
    try:
        yield
    except InputError:
        raise
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None
    except Exception as exc:  # noqa: BLE001 - only when it happened in a template's code
        if _where(exc)[0] is None:
            raise
        raise template_error(exc) from None


def writer(fmt: str) -> SheetWriter:
    return SheetWriter(fmt, sheet_dirs())
