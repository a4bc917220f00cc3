"""The microphone in rehearsal: `m` turns it on (once the extra, the model and an input are
there) or off, and the choice is remembered in voice.yaml. While it is on, each answer's
clock records (services/voice/recording.py); when the answer ends a worker hears it, the
answer's line appears under the clock, and it is stored with the answer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.errors import InputError
from coach.core.rehearsal import Result, Session, Step
from coach.services.stories import Store, StoreError
from coach.tui.widgets.heard import HeardLog, HeardReady, heard_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from coach.core.stories import Story
    from coach.core.templates import FormTemplate
    from coach.services.voice.analysis import Analysis
    from coach.services.voice.recording import AudioInput, Listener, Recording, Wanted


class Take:
    """One answer being recorded: which step, and its result when the recording began
    (a new result when it stops means the answer was given)."""

    def __init__(self, position: int, step: Step, before: Result | None, recording: Recording):
        self.position = position
        self.step = step
        self.before = before
        self.recording = recording


class AnswerRecorder:
    """What the microphone does for one rehearsal screen."""

    def __init__(self, app: App[None], store: Store, log: HeardLog, config_dir: Path) -> None:
        self.app = app
        self.store = store
        self.log = log
        self.config_dir = config_dir
        self.on = False
        self.keep_audio = True
        self.take: Take | None = None
        self._listener: Listener | None = None
        self._checking = False

    def audio(self) -> AudioInput:
        """The app's sound input if it has one (tests play a file), else the microphone."""
        from coach.services.voice.recording import Microphone

        given: AudioInput | None = getattr(self.app, "voice_input", None)
        return given if given is not None else Microphone()

    def start_as_remembered(self) -> None:
        """Turn the microphone on if voice.yaml says so; a bad voice.yaml is said."""
        from coach.services.voice.settings import read_settings

        try:
            settings = read_settings(self.config_dir)
        except InputError as exc:
            self.app.notify(f"Microphone off: {exc}", severity="error", timeout=10)
            return
        self.keep_audio = settings.keep_audio
        if settings.microphone:
            self._check(remember=False)

    def toggle(self) -> None:
        if self._checking:
            return
        if self.on:
            self.on = False
            self._drop_take()
            self._remember(False)
            refresh = getattr(self.app.screen, "refresh_view", None)
            if refresh is not None:
                refresh()
            self.log.microphone = False
            self.log.show()
            self.app.notify("Microphone off", timeout=3)
            return
        self._check(remember=True)

    def _check(self, *, remember: bool) -> None:
        self._checking = True
        audio, config_dir = self.audio(), self.config_dir

        def check() -> None:
            from coach.services.voice.recording import ready

            try:
                ready(audio, config_dir)
            except InputError as exc:
                self.app.call_from_thread(self._refused, str(exc))
                return
            self.app.call_from_thread(self._turned_on, remember)

        self.app.run_worker(check, thread=True, group="microphone")

    def _refused(self, why: str) -> None:
        self._checking = False
        self.app.notify(f"Microphone stays off: {why}", severity="error", timeout=10)

    def _turned_on(self, remember: bool) -> None:
        from coach.services.voice.recording import Listener
        from coach.services.voice.settings import read_settings

        self._checking = False
        self.on = True
        self._listener = self._listener or Listener(self.config_dir)
        try:
            self.keep_audio = read_settings(self.config_dir).keep_audio
        except InputError:
            pass  # said when the screen opened; the default (keep) holds
        if remember:
            self._remember(True)
            self.app.notify("Microphone on: each answer is recorded and heard", timeout=4)
        self.log.microphone = True
        self.log.show()
        refresh = getattr(self.app.screen, "refresh_view", None)
        if refresh is not None:
            refresh()  # shows "microphone: on", and records an answer under way

    def _remember(self, on: bool) -> None:
        from coach.services.voice.settings import set_microphone

        try:
            set_microphone(self.config_dir, on)
        except OSError as exc:
            self.app.notify(f"Not remembered: {exc}", severity="warning", timeout=6)

    # -- following the clock --------------------------------------------------------

    def follow(
        self,
        session: Session | None,
        rehearsal_id: int | None,
        story: Story,
        template: FormTemplate,
    ) -> None:
        """Record the answer whose clock runs now, if any; an answer that has ended is
        heard, one skipped or left (back) is dropped."""
        wanted = self._wanted_position(session)
        take = self.take
        if take is not None and session is not None and take.position == wanted:
            self._follow_pause(take, session)
            return
        if take is not None and session is not None and rehearsal_id is not None:
            self.take = None
            result = session.results.get(take.position)
            if result is not None and result is not take.before and not result.skipped:
                take.recording.stop()
                self._hear(take, rehearsal_id, story, template)
            else:
                take.recording.discard()
        if wanted is not None and session is not None and rehearsal_id is not None:
            self._record(session, wanted, rehearsal_id)
        self.log.recording = self.take.step.title if self.take else ""
        self.log.show()

    @staticmethod
    def _follow_pause(take: Take, session: Session) -> None:
        """The clock paused (space) pauses the recording: nothing said meanwhile is kept."""
        recording = take.recording
        if session.pacing.running and recording.paused:
            recording.resume()
        elif not session.pacing.running and not recording.paused:
            recording.pause()

    def _wanted_position(self, session: Session | None) -> int | None:
        if not self.on or session is None or session.done or session.phase != "answering":
            return None
        return None if session.step.kind == "checkin" else session.position

    def _record(self, session: Session, position: int, rehearsal_id: int) -> None:
        recording = self.start_recording(session)
        if recording is not None:
            self.take = Take(position, session.step, session.results.get(position), recording)

    def start_recording(self, session: Session) -> Recording | None:
        """A new take of the answer whose clock runs (paused with it); None, and said, when
        the sound input cannot be opened."""
        from coach.services.voice.recording import Recording, take_path

        try:
            source = self.audio().open()
        except InputError as exc:
            self.app.notify(f"Not recording: {exc}", severity="error", timeout=8)
            return None
        recording = Recording(source, take_path(self.store.path), session.clock).start()
        if not session.pacing.running:  # turned on while the clock stands
            recording.pause()
        return recording

    def _drop_take(self) -> None:
        if self.take is not None:
            self.take.recording.discard()
            self.take = None
            self.log.recording = ""

    def close(self) -> None:
        """The screen is going: an answer still recording is dropped."""
        self._drop_take()

    # -- hearing, off the UI thread ---------------------------------------------------

    def _hear(self, take: Take, rehearsal_id: int, story: Story, template: FormTemplate) -> None:
        from coach.services.voice.recording import Wanted

        wanted = Wanted(story, template, listened_field(take.step, template))
        self.log.lines[take.position] = (take.step.title, "")
        recording, position, keep = take.recording, take.position, self.keep_audio

        def heard(analysis: Analysis) -> None:
            self._heard(rehearsal_id, position, analysis, recording.path, keep)

        self.hear_in_worker(recording, wanted, position, heard)

    def hear_in_worker(
        self,
        recording: Recording,
        wanted: Wanted,
        key: int,
        heard: Callable[[Analysis], None],
    ) -> None:
        """Hear `recording` in a worker, then `heard(analysis)` on the UI thread; whatever
        goes wrong is said on the answer's line (`key`) and the app goes on."""
        assert self._listener is not None
        app, listener, keep = self.app, self._listener, self.keep_audio

        def hear() -> None:
            try:
                analysis = listener.hear(recording, wanted)
            except Exception as exc:  # noqa: BLE001 - the recogniser's own errors too
                why = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
                if not keep:
                    recording.path.unlink(missing_ok=True)
                app.call_from_thread(self._not_heard, key, why)
                return
            app.call_from_thread(heard, analysis)

        app.run_worker(hear, thread=True, group="hearing", exit_on_error=False)

    def _not_heard(self, position: int, why: str) -> None:
        title, _ = self.log.lines.get(position, ("", ""))
        self.log.lines[position] = (title, f"not heard: {why}")
        self.log.show()
        self.app.notify(f"Not heard: {why}", severity="error", timeout=8)

    def _heard(
        self, rehearsal_id: int, position: int, heard: Analysis, audio: Path, keep: bool
    ) -> None:
        from coach.services.voice.recording import keep_heard

        try:
            row = keep_heard(self.store, rehearsal_id, position, heard, audio, keep)
        except (StoreError, OSError) as exc:
            self.app.notify(f"Heard, but not stored: {exc}", severity="error", timeout=8)
            return
        title, _ = self.log.lines.get(position, ("", ""))
        self.log.lines[position] = (title, heard_line(row))
        self.log.show()
        for screen in self.app.screen_stack:  # the summary may be open by now, or under a dialog
            screen.post_message(HeardReady(rehearsal_id, position))


def listened_field(step: Step, template: FormTemplate, about: str = "") -> str | None:
    """The story's field whose figures an answer to `step` should say: a pitch section's
    own, a follow-up's (or `about`, a drill's, when the step does not say); None for every
    spoken field (a section the form lacks), '' for none."""
    if step.kind == "section":
        return step.key if template.field(step.key) is not None else None
    field = step.field or about
    return field if field and template.field(field) is not None else ""
