"""After a rehearsal or a drill: every step's time against its target, the ratings, what to
work on, and what comes back when. A drill of several stories is one summary of the
rehearsals it stored, one per story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Header, Static

from coach.core.questions import QuestionSet
from coach.core.rehearsal import LENGTH_LABELS, WHOLE_PITCH
from coach.core.text import format_seconds, plural, visible
from coach.services import rehearsals
from coach.services.drill import Scope, coming_back, rated_weak, weak_across
from coach.services.rehearsals import AnswerRow, Report
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.heard import HeardReady, HeardSummary

_KIND = {"section": "pitch", "checkin": "check-in", "followup": "follow-up"}
_STATUS = {"finished": "finished", "ended": "ended early", "unfinished": "unfinished"}
_HEADINGS = {
    "kind": "",
    "story": "Story",
    "step": "Step",
    "target": "Target",
    "actual": "Actual",
    "over": "Over/under",
    "rating": "Rating",
    "note": "Note",
}
_WIDTHS = {
    "kind": 9,
    "story": 18,
    "target": 6,
    "actual": 6,
    "over": 10,
    "rating": 11,
    "note": 20,
}
"""The table's columns but the step, which takes the room they leave."""
STEP_ROOM = 28
"""The room the step column wants before other columns are left out."""


def over_under(answer: AnswerRow) -> Text:
    if answer.seconds is None or answer.skipped:
        return Text("skipped" if answer.skipped else "", style="dim")
    delta = answer.seconds - answer.target_seconds
    if round(delta) == 0:
        return Text("on time", style="green")
    if delta > 0:
        return Text(f"+{format_seconds(delta)} over", style="red")
    return Text(f"{format_seconds(-delta)} under", style="green")


@dataclass(frozen=True)
class Part:
    """One stored rehearsal in the summary, with the question set its story is asked from."""

    report: Report
    qset: QuestionSet


