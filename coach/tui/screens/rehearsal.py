"""The rehearsal: say the pitch against the clock, answer the check-in, then the follow-ups.

Every answer is stored the moment it is given or rated, so closing the app mid-way loses
nothing already said; the rehearsal stays 'unfinished' until its summary.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from coach.core.questions import PERSONAS, QuestionSet
from coach.core.rehearsal import (
    DEEP_SECONDS,
    LENGTH_LABELS,
    LENGTHS,
    SHORT_SECONDS,
    Session,
    followup_steps,
    opening_steps,
    pitch_steps,
)
from coach.core.text import format_seconds, plural, visible
from coach.services import rehearsals
from coach.services.stories import StoreError
from coach.tui.screens.steps import StepsScreen
from coach.tui.widgets.heard import HeardLog
from coach.tui.widgets.heard_recorder import AnswerRecorder

PERSONA_CYCLE: tuple[str | None, ...] = (None, *PERSONAS)


class RehearsalScreen(StepsScreen):
    """One rehearsal of one story, from the pitch to the summary."""

    BINDINGS = [
        *StepsScreen.BINDINGS,  # listed again: the help and the palette read BINDINGS
        Binding("l", "length", "Length"),
        Binding("p", "persona", "Persona", show=False),
        Binding("plus,equals_sign", "more", "More follow-ups", show=False),
        Binding("minus", "fewer", "Fewer follow-ups", show=False),
        Binding("m", "microphone", "Microphone", show=False),
    ]

    def __init__(
        self,
        story_id: int,
        *,
        persona: str | None = None,
        followups: int = 5,
        bell: bool = False,
        length: str = "standard",
    ) -> None:
        super().__init__(bell=bell)
        self.story_id = story_id
        self.persona = persona
        self.followups = followups
        self.length = length
        """'short', 'standard' or 'deep': l cycles it before the clock starts."""
        self.rehearsal_id: int | None = None

    def on_mount(self) -> None:
        store = self.coach.store
        self.story = store.story(self.story_id)
        self.template = self.coach.templates.get(self.story.template)
        self.qset: QuestionSet = self.coach.question_sets.for_template(self.story.template)
        self.choices = tuple(c.key for c in self.qset.choices)
        self.sub_title = f"rehearsal · {self.story.title}"
        self.query_one("#after").display = False
        log = HeardLog(id="heard")
        self.query_one("#rehearsal").mount(log, after="#pacing")
        config = self.coach.workspace.config_dir
        self.microphone = AnswerRecorder(self.app, self.coach.store, log, config)
        self.microphone.start_as_remembered()
        self.refresh_view()

    def on_unmount(self) -> None:
        self.microphone.close()

    def refresh_view(self) -> None:
        super().refresh_view()
        self.follow_microphone()

    def follow_microphone(self) -> None:
        """Record the answer whose clock runs, hear the one that just ended (microphone on)."""
        if hasattr(self, "microphone"):
            self.microphone.follow(self.session, self.rehearsal_id, self.story, self.template)

    def action_microphone(self) -> None:
        self.microphone.toggle()

    def _show_intro(self, stage: Static, prompt: Static, notes: Static) -> None:
        sections = pitch_steps(self.template, self.story.fields)
        total = sum(s.target_seconds for s in sections)
        who = self.persona or "any interviewer"
        stage.update(Text.assemble(("Ready", "bold"), " · ", visible(self.story.title)))
        if self.length == "short":
            plan = (
                f"Tell the whole story as one answer in {format_seconds(SHORT_SECONDS)}: "
                'the version for "tell me about yourself".'
            )
            count = "[b]none[/b]"
        elif self.length == "deep":
            plan = (
                f"Say the pitch out loud, one section at a time ({format_seconds(total)}), "
                f"then the check-in and follow-ups until {format_seconds(DEEP_SECONDS)} in all."
            )
            count = f"[b]until {format_seconds(DEEP_SECONDS)}[/b]"
        else:
            plan = (
                f"Say the pitch out loud, one section at a time ({format_seconds(total)} in all), "
                f"then answer the check-in and {plural(self.followups, 'follow-up')}."
            )
            count = f"[b]{self.followups}[/b] (+/-)"
        prompt.update(
            f"{plan}\n"
            f"Length: [b]{LENGTH_LABELS[self.length]}[/b] (l changes) · "
            f"interviewer: [b]{who}[/b] (p) · follow-ups: {count} · "
            f"your notes: [b]{'shown' if self.show_notes else 'hidden'}[/b] (h) · "
            f"microphone: [b]{'on' if self._mic_on() else 'off'}[/b] (m)\n"
            "Press [b]enter[/b] to start the clock."
        )
        if self.length == "short":
            sections = opening_steps("short", self.template, self.story.fields, self.qset)
        lines = [f"{format_seconds(s.target_seconds):>5}  {s.title}" for s in sections]
        notes.update(Text("\n".join(lines)))
        self.query_one("#notes-box").display = True

    def _mic_on(self) -> bool:
        return hasattr(self, "microphone") and self.microphone.on

    def _start(self) -> None:
        steps = opening_steps(self.length, self.template, self.story.fields, self.qset)
        try:
            self.rehearsal_id, self.seed = rehearsals.begin(
                self.coach.store, self.story_id, self.persona or "", self.length
            )
        except StoreError as exc:
            self.notify(f"Not started: {exc}", severity="error", timeout=8)
            return
        self.session = Session(steps, clock=self.coach.clock)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The length is chosen on the Ready screen only: out of the footer once it starts."""
        return action != "length" or self.session is None

    def _record(self, position: int) -> None:
        session = self.session
        assert session is not None and self.rehearsal_id is not None
        step, result = session.steps[position], session.results[position]
        rehearsals.record_step(self.coach.store, self.rehearsal_id, position, step, result)

    def _plan_followups(self, focus: str) -> None:
        assert self.session is not None and self.rehearsal_id is not None
        rehearsal_id, store = self.rehearsal_id, self.coach.store
        self.keep("focus", lambda: rehearsals.choose_direction(store, rehearsal_id, focus))
        if self.length == "deep":
            asked = sum(s.target_seconds for s in self.session.steps if s.kind != "followup")
            picks = rehearsals.plan_deep(
                self.coach.store,
                self.story,
                self.coach.templates,
                self.qset,
                asked_seconds=asked,
                persona=self.persona,
                focus=focus or None,
                seed=self.seed,
            )
        else:
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
        """Store the step; after the check-in, plan the follow-ups it steers."""
        self._store(position)
        if kind == "checkin":
            self._plan_followups(choice)
        self._after_step()

    def action_pause(self) -> None:
        """Space pauses the recording with the clock: nothing said meanwhile is kept."""
        super().action_pause()
        self.follow_microphone()

    def _finish(self, status: str) -> None:
        from coach.tui.screens.summary import SummaryScreen

        assert self.rehearsal_id is not None
        self.follow_microphone()
        rehearsal_id, store = self.rehearsal_id, self.coach.store
        self.keep("finish", lambda: rehearsals.finish(store, rehearsal_id, status))
        if self.finish_when_stored(status):
            self.app.switch_screen(SummaryScreen(rehearsal_id, self.qset))

    def action_length(self) -> None:
        if self.session is None:
            index = LENGTHS.index(self.length)
            self.length = LENGTHS[(index + 1) % len(LENGTHS)]
            self.refresh_view()

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
