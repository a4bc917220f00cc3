"""The rehearsal: say the pitch against the clock, answer the check-in, then the follow-ups.

Every answer is stored the moment it is given or rated, so closing the app mid-way loses
nothing already said; the rehearsal stays 'unfinished' until its summary.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Input, Static

from coach.core.questions import PERSONAS, QuestionSet
from coach.core.rehearsal import Session, Step, checkin_step, followup_steps, pitch_steps
from coach.core.schedule import Rating
from coach.core.text import format_seconds, plural
from coach.services import rehearsals
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.pacing_timer import PacingTimer


class NoteInput(Input):
    """The note on an answer; escape leaves it empty and goes on."""

    BINDINGS = [Binding("escape", "skip_note", "No note", show=False)]

    class Skipped(Message):
        pass

    def action_skip_note(self) -> None:
        self.post_message(self.Skipped())


RUBRIC = "  ".join(f"[b]{r.value}[/b] {r.label}" for r in Rating)
PERSONA_CYCLE: tuple[str | None, ...] = (None, *PERSONAS)


class RehearsalScreen(CoachScreen):
    """One rehearsal of one story, from the pitch to the summary."""

    AUTO_FOCUS = ""
    """Keys belong to the screen; the note box takes focus only once an answer is rated."""

    BINDINGS = [
        Binding("enter", "done", "Done / next"),
        Binding("space", "pause", "Pause"),
        Binding("s", "skip", "Skip"),
        Binding("b", "back", "Back"),
        Binding("h", "notes", "Notes"),
        Binding("e", "end", "End"),
        Binding("escape", "end", "End", show=False),
        Binding("p", "persona", "Persona", show=False),
        Binding("plus,equals_sign", "more", "More follow-ups", show=False),
        Binding("minus", "fewer", "Fewer follow-ups", show=False),
        Binding("1", "digit(1)", "Rate 1", show=False),
        Binding("2", "digit(2)", "Rate 2", show=False),
        Binding("3", "digit(3)", "Rate 3", show=False),
        Binding("4", "digit(4)", "Rate 4", show=False),
    ]

    def __init__(
        self, story_id: int, *, persona: str | None = None, followups: int = 5, bell: bool = False
    ) -> None:
        super().__init__()
        self.story_id = story_id
        self.persona = persona
        self.followups = followups
        self.bell = bell
        self.show_notes = True
        self.session: Session | None = None
        self.rehearsal_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="rehearsal"):
            yield Static(id="stage")
            yield Static(id="prompt")
            yield PacingTimer(bell=self.bell, id="pacing")
            with Vertical(id="after"):
                yield Static(RUBRIC, id="rubric")
                yield Static(id="why")
                yield NoteInput(
                    placeholder="A note on this answer (optional); enter goes on, "
                    "escape skips the note",
                    id="note",
                )
            with VerticalScroll(id="notes-box"):
                yield Static(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        store = self.coach.store
        self.story = store.story(self.story_id)
        self.template = self.coach.templates.get(self.story.template)
        self.qset: QuestionSet = self.coach.question_sets.for_template(self.story.template)
        self.sub_title = f"rehearsal · {self.story.title}"
        self.query_one("#after").display = False
        self.refresh_view()

    # -- what the screen shows ---------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        stage = self.query_one("#stage", Static)
        prompt = self.query_one("#prompt", Static)
        notes = self.query_one("#notes", Static)
        timer = self.query_one(PacingTimer)
        after = self.query_one("#after")
        if session is None:
            self._show_intro(stage, prompt, notes)
            timer.show_clock(None)
            after.display = False
            return
        if session.done:
            return
        step = session.step
        stage.update(self._stage_line(session, step))
        prompt.update(Text(step.prompt))
        shown = self._notes_for(step)
        notes.update(shown)
        self.query_one("#notes-box").display = bool(shown.plain)
        rating = session.phase == "rating"
        timer.show_clock(session.pacing, stopped=rating)
        after.display = rating
        if rating:
            result = session.results[session.position]
            rated = f"rated [b]{result.rating.label}[/b]" if result.rating else "rate it"
            self.query_one("#rubric", Static).update(
                f"{format_seconds(result.seconds)} of {format_seconds(step.target_seconds)}"
                f" · {rated}:  {RUBRIC}"
            )
            why = Text.assemble(("Why they ask: ", "bold"), step.why)
            self.query_one("#why", Static).update(why)

    def _show_intro(self, stage: Static, prompt: Static, notes: Static) -> None:
        sections = pitch_steps(self.template, self.story.fields)
        total = sum(s.target_seconds for s in sections)
        who = self.persona or "any interviewer"
        stage.update(Text.assemble(("Ready", "bold"), " · ", self.story.title))
        prompt.update(
            f"Say the pitch out loud, one section at a time ({format_seconds(total)} in all), "
            f"then answer the check-in and {plural(self.followups, 'follow-up')}.\n"
            f"Interviewer: [b]{who}[/b] (p changes) · follow-ups: [b]{self.followups}[/b] "
            f"(+/-) · your notes: [b]{'shown' if self.show_notes else 'hidden'}[/b] (h)\n"
            "Press [b]enter[/b] to start the clock."
        )
        lines = [f"{format_seconds(s.target_seconds):>5}  {s.title}" for s in sections]
        notes.update(Text("\n".join(lines)))
        self.query_one("#notes-box").display = True

    def _stage_line(self, session: Session, step: Step) -> Text:
        kinds = [s.kind for s in session.steps]
        if step.kind == "section":
            n = kinds[: session.position + 1].count("section")
            head = f"Pitch {n} of {kinds.count('section')}"
        elif step.kind == "checkin":
            head = "Check-in"
        else:
            n = kinds[: session.position + 1].count("followup")
            head = f"Follow-up {n} of {kinds.count('followup')}"
        title = "" if step.kind == "checkin" else f" · {step.title}"
        return Text.assemble(
            (head, "bold"), title, f" · target {format_seconds(step.target_seconds)}"
        )

    def _notes_for(self, step: Step) -> Text:
        """What shows under the prompt; the story's own text is never read as markup."""
        if step.kind == "checkin":
            return Text(step.notes + "   ·   enter: no preference")
        if step.kind == "followup":
            return Text(f"chosen because {step.reason}", style="dim")
        if not self.show_notes:
            return Text("notes hidden: say it from memory (h shows them)", style="dim")
        return (
            Text(step.notes)
            if step.notes
            else Text("nothing written for this section yet", style="dim")
        )

    # -- storing -----------------------------------------------------------------

    def _record(self, position: int) -> None:
        session = self.session
        assert session is not None and self.rehearsal_id is not None
        step, result = session.steps[position], session.results[position]
        rehearsals.record_step(self.coach.store, self.rehearsal_id, position, step, result)

    def _start(self) -> None:
        sections = pitch_steps(self.template, self.story.fields)
        steps = [*sections, checkin_step(self.qset)]
        self.rehearsal_id, self.seed = rehearsals.begin(
            self.coach.store, self.story_id, self.persona or ""
        )
        self.session = Session(steps, clock=self.coach.clock)

    def _plan_followups(self, focus: str) -> None:
        assert self.session is not None and self.rehearsal_id is not None
        rehearsals.choose_direction(self.coach.store, self.rehearsal_id, focus)
        picks = rehearsals.plan(
            self.coach.store,
            self.story,
            self.coach.templates,
            self.qset,
            persona=self.persona,
            focus=focus or None,
            limit=self.followups,
            seed=self.seed,
        )
        self.session.add_followups(followup_steps(self.qset, picks))

    def _answered(self, position: int, kind: str, choice: str = "") -> None:
        """A step is over (answered or skipped): store it, plan after the check-in, go on."""
        self._record(position)
        if kind == "checkin":
            self._plan_followups(choice)
        self._after_step()

    def _after_step(self) -> None:
        session = self.session
        assert session is not None
        if session.done:
            self._finish("finished")
        else:
            self.refresh_view()

    def _finish(self, status: str) -> None:
        from coach.tui.screens.summary import SummaryScreen

        assert self.rehearsal_id is not None
        rehearsals.finish(self.coach.store, self.rehearsal_id, status)
        self.app.switch_screen(SummaryScreen(self.rehearsal_id, self.qset))

    # -- keys ----------------------------------------------------------------------

    def action_done(self) -> None:
        session = self.session
        if session is None:
            self._start()
            self.refresh_view()
            return
        if session.done:
            return
        if session.phase == "rating":
            if session.results[session.position].rating is None:
                self.notify("Rate the answer first: 1 to 4 (or s to skip it)")
                return
            self._next_after_note()
            return
        position, kind = session.position, session.step.kind
        session.finish_answer()
        self._answered(position, kind)

    def action_digit(self, value: int) -> None:
        session = self.session
        if session is None or session.done:
            return
        if session.step.kind == "checkin" and session.phase == "answering":
            if value > len(self.qset.choices):
                return
            choice = self.qset.choices[value - 1].key
            position = session.position
            session.finish_answer(choice=choice)
            self._answered(position, "checkin", choice)
            return
        if session.phase != "rating":
            return
        session.rate(Rating(value))
        self._record(session.position)
        self.refresh_view()
        note = self.query_one("#note", Input)
        note.value = session.results[session.position].note
        note.focus()

    def _next_after_note(self) -> None:
        session = self.session
        assert session is not None
        note = self.query_one("#note", Input)
        text = note.value.strip()
        if text != session.results[session.position].note:
            session.add_note(text)
            self._record(session.position)
        note.value = ""
        self.set_focus(None)
        session.advance()
        self._after_step()

    @on(Input.Submitted, "#note")
    def _note_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_done()

    @on(NoteInput.Skipped)
    def _note_skipped(self) -> None:
        self.query_one("#note", Input).value = ""
        self.action_done()

    def action_pause(self) -> None:
        if self.session is None or self.session.done or self.session.phase != "answering":
            return
        running = self.session.toggle_pause()
        self.query_one(PacingTimer).tick()
        self.notify("Clock running" if running else "Paused: space resumes", timeout=2)

    def action_skip(self) -> None:
        session = self.session
        if session is None or session.done:
            return
        position, kind = session.position, session.step.kind
        session.skip()
        self.query_one("#note", Input).value = ""
        self.set_focus(None)
        self._answered(position, kind)

    def action_back(self) -> None:
        session = self.session
        if session is None or session.done:
            return
        if not session.back():
            self.notify("This is the first section")
            return
        self.set_focus(None)
        self.refresh_view()

    def action_notes(self) -> None:
        self.show_notes = not self.show_notes
        self.refresh_view()

    def action_end(self) -> None:
        if self.session is None:
            self.app.pop_screen()
            return
        self._finish("ended")

    def action_persona(self) -> None:
        if self.session is None:
            index = PERSONA_CYCLE.index(self.persona)
            self.persona = PERSONA_CYCLE[(index + 1) % len(PERSONA_CYCLE)]
            self.refresh_view()

    def action_more(self) -> None:
        if self.session is None:
            self.followups = min(30, self.followups + 1)
            self.refresh_view()

    def action_fewer(self) -> None:
        if self.session is None:
            self.followups = max(0, self.followups - 1)
            self.refresh_view()
