"""The microphone in a drill and in a mock interview: `m` as in rehearsal (the same
remembered setting, the same line under each answer), for screens whose answers belong to
several rehearsals, or to none.

A drill's answers go to one rehearsal per story, a mock's to one per story told; each is
begun at its first answer, so while an answer is recorded its rehearsal may not exist yet.
The recording starts under a name of its own and takes its answer's name (rehearsal and
position) once heard; an answer with no rehearsal (improvised in a mock) is stored with its
mock part (its recording named after the mock and the question).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.clock import utc_now
from coach.core.rehearsal import Session
from coach.services.stories import StoreError
from coach.tui.widgets.heard import HeardLog, HeardReady, heard_line
from coach.tui.widgets.heard_recorder import AnswerRecorder, Take, listened_field

if TYPE_CHECKING:
    from coach.core.stories import Story
    from coach.core.templates import FormTemplate
    from coach.services.voice.analysis import Analysis
    from coach.services.voice.recording import Recording
    from coach.tui.screens.base import CoachScreen


@dataclass(frozen=True)
class Place:
    """Where one answer of a drill or a mock belongs."""

    key: int
    """The answer's line in the screen's log: unique in the screen, later answers higher."""
    story: Story | None
    """The story it tells (its figures listened for); None when improvised."""
    template: FormTemplate | None
    stored: Callable[[], tuple[int, int] | None]
    """(rehearsal id, position) of the stored answer; None while it has none."""
    field: str = ""
    """The story's field a follow-up is about, when its step does not say (a drill's)."""
    improvised: tuple[int, int] | None = None
    """(mock id, question position) of an answer improvised in a mock: stored with its part."""


class PlacedTake(Take):
    """An answer being recorded, with the session it belongs to and its place."""

    def __init__(self, session: Session, position: int, place: Place, recording: Recording):
        super().__init__(position, session.step, session.results.get(position), recording)
        self.session = session
        self.place = place


class PlacedRecorder(AnswerRecorder):
    """The rehearsal's microphone, for answers placed by the screen (see Place)."""

    def follow_steps(
        self, session: Session | None, place: Callable[[int], Place], *, closing: bool = False
    ) -> None:
        """Record the answer whose clock runs now, if any (none when `closing`: the session
        is over); an answer that has ended is heard, one skipped or left (back) is dropped."""
        wanted = None if closing else self._wanted_position(session)
        take = self.take
        if isinstance(take, PlacedTake) and take.session is session and take.position == wanted:
            self._follow_pause(take, take.session)
            return
        if isinstance(take, PlacedTake):
            self.take = None
            result = take.session.results.get(take.position)
            if result is not None and result is not take.before and not result.skipped:
                take.recording.stop()
                self._hear_placed(take)
            else:
                take.recording.discard()
        if wanted is not None and session is not None:
            self._record_placed(session, wanted, place(wanted))
        self.log.recording = self.take.step.title if self.take else ""
        self.log.show()

    def _record_placed(self, session: Session, position: int, place: Place) -> None:
        recording = self.start_recording(session)
        if recording is not None:
            self.take = PlacedTake(session, position, place, recording)

    def _hear_placed(self, take: PlacedTake) -> None:
        from coach.services.voice.recording import Wanted

        step, place = take.step, take.place
        story, template = place.story, place.template
        if story is None or template is None:  # improvised: pace and fillers alone
            wanted = Wanted(None, None, "")
        else:
            wanted = Wanted(story, template, listened_field(step, template, place.field))
        self.log.lines[place.key] = (step.title, "")
        recording, keep = take.recording, self.keep_audio

        def heard(analysis: Analysis) -> None:
            self._heard_placed(place, analysis, recording.path, keep)

        self.hear_in_worker(recording, wanted, place.key, heard)

    def _heard_placed(self, place: Place, heard: Analysis, audio: Path, keep: bool) -> None:
        from coach.services.voice.recording import HeardRow, keep_heard

        title, _ = self.log.lines.get(place.key, ("", ""))
        stored = place.stored()
        if stored is None and place.improvised is not None:
            self._keep_improvised(place, title, heard, audio, keep)
            return
        if stored is None:
            audio.unlink(missing_ok=True)
            if place.story is not None:  # the database refused the answer itself
                self.app.notify("Heard, but not stored: the answer is not stored yet", timeout=8)
            m, engine = heard.measures, heard.engine
            row = HeardRow(
                0, 0, m, heard.figures, heard.transcript, None, engine, heard.model, utc_now()
            )
            self.log.lines[place.key] = (title, heard_line(row))
            self.log.show()
            return
        rehearsal_id, position = stored
        try:
            row = keep_heard(self.store, rehearsal_id, position, heard, audio, keep)
        except (StoreError, OSError) as exc:
            self.app.notify(f"Heard, but not stored: {exc}", severity="error", timeout=8)
            return
        self.log.lines[place.key] = (title, heard_line(row))
        self.log.show()
        for screen in self.app.screen_stack:  # the summary may be open by now
            screen.post_message(HeardReady(rehearsal_id, position))

    def _keep_improvised(
        self, place: Place, title: str, heard: Analysis, audio: Path, keep: bool
    ) -> None:
        from coach.services.voice.recording import keep_improvised

        assert place.improvised is not None
        mock_id, position = place.improvised
        try:
            row = keep_improvised(self.store, mock_id, position, heard, audio, keep)
        except (StoreError, OSError) as exc:
            self.app.notify(f"Heard, but not stored: {exc}", severity="error", timeout=8)
            return
        self.log.lines[place.key] = (title, heard_line(row))
        self.log.show()
        for screen in self.app.screen_stack:  # the report may be open by now
            screen.post_message(HeardReady(0, position))


def listen(screen: CoachScreen) -> PlacedRecorder:
    """The screen's microphone, its log under the clock, on if voice.yaml says so."""
    log = HeardLog(id="heard")
    screen.query_one("#rehearsal").mount(log, after="#pacing")
    config = screen.coach.workspace.config_dir
    microphone = PlacedRecorder(screen.app, screen.coach.store, log, config)
    microphone.start_as_remembered()
    return microphone


def mic_state(microphone: PlacedRecorder | None) -> str:
    """The intro's word on the microphone."""
    on = microphone is not None and microphone.on
    return f"microphone: [b]{'on' if on else 'off'}[/b] (m)"
