"""After a rehearsal: every step's time against its target, the ratings, what to work on."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from coach.core.questions import QuestionSet
from coach.core.text import format_seconds
from coach.services import rehearsals
from coach.services.rehearsals import AnswerRow, weak_categories
from coach.tui.screens.base import CoachScreen

_KIND = {"section": "pitch", "checkin": "check-in", "followup": "follow-up"}
_STATUS = {"finished": "finished", "ended": "ended early", "unfinished": "unfinished"}


def over_under(answer: AnswerRow) -> Text:
    if answer.seconds is None or answer.skipped:
        return Text("skipped" if answer.skipped else "", style="dim")
    delta = answer.seconds - answer.target_seconds
    if round(delta) == 0:
        return Text("on time", style="green")
    if delta > 0:
        return Text(f"+{format_seconds(delta)} over", style="red")
    return Text(f"{format_seconds(-delta)} under", style="green")


class SummaryScreen(CoachScreen):
    """The report of one rehearsal, read back from the database."""

    BINDINGS = [
        Binding("a", "add_note", "Add note to story"),
        Binding("r", "again", "Rehearse again"),
        Binding("escape,q", "close", "Back to bank"),
    ]

    def __init__(self, rehearsal_id: int, qset: QuestionSet) -> None:
        super().__init__()
        self.rehearsal_id = rehearsal_id
        self.qset = qset
        self.answers: list[AnswerRow] = []
        self.added: set[int] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(id="summary-head")
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            yield Static(id="work-on")
            yield Static(id="coming-back")
        yield Footer()

    def on_mount(self) -> None:
        self.report = rehearsals.report(self.coach.store, self.rehearsal_id)
        self.row, self.story = self.report.rehearsal, self.report.story
        self.sub_title = f"summary · {self.story.title}"
        self.answers = self.report.answers
        table = self.query_one(DataTable)
        table.add_column("", width=9)
        table.add_column("Step", width=44)
        table.add_columns("Target", "Actual", "Over/under", "Rating")
        table.add_column("Note", width=24)
        for a in self.answers:
            rating = a.rating.label if a.rating else ""
            style = "red" if a.rating and a.rating.weak else ""
            table.add_row(
                _KIND[a.kind],
                Text(self._title(a), overflow="ellipsis", no_wrap=True),
                format_seconds(a.target_seconds),
                "" if a.seconds is None else format_seconds(a.seconds),
                over_under(a),
                Text(rating, style=style),
                Text(a.note, overflow="ellipsis", no_wrap=True),
                key=str(a.position),
            )
        self._fill_text()
        table.focus()

    def _title(self, answer: AnswerRow) -> str:
        if answer.kind == "section":
            spec = self.coach.templates.get(self.story.template).field(answer.key)
            return spec.label if spec else answer.key
        if answer.kind == "checkin":
            chosen = next((c.label for c in self.qset.choices if c.key == answer.key), "")
            return f"Check-in: {chosen or 'no preference'}"
        return answer.prompt

    def _fill_text(self) -> None:
        said = [a for a in self.answers if a.seconds is not None and not a.skipped]
        total = sum(a.seconds or 0 for a in said)
        target = sum(a.target_seconds for a in said)
        pitch = [a for a in said if a.kind == "section"]
        pitch_line = ""
        if pitch:
            pitch_line = (
                f" · pitch {format_seconds(sum(a.seconds or 0 for a in pitch))} of "
                f"{format_seconds(sum(a.target_seconds for a in pitch))}"
            )
        self.query_one("#summary-head", Static).update(
            Text.from_markup(
                f"[b]{escape(self.story.title)}[/b] · {_STATUS[self.row.status]} · spoke "
                f"{format_seconds(total)} against {format_seconds(target)} of targets{pitch_line}"
            )
        )
        weak = weak_categories(self.qset, self.answers)
        parts: list[str] = []
        if weak:
            for score in weak:
                bits = []
                if score.ratings and score.average <= 2:
                    bits.append(f"average rating {score.average:.1f} of 4")
                if score.over:
                    bits.append(f"over time ×{score.over}")
                parts.append(f"{escape(score.label)} ({', '.join(bits)})")
        long = [
            f"{escape(self._title(a))} (+{format_seconds((a.seconds or 0) - a.target_seconds)})"
            for a in said
            if a.kind == "section" and (a.seconds or 0) - a.target_seconds >= 1
        ]
        if long:
            parts.append("pitch over time: " + ", ".join(long))
        if parts:
            work = "[b]Work on:[/b] " + "; ".join(parts)
        else:
            work = "[b]Work on:[/b] nothing rated weak or over time this round."
        self.query_one("#work-on", Static).update(Text.from_markup(work))
        due = rehearsals.coming_back(self.coach.store, self.qset, self.report)
        lines = [f"  {d.when:<12} {escape(d.text)} ({d.rating.label})" for d in due]
        self.query_one("#coming-back", Static).update(
            Text.from_markup(
                "[b]Coming back:[/b]\n" + "\n".join(lines)
                if lines
                else "[b]Coming back:[/b] no follow-ups were rated."
            )
        )

    def _selected(self) -> AnswerRow | None:
        table = self.query_one(DataTable)
        if not self.answers or table.cursor_row < 0:
            return None
        return self.answers[table.cursor_row]

    def action_add_note(self) -> None:
        answer = self._selected()
        if answer is None or not answer.note:
            self.notify("This answer has no note to add", severity="warning")
            return
        if answer.position in self.added:
            self.notify("This note is in the story already")
            return
        key = rehearsals.note_field(self.qset, answer)
        if key not in self.coach.templates.get(self.story.template).keys:
            self.notify("No field of this story to add the note to", severity="warning")
            return
        rehearsals.add_note(self.coach.store, self.row.story_id, key, answer.note)
        self.added.add(answer.position)
        spec = self.coach.templates.get(self.story.template).field(key)
        self.notify(f"Note added to the story's {spec.label if spec else key}")

    def action_again(self) -> None:
        from coach.tui.screens.rehearsal import RehearsalScreen

        self.app.switch_screen(RehearsalScreen(self.row.story_id, persona=self.row.persona or None))

    def action_close(self) -> None:
        self.app.pop_screen()
