"""Steps answered out loud against the clock, each stored as it is given: what a rehearsal
(screens/rehearsal.py) and a drill (screens/drill.py) share.

A follow-up waits for its rating (1-4) and an optional note; "why they ask" shows once it
is answered. Subclasses start the session, store each step, and finish.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Input, Static

from coach.core.rehearsal import Session, Step
from coach.core.schedule import Rating
from coach.core.text import format_seconds, visible
from coach.services.stories import StoreError
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.pacing_timer import PacingTimer, reading

RETRY_EVERY = 1.0
"""Seconds between tries at storing an answer the database refused (busy, full)."""


class NoteInput(Input):
    """The note on an answer; escape leaves it empty and goes on."""

    BINDINGS = [Binding("escape", "skip_note", "No note", show=False)]

    class Skipped(Message):
        pass

    def action_skip_note(self) -> None:
        self.post_message(self.Skipped())


RUBRIC = "  ".join(f"[b]{r.value}[/b] {r.label}" for r in Rating)


class StepsScreen(CoachScreen):
    """Steps answered out loud against the clock, each stored as it is given."""

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
        Binding("1", "digit(1)", "Rate 1", show=False),
        Binding("2", "digit(2)", "Rate 2", show=False),
        Binding("3", "digit(3)", "Rate 3", show=False),
        Binding("4", "digit(4)", "Rate 4", show=False),
    ]

    def __init__(self, *, bell: bool = False) -> None:
        super().__init__()
        self.bell = bell
        self.show_notes = True
        self.session: Session | None = None
        self.choices: tuple[str, ...] = ()
        """The check-in's answers, by the digit that chooses each."""
        self._pending: dict[object, Callable[[], None]] = {}
        """Writes the database refused, tried again every RETRY_EVERY seconds, in order."""
        self._failure = ""
        self._finishing: str | None = None
        """How the session ended ('finished', 'ended'), while its last writes wait."""

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
        yield Static("", id="save-state", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(RETRY_EVERY, self._retry)

    # -- storing, and trying again when the database refuses -------------------------

    def keep(self, key: object, write: Callable[[], None]) -> bool:
        """Run a write now, or (the database busy, full, read-only) keep it to try again:
        the answer stays in the session meanwhile, and the screen says it is not stored."""
        self._pending.pop(key, None)
        self._pending[key] = write
        return self._retry()

    def _retry(self) -> bool:
        """Try every waiting write, in order; True when none is left."""
        for key, write in list(self._pending.items()):
            try:
                write()
            except StoreError as exc:
                if str(exc) != self._failure:
                    self.notify(f"Not saved yet, will retry: {exc}", severity="error", timeout=8)
                self._failure = str(exc)
                self._show_state()
                return False
            del self._pending[key]
        if self._failure:
            self._failure = ""
            self._show_state()
            self.notify("Saved: every answer is stored now.")
        if self._finishing is not None:
            status, self._finishing = self._finishing, None
            self._finish(status)
        return True

    def _show_state(self) -> None:
        state = self.query_one("#save-state", Static)
        state.update(f"Not saved yet · retrying · {self._failure}")
        state.display = bool(self._failure)

    def _store(self, position: int) -> None:
        self.keep(("step", position), lambda: self._record(position))

    def finish_when_stored(self, status: str) -> bool:
        """True when every answer is stored and the session can close now; else it closes
        as soon as they are (see _retry)."""
        if self._retry():
            return True
        self._finishing = status
        self.notify("Ending once the answers are stored; they stay here meanwhile.")
        return False

    def unsaved(self) -> list[str]:
        return ["answers of this session"] if self._pending else []

    def leave(self, then: Callable[[], object], *, quitting: bool = False) -> None:
        """Run `then` once every answer is stored; until then, ask (see FormScreen.leave)."""
        from coach.tui.screens.unsaved import UnsavedDialog

        if self._retry():
            then()
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self._pending.clear()
                then()

        self.app.push_screen(
            UnsavedDialog(self.unsaved(), self._failure, quitting=quitting), answer
        )

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
        prompt.update(Text(visible(step.prompt)))
        shown = self._notes_for(step)
        shown.plain = visible(shown.plain)
        notes.update(shown)
        self.query_one("#notes-box").display = bool(shown.plain)
        rating = session.phase == "rating"
        timer.show_clock(session.pacing, stopped=rating)
        after.display = rating
        if rating:
            result = session.results[session.position]
            rated = f"rated [b]{result.rating.label}[/b]" if result.rating else "rate it"
            self.query_one("#rubric", Static).update(
                f"{reading(result.seconds)} of {reading(step.target_seconds)} · {rated}:  {RUBRIC}"
            )
            self.query_one("#why", Static).update(self._after_rating(step))

    def _show_intro(self, stage: Static, prompt: Static, notes: Static) -> None:
        raise NotImplementedError

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

    @staticmethod
    def _after_rating(step: Step) -> Text:
        """Shown once an answer is rated: what a strong answer holds, then why they ask."""
        parts: list[str | tuple[str, str]] = []
        if step.strong:
            parts += [("What a strong answer contains: ", "bold"), step.strong, "\n"]
        parts += [("Why they ask: ", "bold"), step.why]
        return Text.assemble(*parts)

    def _notes_for(self, step: Step) -> Text:
        """What shows under the prompt; the story's own text is never read as markup."""
        if step.kind == "checkin":
            return Text(step.notes + "   ·   enter: no preference")
        if step.kind == "followup":
            shown = Text(f"chosen because {step.reason}", style="dim")
            if step.notes and self.show_notes:
                label = step.field_label or step.field
                shown.append_text(Text.assemble("\n\n", (f"Your notes · {label}", "bold"), "\n"))
                shown.append(step.notes)
            elif step.notes:
                shown.append("\nyour notes hidden: say it from memory (h shows them)", "dim")
            return shown
        if not self.show_notes:
            return Text("notes hidden: say it from memory (h shows them)", style="dim")
        return (
            Text(step.notes)
            if step.notes
            else Text("nothing written for this section yet", style="dim")
        )

    # -- what subclasses do ----------------------------------------------------------

    def _start(self) -> None:
        """Set `self.session` going: the clock starts on its first step."""
        raise NotImplementedError

    def _record(self, position: int) -> None:
        """Store the step at `position` as given so far."""
        raise NotImplementedError

    def _finish(self, status: str) -> None:
        """'finished' or 'ended' early: close what was stored and show the summary."""
        raise NotImplementedError

    def _answered(self, position: int, kind: str, choice: str = "") -> None:
        """A step is over (answered or skipped): store it and go on."""
        self._store(position)
        self._after_step()

    def _after_step(self) -> None:
        session = self.session
        assert session is not None
        if session.done:
            self._finish("finished")
        else:
            self.refresh_view()

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
            if value > len(self.choices):
                return
            choice = self.choices[value - 1]
            position = session.position
            session.finish_answer(choice=choice)
            self._answered(position, "checkin", choice)
            return
        if session.phase != "rating":
            return
        session.rate(Rating(value))
        self._store(session.position)
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
            self._store(session.position)
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
            self.notify("This is the first step")
            return
        self.set_focus(None)
        self.refresh_view()

    def action_notes(self) -> None:
        self.show_notes = not self.show_notes
        self.refresh_view()

    def action_end(self) -> None:
        """End now; an answer under way is kept, with the time it ran."""
        session = self.session
        if session is None:
            self.app.pop_screen()
            return
        under_way = session.phase == "answering" and session.pacing.elapsed() > 0
        if not session.done and under_way and session.step.kind != "checkin":
            position = session.position
            session.finish_answer()
            self._store(position)
        self._finish("ended")
