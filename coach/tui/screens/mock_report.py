"""After a mock interview: each question, the story told (or none), its time against the
target and its ratings; the questions that had no story; then the summary's table of every
answer stored, what to work on and what comes back when."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll

from coach.core.text import format_seconds, plural, visible
from coach.services import mock, mock_record, rehearsals
from coach.services.mock_record import MockReport, PartReport
from coach.services.rehearsals import AnswerRow, Pace, pace_line
from coach.tui.screens.summary import Part, SummaryScreen
from coach.tui.widgets.heard import HeardReady

_ENDED = {"finished": "time up", "ended": "ended early", "unfinished": "unfinished"}


def part_line(number: int, part: PartReport) -> Text:
    """'2. Question → story · 2:10 of 2:00 · strong, weak'; an improvised answer says it
    enters no schedule."""
    target = format_seconds(part.target_seconds)
    told = (
        "skipped"
        if part.seconds is None or part.skipped
        else f"{format_seconds(part.seconds)} of {target}"
    )
    story = Text(visible(part.title))
    if part.could_tell:
        story = Text.assemble(
            ("no story", "bold yellow"), f" (you had one: {visible(part.could_tell)})"
        )
    elif part.told_fit:
        story = Text.assemble(
            ("no story", "bold yellow"), f" ({visible(part.told_fit)} was told already)"
        )
    elif part.improvised:
        story = Text("no story", style="bold red")
    line = Text.assemble(f"{number}. ", visible(part.question), " → ", story, f" · {told}")
    if part.ratings:
        line.append(" · " + ", ".join(r.label for r in part.ratings))
    if part.improvised:
        line.append(" · not in the schedule", style="dim")
    return line


def reportable(stored: MockReport) -> bool:
    """A report screen needs one story told; with none, the head alone is said."""
    return bool(stored.rehearsal_ids)


def head(
    stored: MockReport,
    paces: Mapping[int, Pace] | None = None,
    improvised: Mapping[int, Pace] | None = None,
) -> Text:
    """The mock in a few lines: how it ended, each question and its story (with how it
    sounded, by its rehearsal's id in `paces`, when it was heard), and the questions that had
    none."""
    row, parts = stored.mock, stored.parts
    told = sum(1 for p in parts if not p.improvised)
    shown = Text.assemble(
        ("Mock interview", "bold"),
        f" · {_ENDED.get(row.status, row.status)} · {plural(len(parts), 'question')} in "
        f"{format_seconds(row.elapsed_seconds)} of {row.minutes}:00 · {told} told with a story",
    )
    for number, part in enumerate(parts, 1):
        shown.append("\n")
        shown.append_text(part_line(number, part))
        if part.improvised:
            pace = (improvised or {}).get(number - 1)
        else:
            pace = (paces or {}).get(part.rehearsal_id or 0)
        if pace is not None:
            shown.append("\n   heard: ", style="dim")
            shown.append(pace_line(pace))
    missing = stored.without_story
    if missing:
        shown.append("\nNo story yet for: ", style="bold")
        shown.append("; ".join(visible(q) for q in missing))
        shown.append(" (coach coverage lists every question with none)", style="dim")
    again = stored.told_already
    if again:
        shown.append("\nA second story would help for: ", style="bold")
        shown.append(
            "; ".join(f"{visible(p.question)} ({visible(p.told_fit)} was told)" for p in again)
        )
    if not parts:
        shown.append("\nNo question was answered.", style="dim")
    return shown


class MockReportScreen(SummaryScreen):
    """The report of one mock: its questions, then the summary of what was stored."""

    BINDINGS = [
        Binding("a", "add_note", "Add note to story"),
        Binding("r", "again", "Another mock"),
        Binding("escape,q", "close", "Back to bank"),
        Binding("tab", "app.focus_next", "Next area"),
    ]

    def __init__(self, stored: MockReport) -> None:
        """The summary screen reads the stories' rehearsals (at least one: see `reportable`);
        the head says every question of the stored mock, improvised ones too."""
        super().__init__(stored.rehearsal_ids)
        self.stored = stored

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        return "mock interview · report"

    def _columns_for(self, width: int) -> tuple[str, ...]:
        return tuple(c for c in super()._columns_for(width) if c != "kind" or width >= 100)

    def _title(self, part: Part, answer: AnswerRow) -> str:
        if answer.kind == "section" and answer.key == mock.PITCH_KEY:
            return f"Q: {answer.prompt}"
        return super()._title(part, answer)

    def _head(self, total: float, target: float, pitch_line: str) -> Text:
        paces: dict[int, Pace] = {}
        for part in self.parts:
            pace = rehearsals.pace(list(part.report.heard.values()))
            if pace is not None:
                paces[part.report.rehearsal.id] = pace
        improvised = mock_record.improvised_paces(self.coach.store, self.stored.mock.id)
        return head(self.stored, paces, improvised)

    def on_heard_ready(self, message: HeardReady) -> None:
        """An improvised answer was heard after the report opened (a story's: the summary's
        own handler)."""
        if message.rehearsal_id == 0:
            self._fill_text()

    def on_mount(self) -> None:
        """A long mock's questions are read first: the head takes the keys when it scrolls."""
        self.call_after_refresh(self._focus_long_head)

    def _focus_long_head(self) -> None:
        box = self.query_one("#summary-head-box", VerticalScroll)
        if box.max_scroll_y > 0:
            box.focus()

    def action_close(self) -> None:
        from coach.tui.screens.mock_offers import back_to_bank

        back_to_bank(self)

    def action_again(self) -> None:
        """Another mock of the same length and kind, with other questions."""
        from coach.tui.screens.mock import MockScreen

        settings = mock.Settings(self.stored.mock.minutes, self.stored.mock.kind)
        self.app.switch_screen(MockScreen(settings))
