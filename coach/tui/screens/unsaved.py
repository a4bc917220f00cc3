"""Asked before any typed text could be lost: leaving with text not saved yet, and a story
deleted in another window while it was being written here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea


class UnsavedDialog(ModalScreen[bool]):
    """Text is not saved yet: keep trying (False, the default) or leave without it (True)."""

    BINDINGS = [
        Binding("escape,k", "answer(False)", "Keep trying"),
        Binding("d", "answer(True)", "Discard"),
    ]

    def __init__(self, what: list[str], reason: str, *, quitting: bool = False) -> None:
        super().__init__(classes="dialog")
        self.what = what
        self.reason = reason
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        leave = "Quit" if self.quitting else "Leave"
        with Vertical(classes="dialog-box"):
            yield Static(
                f"Not saved yet: {', '.join(self.what)}.\n{self.reason}\n\n"
                "Coach keeps trying while you stay; your text is still on screen.",
                classes="dialog-question",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep trying (k)", variant="primary", id="keep")
                yield Button(f"{leave} and lose it (d)", variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "discard")

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)


@dataclass(frozen=True)
class Keystroke:
    """A key typed while a dialog was in the way: its name and the text it types."""

    key: str
    text: str


EDITING = {"enter": "\n", "backspace": "", "delete": ""}
"""Keys that edit text without being printable, and the text each types."""


def type_into(widget: Widget | None, typed: Sequence[Keystroke]) -> None:
    """Put keys typed while a dialog was up into the field or detail they were meant for,
    as if typed there (over a selection, backspace and delete included)."""
    for stroke in typed:
        if isinstance(widget, TextArea):
            if stroke.key == "backspace":
                widget.action_delete_left()
            elif stroke.key == "delete":
                widget.action_delete_right()
            else:
                widget.replace(stroke.text, *widget.selection, maintain_selection_offset=False)
        elif isinstance(widget, Input):
            if stroke.key == "backspace":
                widget.action_delete_left()
            elif stroke.key == "delete":
                widget.action_delete_right()
            elif stroke.text.strip("\n"):
                widget.replace(stroke.text.splitlines()[0], *widget.selection)


class GoneDialog(ModalScreen[str | None]):
    """The story was deleted in another window: put it back ("restore"), save what is on
    screen as a new story ("new"), or let it go ("discard"); escape decides later (None).

    It opens while the user types: no button takes focus and only ctrl keys answer, so
    letters, space and enter typed on meanwhile choose nothing; they are kept in `typed`,
    for the form to put where they were meant to go (`type_into`)."""

    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("ctrl+r", "answer('restore')", "Restore it"),
        Binding("ctrl+n", "answer('new')", "Save as new"),
        Binding("ctrl+d", "answer('discard')", "Discard"),
        Binding("escape", "answer(None)", "Later"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.typed: list[Keystroke] = []
        """What was typed while asked, in order."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(
                f"“{self.title_text}” was deleted in another window. What you typed here is "
                "still on screen, and nowhere else; keys typed now are kept too. "
                "Esc: decide later.",
                classes="dialog-question",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore it (ctrl+r)", variant="primary", id="restore")
                yield Button("Save as new (ctrl+n)", id="new")
                yield Button("Discard (ctrl+d)", variant="error", id="discard")

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.focused is not None:
            return  # pressing the button chosen with tab
        if event.is_printable or event.key in EDITING:
            text = EDITING.get(event.key, event.character or "")
            self.typed.append(Keystroke(event.key, text))
            event.stop()
            event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        self.typed.append(Keystroke("paste", event.text))
        event.stop()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_answer(self, choice: str | None) -> None:
        self.dismiss(choice)
