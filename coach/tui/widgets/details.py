"""The story's metadata at the top of its form: title, company, role, dates, tags."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.widgets import Input, Label, Static

from coach.core.coverage import normalise
from coach.core.questions import SIGNALS
from coach.core.stories import Story, parse_dates

_FIELDS = (
    ("title", "Title", "A short name you will recognise on the day"),
    ("company", "Company", "Where it happened"),
    ("role", "Role", "Your title there"),
    ("dates", "Dates", "e.g. Mar 2023 - Sep 2023"),
    ("tags", "Tags", "comma separated, e.g. churn, ranking"),
    ("competencies", "Competencies", "e.g. data handling, evaluation, ownership"),
)


def split_list(text: str) -> list[str]:
    items: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if part and part not in items:
            items.append(part)
    return items


class DetailsEditor(Vertical):
    """Edits the metadata; `problems()` says what cannot be saved as typed."""

    @dataclass
    class Edited(Message):
        editor: DetailsEditor

    @dataclass
    class Focused(Message):
        editor: DetailsEditor

    def __init__(self, story: Story, template_title: str) -> None:
        super().__init__(id="details", classes="field-editor")
        self.story = story
        self.template_title = template_title

    def compose(self) -> ComposeResult:
        yield Static(f"Details · {self.template_title}", classes="field-label", markup=False)
        values = {
            "title": self.story.title,
            "company": self.story.company,
            "role": self.story.role,
            "dates": self.story.dates,
            "tags": ", ".join(self.story.tags),
            "competencies": ", ".join(self.story.competencies),
        }
        with Grid(id="details-grid"):
            for key, label, placeholder in _FIELDS:
                yield Label(label)
                yield Input(
                    values[key],
                    placeholder=placeholder,
                    id=f"meta-{key}",
                    compact=True,
                    select_on_focus=False,
                )
        yield Static("", classes="field-findings", id="details-problems")

    def changed(self) -> list[str]:
        """The details that differ from what was last saved or loaded here."""
        new = self.updated_story()
        keys = ("title", "company", "role", "dates", "tags", "competencies")
        return [k for k in keys if getattr(new, k) != getattr(self.story, k)]

    @property
    def dirty(self) -> bool:
        return bool(self.changed())

    def mark_saved(self, story: Story) -> None:
        self.story = story

    def value(self, key: str) -> str:
        return self.query_one(f"#meta-{key}", Input).value

    def _dates_ok(self) -> bool:
        try:
            parse_dates(self.value("dates"))
        except ValueError:
            return False
        return True

    def problems(self) -> list[str]:
        """What cannot be saved as typed; everything else is saved regardless."""
        found = []
        if not self.value("title").strip():
            found.append("! title: every story needs a title; the old one is kept until then")
        if not self._dates_ok():
            found.append(
                "! dates: cannot read this; write e.g. 'Mar 2023 - Sep 2023' "
                "(the old dates are kept until then)"
            )
        return found

    def notes(self) -> list[str]:
        """What is saved as typed but worth knowing: a competency coach does not count."""
        unknown = [c for c in split_list(self.value("competencies")) if normalise(c) not in SIGNALS]
        if not unknown:
            return []
        names = ", ".join(f"'{c}'" for c in unknown)
        return [
            f"! competencies: {names} not one coach counts; kept, but progress lists it "
            f"apart. Known: {', '.join(SIGNALS)}"
        ]

    def updated_story(self) -> Story:
        """The story with the metadata as typed, keeping the old title or dates while the
        new ones cannot be saved (see problems())."""
        return Story(
            id=self.story.id,
            title=self.value("title").strip() or self.story.title,
            template=self.story.template,
            slug=self.story.slug,
            company=self.value("company").strip(),
            role=self.value("role").strip(),
            dates=self.value("dates").strip() if self._dates_ok() else self.story.dates,
            tags=split_list(self.value("tags")),
            competencies=split_list(self.value("competencies")),
            archived=self.story.archived,
        )

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        said = [*self.problems(), *self.notes()]
        self.query_one("#details-problems", Static).update(Text("\n".join(said)))
        self.post_message(self.Edited(self))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.post_message(self.Focused(self))

    def focus_text(self) -> None:
        self.query_one("#meta-title", Input).focus()
        self.scroll_visible(top=True, animate=False)
