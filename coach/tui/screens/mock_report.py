"""After a mock interview: each question, the story told (or none), its time against the
target and its ratings; the questions that had no story; then the summary's table of every
answer stored, what to work on and what comes back when."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from coach.core.text import format_seconds, plural, visible
from coach.services import mock, rehearsals
from coach.services.rehearsals import AnswerRow
from coach.tui.screens.summary import Part, SummaryScreen

_ENDED = {"finished": "time up", "ended": "ended early"}


def part_line(number: int, part: mock.Part) -> Text:
    """'2. Question → story · 2:10 of 2:00 · strong, weak'."""
    pitch = part.results.get(0)
    told = (
        "skipped"
        if pitch is None or pitch.skipped
        else f"{format_seconds(int(pitch.seconds))} of {format_seconds(part.steps[0].target_seconds)}"
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
        super().__init__([0])
        self.rehearsal_ids = interview.rehearsal_ids
        self.interview = interview
        self.elapsed = elapsed
        self.settings = settings
        self.status = status

    def on_mount(self) -> None:
        store = self.coach.store
        for part in self.interview.parts:
            if part.rehearsal_id is None or part.qset is None:
                continue
            self.parts.append(Part(rehearsals.report(store, part.rehearsal_id), part.qset))
        self.sub_title = "mock interview · report"
        self._fill_table(self.app.size.width)
        self._fill_text()
        self.query_one(DataTable).focus()

    def _columns_for(self, width: int) -> tuple[str, ...]:
        return tuple(c for c in super()._columns_for(width) if c != "kind" or width >= 100)

    def _title(self, part: Part, answer: AnswerRow) -> str:
        if answer.kind == "section" and answer.key == mock.PITCH_KEY:
            return f"Q: {answer.prompt}"
        return super()._title(part, answer)

    def _head(self, total: float, target: float, pitch_line: str) -> Text:
        parts = self.interview.parts
        told = sum(1 for p in parts if not p.improvised)
        head = Text.assemble(
            ("Mock interview", "bold"),
            f" · {_ENDED.get(self.status, self.status)} · {plural(len(parts), 'question')} in "
            f"{format_seconds(int(self.elapsed))} of {self.settings.minutes}:00 · "
            f"{told} told with a story",
        )
        for number, part in enumerate(parts, 1):
            head.append("\n")
            head.append_text(part_line(number, part))
        missing = self.interview.without_story()
        if missing:
            head.append("\nNo story yet for: ", style="bold")
            head.append("; ".join(visible(q.text) for q in missing))
            head.append(" (coach coverage lists every question with none)", style="dim")
        elif not parts:
            head.append("\nNo question was answered.", style="dim")
        return head

    def action_again(self) -> None:
        """Another mock of the same length and kind, with other questions."""
        from coach.tui.screens.mock import MockScreen

        settings = mock.Settings(self.settings.minutes, self.settings.kind)
        self.app.switch_screen(MockScreen(settings))
