"""After a mock interview: each question, the story told (or none), its time against the
target and its ratings; the questions that had no story; then the summary's table of every
answer stored, what to work on and what comes back when."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from coach.core.text import format_seconds, plural, visible
from coach.services import mock
from coach.services.rehearsals import AnswerRow
from coach.tui.screens.summary import Part, SummaryScreen

_ENDED = {"finished": "time up", "ended": "ended early"}


def part_line(number: int, part: mock.Part) -> Text:
    """'2. Question → story · 2:10 of 2:00 · strong, weak'."""
    pitch, target = part.results.get(0), format_seconds(part.steps[0].target_seconds)
    told = (
        "skipped"
        if pitch is None or pitch.skipped
        else f"{format_seconds(pitch.seconds)} of {target}"
    )
    ratings = [
        r.rating.label
        for i, r in sorted(part.results.items())
        if i > 0 and r.rating is not None and not r.skipped
    ]
    story = Text("no story", style="bold red") if part.improvised else Text(visible(part.title))
    line = Text.assemble(f"{number}. ", visible(part.question.text), " → ", story, f" · {told}")
    if ratings:
        line.append(" · " + ", ".join(ratings))
    return line


def reportable(interview: mock.Mock) -> bool:
    """A report screen needs one story told; with none, the head alone is said."""
    return bool(interview.rehearsal_ids)


def head(interview: mock.Mock, elapsed: float, minutes: int, status: str) -> Text:
    """The mock in a few lines: how it ended, each question and its story, and the questions
    that had none."""
    parts = interview.parts
    told = sum(1 for p in parts if not p.improvised)
    shown = Text.assemble(
        ("Mock interview", "bold"),
        f" · {_ENDED.get(status, status)} · {plural(len(parts), 'question')} in "
        f"{format_seconds(elapsed)} of {minutes}:00 · {told} told with a story",
    )
    for number, part in enumerate(parts, 1):
        shown.append("\n")
        shown.append_text(part_line(number, part))
    missing = interview.without_story()
    if missing:
        shown.append("\nNo story yet for: ", style="bold")
        shown.append("; ".join(visible(q.text) for q in missing))
        shown.append(" (coach coverage lists every question with none)", style="dim")
    elif not parts:
        shown.append("\nNo question was answered.", style="dim")
    return shown


class MockReportScreen(SummaryScreen):
    """The report of one mock: its questions, then the summary of what was stored."""

    BINDINGS = [
        Binding("a", "add_note", "Add note to story"),
        Binding("r", "again", "Another mock"),
        Binding("escape,q", "close", "Back to bank"),
    ]

    def __init__(
        self, interview: mock.Mock, elapsed: float, settings: mock.Settings, status: str
    ) -> None:
        """The summary screen reads the stored parts (at least one: see `reportable`); the
        head says every question, improvised ones too."""
        super().__init__(interview.rehearsal_ids)
        self.interview = interview
        self.elapsed = elapsed
        self.settings = settings
        self.status = status

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        return "mock interview · report"

    def _columns_for(self, width: int) -> tuple[str, ...]:
        return tuple(c for c in super()._columns_for(width) if c != "kind" or width >= 100)

    def _title(self, part: Part, answer: AnswerRow) -> str:
        if answer.kind == "section" and answer.key == mock.PITCH_KEY:
            return f"Q: {answer.prompt}"
        return super()._title(part, answer)

    def _head(self, total: float, target: float, pitch_line: str) -> Text:
        return head(self.interview, self.elapsed, self.settings.minutes, self.status)

    def action_close(self) -> None:
        from coach.tui.screens.mock import back_to_bank

        back_to_bank(self)

    def action_again(self) -> None:
        """Another mock of the same length and kind, with other questions."""
        from coach.tui.screens.mock import MockScreen

        settings = mock.Settings(self.settings.minutes, self.settings.kind)
        self.app.switch_screen(MockScreen(settings))
