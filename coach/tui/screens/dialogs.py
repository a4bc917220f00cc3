"""Small modal dialogs: confirm, new story, a note to edit, earlier versions of a field."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from coach.core.templates import TemplateSet
from coach.core.text import plural, word_count
from coach.services.stories import Revision


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(
        self, question: str, yes: str = "Yes", no: str = "No", default: bool = True
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes = yes
        self.no = no
        self.default = default
        """Which button has focus, so which answer enter gives."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class NewStoryDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a title and a template; dismisses (title, template) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, templates: TemplateSet, template: str = "project") -> None:
        super().__init__(classes="dialog")
        self.templates = templates
        self.template = template

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("New story", classes="dialog-question")
            yield Input(placeholder="Title, e.g. Churn model that leaked the future", id="title")
            yield Static("", id="new-problem", classes="problem")
            yield Static("enter: create · tab: choose the form · esc: cancel", classes="dim")
            yield Label("Form", id="form-label")
            options = [
                Option(Text(f"{t.title} ({t.name}): {t.description}"), id=t.name)
                for t in self.templates.templates.values()
            ]
            yield OptionList(*options, id="template")

    def on_mount(self) -> None:
        chooser = self.query_one("#template", OptionList)
        names = list(self.templates.templates)
        if self.template in names:
            chooser.highlighted = names.index(self.template)
        self.query_one("#title", Input).focus()

    def _create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        chooser = self.query_one("#template", OptionList)
        if not title:
            self.query_one("#new-problem", Static).update("Give the story a title first.")
            self.query_one("#title", Input).focus()
            return
        index = chooser.highlighted or 0
        name = chooser.get_option_at_index(index).id or "project"
        self.dismiss((title, name))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._create()

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self._create()

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(ModalScreen[str | None]):
    """A rehearsal note, to edit before it goes into a field of the story; dismisses the
    text to add, or None."""

    BINDINGS = [
        Binding("ctrl+s", "add", "Add to the story", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, label: str, note: str) -> None:
        super().__init__(classes="dialog")
        self.label = label
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="note-box"):
            yield Label(
                Text(f"Add your note to the story's {self.label}"), classes="dialog-question"
            )
            yield Static(
                "It goes at the end of the field, as you leave it here: edit it first.",
                classes="dim",
            )
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add (ctrl+s)", variant="primary", id="add")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _when(stamp: str) -> str:
    moment = dt.datetime.fromisoformat(stamp).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


class RevisionsDialog(ModalScreen[str | None]):
    """Every saved version of a field, newest first; dismisses the text to restore."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, revisions: list[Revision]) -> None:
        super().__init__(classes="dialog")
        self.label = label
        self.revisions = revisions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label(Text(f"Earlier versions of {self.label}"), classes="dialog-question")
            options = []
            for i, rev in enumerate(self.revisions):
                first = rev.text.strip().splitlines()[0] if rev.text.strip() else "(empty)"
                tag = "now" if i == 0 else _when(rev.saved_at)
                other = " · saved over another window's text" if rev.conflict else ""
                words = plural(word_count(rev.text), "word")
                preview = first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0] + " …"
                label = f"{tag} · {words}{other}\n  {preview}"
                options.append(Option(Text(label), id=str(i)))
            yield OptionList(*options, id="revisions")
            yield Static("", id="revision-preview")
            yield Static("enter: restore this version · esc: close", classes="dim")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        preview = Text(self.revisions[event.option_index].text)
        self.query_one("#revision-preview", Static).update(preview)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.revisions[event.option_index].text)

    def action_cancel(self) -> None:
        self.dismiss(None)
