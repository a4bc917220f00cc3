"""One form field: its question, a TextArea, and live length and checks under it (those the
user dismissed on the text as it is are shown apart, dimmed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from coach.core.checks import check_field
from coach.core.dismissals import Dismissal, split_findings
from coach.core.findings import Finding
from coach.core.templates import FieldSpec
from coach.core.text import plural, speaking_seconds, word_count


def stats_line(spec: FieldSpec, text: str) -> tuple[str, str]:
    """The words / speaking-time line under a field, and a class for its colour."""
    words = word_count(text)
    seconds = speaking_seconds(text)
    line = (
        f"{plural(words, 'word')} · ~{seconds} s to say · "
        f"target {spec.target_words} words, {spec.target_seconds} s"
    )
    if seconds > spec.target_seconds * 1.2:
        return line, "over"
    if seconds >= spec.target_seconds * 0.8:
        return line, "near"
    return line, "under"


CHECK_PAUSE = 0.25
"""Seconds of no typing before the words, the time to say and the checks are worked out
again: a burst of typing costs only the TextArea (see form_keystroke_ratio in bench/)."""


class FieldEditor(Vertical):
    """Edits one field's text; the screen saves it (see `dirty`, `text`, `rev`, `saved`)."""

    @dataclass
    class Focused(Message):
        editor: FieldEditor

    @dataclass
    class Edited(Message):
        editor: FieldEditor

    @dataclass
    class Checked(Message):
        """The field's findings were worked out again (the outline shows its mark)."""

        editor: FieldEditor

    def __init__(
        self,
        spec: FieldSpec,
        text: str,
        rev: int,
        vague_words: tuple[str, ...],
        dismissals: Sequence[Dismissal] = (),
    ) -> None:
        super().__init__(id=f"field-{spec.key}", classes="field-editor")
        self.spec = spec
        self.rev = rev
        self.saved = text
        """The text as last saved or loaded: anything else in the editor is unsaved."""
        self.vague_words = vague_words
        self.dismissals = list(dismissals)
        """What the user dismissed on this field (each holds the text it was dismissed on)."""
        self.flags: tuple[Finding, ...] = ()
        """The story's red flags found in this field (the screen works them out)."""
        self.compared: frozenset[str] = frozenset()
        """The numbers other fields of the story set against something (the screen too)."""
        self.findings: list[Finding] = []
        """The findings that count: live, not dismissed on the text as it is."""
        self.dismissed: list[Finding] = []
        self._status_timer: Timer | None = None
        self._shown: dict[str, str] = {}
        """What each status line shows now, so that an unchanged line is not redrawn."""

    def compose(self) -> ComposeResult:
        yield Static(self.spec.label, classes="field-label", markup=False)
        yield Static(self.spec.prompt, classes="field-prompt", markup=False)
        yield TextArea(
            self.saved,
            soft_wrap=True,
            tab_behavior="focus",
            id=f"text-{self.spec.key}",
            placeholder=f"e.g. {self.spec.example}",
        )
        yield Static("", classes="field-stats")
        yield Static("", classes="field-findings")
        yield Static("", classes="field-dismissed")

    def on_mount(self) -> None:
        self._refresh_status()

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    @property
    def text(self) -> str:
        return self.area.text

    @property
    def dirty(self) -> bool:
        return self.area.text != self.saved

    def mark_saved(self, text: str, rev: int) -> None:
        self.saved = text
        self.rev = rev

    def load(self, text: str, rev: int) -> None:
        """Replace the text with the stored one (not an edit: nothing to save)."""
        self.mark_saved(text, rev)
        self.area.load_text(text)
        self._refresh_status()

    def restore(self, text: str) -> None:
        """Put an earlier revision's text back, as an edit (it will be saved)."""
        self.area.replace(text, (0, 0), self.area.document.end)

    def _show(self, name: str, content: str) -> None:
        """Update one status line only if it changed. The words-and-time line keeps its one
        line, so it is redrawn without laying the form out again (a layout of the whole
        form on every pause in typing is what made long fields slow)."""
        before = self._shown.get(name)
        if before == content:
            return
        self._shown[name] = content
        relayout = before is None or name != "field-stats"
        self.query_one(f".{name}", Static).update(Text(content), layout=relayout)

    def _refresh_status(self) -> None:
        if self._status_timer is not None:
            self._status_timer.stop()
            self._status_timer = None
        text = self.area.text
        line, level = stats_line(self.spec, text)
        self._show("field-stats", line)
        self.query_one(".field-stats", Static).set_classes(f"field-stats {level}")
        found = [*check_field(self.spec, text, self.vague_words, self.compared), *self.flags]
        kept, dismissed = split_findings(found, {self.spec.key: text}, self.dismissals)
        self.findings, self.dismissed = list(kept), list(dismissed)
        lines = []
        for f in kept:
            lines.append(f"! {f.message}")
            if f.question:
                lines.append(f"  an interviewer may ask: {f.question}")
        self._show("field-findings", "\n".join(lines))
        self._show("field-dismissed", "\n".join(f"dismissed · {f.message}" for f in dismissed))
        self.set_class(bool(self.findings), "has-findings")
        self.set_class(bool(dismissed), "has-dismissed")
        self.post_message(self.Checked(self))

    def show_flags(self, flags: Sequence[Finding], compared: frozenset[str] = frozenset()) -> bool:
        """Show the red flags found in this field now, and check its figures against the
        numbers other fields compare; True if either changed."""
        if tuple(flags) == self.flags and compared == self.compared:
            return False
        self.flags, self.compared = tuple(flags), compared
        self._refresh_status()
        return True

    def set_dismissals(self, dismissals: Sequence[Dismissal]) -> None:
        """The field's dismissals as stored now (after a dismiss or an undo)."""
        self.dismissals = list(dismissals)
        self._refresh_status()

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(CHECK_PAUSE, self._refresh_status)
        self.post_message(self.Edited(self))

    def check_now(self) -> None:
        """Work out the findings at once if typing left them pending (before a dismissal)."""
        if self._status_timer is not None:
            self._refresh_status()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.post_message(self.Focused(self))

    def focus_text(self) -> None:
        """Focus the text with the cursor at its end, ready to carry on writing."""
        self.area.focus()
        self.area.move_cursor(self.area.document.end)
        self.scroll_visible(top=True, animate=False)
