"""The mock interview: a common question first, then the story that answers it (the best
matches offered first, or none: improvise), told against one target, two or three of its
follow-ups, and the next question, until the time is up; a report at the end.

The mock is stored part by part the moment each answer is given (a story's answers as a
rehearsal of that story, an improvised one in the mock's part), so closing the app mid-way
loses at most the answer under way; the next mock opened offers to resume it (or discard it).
With the microphone on (`m`, as in rehearsal) each answer is heard too (mock_voice.py).
The stories are matched in a worker: a big bank's index takes a while, and the screen is
drawn first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from coach.core.errors import InputError
from coach.core.rehearsal import Session, Step
from coach.core.text import format_seconds, visible
from coach.services import mock
from coach.services.stories import StoreError
from coach.tui.screens.mock_clock import MockClock
from coach.tui.screens.mock_offers import back_to_bank, offer_prompt
from coach.tui.screens.steps import StepsScreen
from coach.tui.screens.steps_voice import Place, PlacedRecorder, listen

if TYPE_CHECKING:
    from coach.core.common_questions import CommonQuestion


class MockScreen(StepsScreen):
    """A whole mock interview over the bank, from the first question to the report."""

    DEFAULT_CSS = """
    #offers { height: 1fr; margin-top: 1; }
    """

    BINDINGS = [
        *StepsScreen.BINDINGS,  # listed again: the help and the palette read BINDINGS
        Binding("i", "improvise", "No story"),
        Binding("m", "microphone", "Microphone", show=False),
    ]
    ASKING = frozenset({"done", "end", "digit", "improvise"})
    """The keys of a question waiting for its story (the others are a story's)."""

    def __init__(
        self, settings: mock.Settings, *, bell: bool = False, resume: int | None = None
    ) -> None:
        super().__init__(bell=bell)
        self.settings = settings
        self.seed = settings.drawn_with()
        self.resume = resume
        """The stored mock to go on with, once the stories are read."""
        self.show_notes = False
        self.offers: mock.Offers | None = None
        self.interview: mock.Mock | None = None
        self.part: mock.Part | None = None
        self.question: CommonQuestion | None = None
        self.offered: list[mock.Offer] = []
        self.questions: list[CommonQuestion] = []
        self.over: Text | None = None
        """The report's head once the mock is over with no story told (no summary to show)."""
        self.microphone: PlacedRecorder | None = None
        self.ticking = MockClock(self)
        """The time left, counted down live, and the mock's clock kept as it runs."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "improvise":
            return self.picking
        if action == "microphone":
            return self.over is None
        return self.session is not None or action in self.ASKING

    def refresh_view(self) -> None:
        super().refresh_view()
        self.follow_microphone()
        self.refresh_bindings()

    def follow_microphone(self, *, closing: bool = False) -> None:
        """Record the answer whose clock runs, hear the one that just ended (see mock_voice)."""
        if self.microphone is not None:
            self.microphone.follow_steps(self.session, self._place, closing=closing)

    def _place(self, position: int) -> Place:
        from coach.tui.screens.mock_voice import place

        assert self.part is not None
        return place(self, self.part, position)

    def action_microphone(self) -> None:
        if self.microphone is not None:
            self.microphone.toggle()

    def on_unmount(self) -> None:
        if self.microphone is not None:
            self.microphone.close()
        if self.interview is not None:
            self.interview.let_go()  # another window may resume it from now on

    @property
    def filled(self) -> bool:
        """The stories are read and matched to the questions (the bench waits for it)."""
        return self.offers is not None

    @property
    def picking(self) -> bool:
        """A question is asked and waits for its story."""
        return self.question is not None and self.session is None

    def on_mount(self) -> None:
        self._titles()
        offers = OptionList(id="offers")
        offers.display = False
        self.query_one("#rehearsal").mount(offers, before="#notes-box")
        self.query_one("#after").display = False
        self.microphone = listen(self)
        self.ticking.start()
        self.refresh_view()
        self.call_after_refresh(self._offer_unfinished)

    def _offer_unfinished(self) -> None:
        """A mock left unfinished is offered first: resume it, discard it, or neither."""
        from coach.tui.screens.mock_resume import offer_first

        def then(resumed: tuple[mock.Settings, int] | None) -> None:
            if resumed is not None:
                self.settings, self.resume = resumed
                self.seed = self.settings.drawn_with()
                self._titles()
            self._read()

        if self.resume is None:
            offer_first(self, then)
        else:
            self._read()

    def _titles(self) -> None:
        self.sub_title = f"mock interview · {self.settings.minutes} min · {self.settings.kind}"

    @work(thread=True, exclusive=True, group="mock")
    def _read(self) -> None:
        """Draw the questions, index the bank and match the first question, off the UI
        thread; then the others, while the user answers."""
        from coach.services.matching import common_questions

        host = self.coach
        loaded = common_questions(host.workspace)
        questions = mock.draw(loaded.questions, self.settings.kind, self.seed)
        offers = mock.Offers(host.workspace.reader())
        try:
            offers.rank(questions[:1])
            if get_current_worker().is_cancelled:
                return
            self.app.call_from_thread(self._ready, questions, offers, loaded.problems)
            offers.rank(questions[: mock.MOST_ASKED])
        finally:
            offers.close()

    def _ready(
        self, questions: list[CommonQuestion], offers: mock.Offers, problems: list[InputError]
    ) -> None:
        for problem in problems:
            self.notify(f"Common questions not used: {problem}", severity="warning", timeout=10)
        self.questions, self.offers = questions, offers
        if self.resume is not None and self.interview is None:
            self._go_on(self.resume)
        elif self.interview is None:
            self.refresh_view()

    def _go_on(self, mock_id: int) -> None:
        """The stored mock where it stopped: its next question, with the time it had left."""
        from coach.tui.screens.mock_resume import resumed

        self.interview = resumed(self, mock_id)
        if self.interview is None:
            self.resume = None
            self.refresh_view()
        elif self._time_up():
            self._finish("finished")
        else:
            self._ask()

    # -- what the screen shows ---------------------------------------------------------

    def _show_intro(self, stage: Static, prompt: Static, notes: Static) -> None:
        from coach.tui.screens.mock_view import show_intro

        show_intro(self, stage, prompt, notes)

    def time_left(self) -> str:
        assert self.interview is not None
        left = int(max(0.0, self.interview.left(self.coach.clock())))
        self.ticking.shown = left
        return f"{format_seconds(left)} left"

    def _stage_line(self, session: Session, step: Step) -> Text:
        assert self.interview is not None
        number = len(self.interview.parts)
        kinds = [s.kind for s in session.steps]
        if self.part is not None and self.part.improvised:
            head = visible(step.title)
        elif step.kind == "followup":
            n = kinds[: session.position + 1].count("followup")
            head = f"Follow-up {n} of {kinds.count('followup')} · {step.title}"
        else:
            head = visible(step.title)
        return Text.assemble(  # the time left first: at 80 columns the line wraps
            (f"Question {number}", "bold"),
            f" · {self.time_left()} · {head} · target {format_seconds(step.target_seconds)}",
        )

    def _notes_for(self, step: Step) -> Text:
        if self.part is not None and self.part.improvised:
            from coach.tui.screens.mock_view import improvised_note

            return improvised_note(self, self.part)
        if step.kind != "section":
            return super()._notes_for(step)
        if not self.show_notes:
            return Text("notes hidden: tell it from memory (h shows them)", style="dim")
        return Text(step.notes or "nothing written for this story's pitch yet")

    # -- the interview -------------------------------------------------------------------

    def _start(self) -> None:
        """Enter: the first question, or the highlighted story for the question asked."""
        if self.picking:
            highlighted = self.query_one("#offers", OptionList).highlighted
            self._pick(highlighted or 0)
            return
        if self.interview is not None:  # over, with nothing to pick
            return
        if self.offers is None:
            self.notify("Still reading your stories: a moment")
            return
        self.interview = mock.Mock(
            self.coach.store,
            self.questions,
            self.settings.minutes,
            self.seed,
            self.coach.clock(),
            kind=self.settings.kind,
            window=True,
        )
        self._ask()

    def _ask(self) -> None:
        """The next question, with the stories not told yet, the best matches first."""
        assert self.interview is not None and self.offers is not None
        self.question = self.interview.next_question()
        if self.question is None:
            self._finish("finished")
            return
        self.offered = self.offers(self.question, self.interview.used)
        offers = self.query_one("#offers", OptionList)
        offers.clear_options()
        offers.add_options(
            Option(offer_prompt(n, offer), id=str(n)) for n, offer in enumerate(self.offered, 1)
        )
        offers.highlighted = 0
        self.refresh_view()
        offers.focus()

    @on(OptionList.OptionSelected, "#offers")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, index: int) -> None:
        interview, question = self.interview, self.question
        if interview is None or question is None or not 0 <= index < len(self.offered):
            return
        if self._time_up():
            self.notify("Time is up: the interview is over")
            self._finish("finished")
            return
        offer = self.offered[index]
        try:
            part = interview.begin_part(
                question,
                offer.story_id,
                templates=self.coach.templates,
                question_sets=self.coach.question_sets,
                now=self.coach.clock(),
            )
        except (InputError, StoreError) as exc:
            self.notify(f"Not started: {exc}", severity="error", timeout=8)
            return
        self.part = part
        self.query_one("#offers").display = False
        self.set_focus(None)
        self.session = Session(list(part.steps), clock=self.coach.clock)
        self.refresh_view()

    def _store(self, position: int) -> None:
        """Keep the answer with its own part: a write retried later stays with it."""
        interview, part, session = self.interview, self.part, self.session
        assert interview is not None and part is not None and session is not None
        result = session.results[position]
        number, now = len(interview.parts), self.coach.clock()
        self.keep(
            ("step", number, position),
            lambda: interview.record(part, position, result, now=now),
        )

    def _close_part(self, status: str) -> None:
        interview, part = self.interview, self.part
        if interview is None or part is None:
            return
        self.follow_microphone(closing=True)
        self.keep(("close", len(interview.parts)), lambda: interview.close(part, status))
        self.part = self.session = None
        self.question = None

    def _time_up(self) -> bool:
        return self.interview is not None and self.interview.left(self.coach.clock()) <= 0

    def _after_step(self) -> None:
        session = self.session
        assert session is not None
        if not session.done and not self._time_up():
            self.refresh_view()
            return
        self._close_part("finished" if session.done else "ended")
        if self._time_up():
            self.notify("Time is up: the interview is over")
            self._finish("finished")
            return
        self._ask()

    def action_digit(self, value: int) -> None:
        if self.picking:
            self._pick(value - 1)
            return
        super().action_digit(value)

    def action_pause(self) -> None:
        """Space pauses the recording with the clock: nothing said meanwhile is kept."""
        super().action_pause()
        self.follow_microphone()

    def action_improvise(self) -> None:
        if self.picking:
            self._pick(self.offered.index(mock.IMPROVISE))

    def action_end(self) -> None:
        """End now: an answer under way is kept, with the time it ran; then the report."""
        if self.interview is None or self.over is not None:
            back_to_bank(self)
            return
        session = self.session
        if session is not None and not session.done:
            if session.phase == "answering" and session.pacing.elapsed() > 0:
                position = session.position
                session.finish_answer()
                self._store(position)
            self._close_part("ended")
        self._finish("ended")

    def _finish(self, status: str) -> None:
        """The report: see mock_end.py."""
        from coach.tui.screens.mock_end import end_mock

        self.follow_microphone(closing=True)
        end_mock(self, status)