class AgainDialog(ModalScreen[str | None]):
    """After a rehearsal with weak answers: drill those ('drill'), rehearse the whole story
    again ('again'), or stay (None)."""

    BINDINGS = [
        Binding("d", "answer('drill')", "Drill them"),
        Binding("r", "answer('again')", "Rehearse again"),
        Binding("escape", "answer", "Stay"),
    ]

    def __init__(self, weak: int) -> None:
        super().__init__(classes="dialog")
        self.weak = weak

    def compose(self) -> ComposeResult:
        them = "it" if self.weak == 1 else "them"
        with Vertical(classes="dialog-box"):
            yield Static(
                f"You rated {plural(self.weak, 'follow-up')} weak just now. Drill {them} now, "
                "or rehearse the whole story again?",
                classes="dialog-question",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"Drill the {self.weak} (d)", variant="primary", id="drill")
                yield Button("Rehearse again (r)", id="again")

    def on_mount(self) -> None:
        self.query_one("#drill", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_answer(self, answer: str | None = None) -> None:
        self.dismiss(answer)


class SummaryScreen(CoachScreen):
    """The report of one rehearsal, or of a drill's rehearsals, read back from the database."""

    BINDINGS = [
        Binding("a", "add_note", "Add note to story"),
        Binding("r", "again", "Rehearse again"),
        Binding("escape,q", "close", "Back to bank"),
        Binding("tab", "app.focus_next", "Next area"),
    ]

    def __init__(
        self,
        rehearsal_ids: int | Sequence[int],
        qset: QuestionSet | None = None,
        *,
        drill: Scope | None = None,
    ) -> None:
        super().__init__()
        self.rehearsal_ids = [rehearsal_ids] if isinstance(rehearsal_ids, int) else [*rehearsal_ids]
        self.rehearsal_id = self.rehearsal_ids[0]
        self.qset = qset
        self.drill = drill
        """What the drill summed up here re-asked; None after a rehearsal."""
        self.parts: list[Part] = []
        self.answers: list[AnswerRow] = []
        self.part_of: list[Part] = []
        """The part each row of the table (each of `answers`) belongs to."""
        self.added: set[int] = set()
        self._shown: tuple[str, ...] = ()
        """The table's columns, as fit the terminal's width."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            with VerticalScroll(id="summary-head-box"):
                yield Static(id="summary-head")
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="summary-notes"):
                yield HeardSummary(id="heard-summary")
                yield Static(id="work-on")
                yield Static(id="coming-back")
        yield Footer()

    def _qset_for(self, template: str) -> QuestionSet:
        if self.qset is not None and self.qset.template == template:
            return self.qset
        return self.coach.question_sets.for_template(template)

    def on_mount(self) -> None:
        store = self.coach.store
        for rehearsal_id in self.rehearsal_ids:
            report = rehearsals.report(store, rehearsal_id)
            self.parts.append(Part(report, self._qset_for(report.story.template)))
        first = self.parts[0].report
        self.row, self.story = first.rehearsal, first.story
        several = len(self.parts) > 1
        what = f"{len(self.parts)} stories" if several else self.story.title
        self.sub_title = f"{'drill' if self.drill else 'summary'} · {what}"
        self._fill_table(self.app.size.width)
        self._fill_text()
        self._fill_heard()
        self.query_one(DataTable).focus()

    def _fill_heard(self) -> None:
        heard = [
            (self._title(part, a), part.report.heard[a.position])
            for part, a in zip(self.part_of, self.answers, strict=True)
            if a.position in part.report.heard
        ]
        pace = rehearsals.pace([row for _, row in heard])
        self.query_one(HeardSummary).show(pace, heard)

    def on_heard_ready(self, message: HeardReady) -> None:
        """An answer of this rehearsal was heard after the summary opened."""
        for n, part in enumerate(self.parts):
            if part.report.rehearsal.id == message.rehearsal_id:
                heard = rehearsals.heard_in(self.coach.store, message.rehearsal_id)
                self.parts[n] = Part(replace(part.report, heard=heard), part.qset)
                self.part_of = [self.parts[n] if p is part else p for p in self.part_of]
                self._fill_heard()
                self._fill_text()

    def on_resize(self) -> None:
        if self.parts and self._columns_for(self.size.width) != self._shown:
            self._fill_table(self.size.width)

    def _columns_for(self, width: int) -> tuple[str, ...]:
        """The columns that fit `width`: the step takes the room; the note and the target go
        first on a narrow terminal (the note is shown in full when it is added)."""
        several = len(self.parts) > 1
        wanted = ["kind", *(["story"] if several else []), "step", "target", "actual", "over"]
        wanted += ["rating", "note"]
        for drop in ("note", "target", "story"):
            if sum(_WIDTHS[c] + 2 for c in wanted if c != "step") + STEP_ROOM + 6 <= width:
                break
            if drop in wanted:
                wanted.remove(drop)
        return tuple(wanted)

    def _fill_table(self, width: int) -> None:
        """(Re)build the table for a terminal `width` wide, keeping the cursor's row."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        self._shown = self._columns_for(width)
        others = sum(_WIDTHS[c] + 2 for c in self._shown if c != "step")
        table.clear(columns=True)
        for column in self._shown:
            size = (
                max(STEP_ROOM, min(60, width - others - 6)) if column == "step" else _WIDTHS[column]
            )
            table.add_column(_HEADINGS[column], key=column, width=size)
        self.answers, self.part_of = [], []
        for part in self.parts:
            for a in part.report.answers:
                self._add_row(table, part, a)
        if 0 < cursor < table.row_count:
            table.move_cursor(row=cursor)

    def _add_row(self, table: DataTable[object], part: Part, a: AnswerRow) -> None:
        rating = a.rating.label if a.rating else ""
        cells: dict[str, object] = {
            "kind": _KIND[a.kind],
            "story": Text(visible(part.report.story.title), overflow="ellipsis", no_wrap=True),
            "step": Text(visible(self._title(part, a)), overflow="ellipsis", no_wrap=True),
            "target": format_seconds(a.target_seconds),
            "actual": "" if a.seconds is None else format_seconds(a.seconds),
            "over": over_under(a),
            "rating": Text(rating, style="red" if a.rating and a.rating.weak else ""),
            "note": Text(visible(a.note), overflow="ellipsis", no_wrap=True),
        }
        table.add_row(*(cells[c] for c in self._shown), key=str(len(self.answers)))
        self.answers.append(a)
        self.part_of.append(part)

    def _title(self, part: Part, answer: AnswerRow) -> str:
        if answer.kind == "section":
            spec = self.coach.templates.get(part.report.story.template).field(answer.key)
            if spec is None:
                return "The whole pitch" if answer.key == WHOLE_PITCH else answer.key
            return spec.label
        if answer.kind == "checkin":
            chosen = next((c.label for c in part.qset.choices if c.key == answer.key), "")
            return f"Check-in: {chosen or 'no preference'}"
        return answer.prompt

    def _head(self, total: float, target: float, pitch_line: str) -> Text:
        statuses = {p.report.rehearsal.status for p in self.parts}
        status = next((k for k in ("unfinished", "ended") if k in statuses), "finished")
        what = (
            f"{len(self.parts)} stories"
            if len(self.parts) > 1
            else escape(visible(self.story.title))
        )
        lead = f"Drill · [b]{what}[/b]" if self.drill else f"[b]{what}[/b]"
        if not self.drill:
            lead += f" · {LENGTH_LABELS.get(self.parts[0].report.length, 'standard')}"
        return Text.from_markup(
            f"{lead} · {_STATUS[status]} · spoke {format_seconds(total)} against "
            f"{format_seconds(target)} of targets{pitch_line}"
        )

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
        self.query_one("#summary-head", Static).update(self._head(total, target, pitch_line))
        weak = weak_across((p.qset, p.report) for p in self.parts)
        parts: list[str] = []
        for score in weak:
            bits = []
            if score.ratings and score.average <= 2:
                bits.append(f"average rating {score.average:.1f} of 4")
            if score.over:
                bits.append(f"over time ×{score.over}")
            parts.append(f"{escape(score.label)} ({', '.join(bits)})")
        long = [
            f"{escape(self._title(part, a))} "
            f"(+{format_seconds((a.seconds or 0) - a.target_seconds)})"
            for part, a in zip(self.part_of, self.answers, strict=True)
            if a.kind == "section" and not a.skipped and (a.seconds or 0) - a.target_seconds >= 1
        ]
        if long:
            parts.append("pitch over time: " + ", ".join(long))
        if parts:
            work = "[b]Work on:[/b] " + "; ".join(parts)
        else:
            work = "[b]Work on:[/b] nothing rated weak or over time this round."
        self.query_one("#work-on", Static).update(Text.from_markup(work))
        due = Table.grid(padding=(0, 1))
        due.add_column(no_wrap=True)
        due.add_column()
        for report, d in coming_back(self.coach.store, ((p.qset, p.report) for p in self.parts)):
            about = f"{report.story.title}: " if len(self.parts) > 1 else ""
            due.add_row(f"  {d.when}", Text(f"{about}{d.text} ({d.rating.label})"))
        head = Text.from_markup("[b]Coming back:[/b]")
        shown = Group(head, due) if due.row_count else head + " no follow-ups were rated."
        self.query_one("#coming-back", Static).update(shown)

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.answers or table.cursor_row < 0:
            return None
        return table.cursor_row

    def action_add_note(self) -> None:
        """Show the highlighted answer's note to edit, then add it to the story's field."""
        from coach.services.notes import add_to_field, note_target
        from coach.tui.screens.dialogs import NoteDialog

        row = self._selected()
        answer = None if row is None else self.answers[row]
        if row is None or answer is None or not answer.note:
            self.notify("This answer has no note to add", severity="warning")
            return
        if row in self.added:
            self.notify("This note is in the story already")
            return
        part = self.part_of[row]
        target = note_target(self.coach.templates, part.qset, part.report, answer)
        if target is None:
            self.notify("No field of this story to add the note to", severity="warning")
            return

        def edited(text: str | None) -> None:
            if text is None:
                return
            from coach.services.stories import StoreError

            try:
                added = add_to_field(self.coach.store, target, text)
            except StoreError as exc:
                self.notify(f"Note not added (a again tries): {exc}", severity="error", timeout=8)
                return
            if not added:
                self.notify("The note is empty: nothing added", severity="warning")
                return
            self.added.add(row)
            self.notify(f"Note added to {part.report.story.title!r}: its {target.label}")

        self.app.push_screen(NoteDialog(target.label, answer.note), edited)

    def action_again(self) -> None:
        """Rehearse the story again; after weak answers, offer to drill them first. After a
        drill: drill the ones rated weak just now, or (none) what the drill asked, again."""
        from coach.tui.screens.drill import open_drill

        weak = rated_weak(p.report for p in self.parts)
        if self.drill is not None:
            scope = weak if weak.pairs else self.drill
            empty = "Nothing left to drill: no follow-up here is rated weak now."
            open_drill(self.app, scope, replace=True, empty=empty)
            return
        if not weak.pairs:
            self._rehearse_again()
            return

        def chosen(answer: str | None) -> None:
            if answer == "drill":
                open_drill(self.app, weak, replace=True, empty="Nothing rated weak to drill.")
            elif answer == "again":
                self._rehearse_again()

        self.app.push_screen(AgainDialog(len(weak.pairs)), chosen)

    def _rehearse_again(self) -> None:
        from coach.tui.screens.rehearsal import RehearsalScreen

        again = RehearsalScreen(
            self.row.story_id,
            persona=self.row.persona or None,
            length=self.parts[0].report.length,
        )
        self.app.switch_screen(again)

    def action_close(self) -> None:
        self.app.pop_screen()
