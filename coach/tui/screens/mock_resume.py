"""After a crash: the mock interview left unfinished is offered again, to resume where it
stopped or to discard."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.core.text import format_seconds, plural
from coach.services.mock import Mock, Settings
from coach.services.mock_record import MockReport, time_left
from coach.tui.screens.base import CoachScreen


def unfinished_line(stored: MockReport, cut: int | None = None) -> str:
    """What was left: the questions answered (not the one cut mid-way, at `cut`, which is
    asked again) and the time left."""
    row = stored.mock
    answered = stored.answered - (cut is not None)
    line = (
        f"A mock interview was left unfinished ({row.minutes} minutes, {row.kind}): "
        f"{plural(answered, 'question') if answered else 'no question'} answered, "
        f"{format_seconds(max(0.0, time_left(row)))} left."
    )
    if cut is not None:
        line += f" Question {cut + 1} was cut: it is asked again."
    return line


class ResumeDialog(ModalScreen[str | None]):
    """Resume the unfinished mock ('resume'), discard it ('discard'), or neither (None)."""

    BINDINGS = [
        Binding("r", "answer('resume')", "Resume"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("escape", "answer", "Not now"),
    ]

    def __init__(self, stored: MockReport, cut: int | None = None) -> None:
        super().__init__(classes="dialog")
        self.stored = stored
        self.cut = cut

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(
                f"{unfinished_line(self.stored, self.cut)}\n\nResume it where it stopped, or "
                "discard it? What you told with a story stays in that story's history either way.",
                classes="dialog-question",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Resume (r)", variant="primary", id="resume")
                yield Button("Discard (d)", id="discard")
                yield Button("Not now (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "later" else event.button.id)

    def action_answer(self, answer: str | None = None) -> None:
        self.dismiss(answer)


def ask_about(
    screen: CoachScreen, stored: MockReport, then: Callable[[str | None], object]
) -> None:
    """Ask; a discard is done here (and said), then `then` gets the answer."""
    app, store = screen.app, screen.coach.store

    def answered(answer: str | None) -> None:
        if answer == "discard":
            from coach.services.mock_record import discard
            from coach.services.stories import StoreError

            try:
                discard(store, stored.mock.id)
            except StoreError as exc:
                app.notify(f"Not discarded: {exc}", severity="error", timeout=8)
                answer = None
            else:
                app.notify("Unfinished mock discarded.")
        then(answer)

    from coach.services.mock_live import cut

    app.push_screen(ResumeDialog(stored, cut(store, stored.mock.id)), answered)


def offer_first(screen: CoachScreen, then: Callable[[tuple[Settings, int] | None], object]) -> None:
    """Before a new mock: if one was left unfinished, ask; `then` gets the settings and id of
    the mock to resume, or None for a new one."""
    from coach.services.mock_record import unfinished

    stored = unfinished(screen.coach.store)
    if stored is None:
        then(None)
        return
    row = stored.mock

    def answered(answer: str | None) -> None:
        then((Settings(row.minutes, row.kind, row.seed), row.id) if answer == "resume" else None)

    ask_about(screen, stored, answered)


def resumed(screen: CoachScreen, mock_id: int) -> Mock | None:
    """The stored mock, to go on with; None (and said) when it cannot be."""
    from coach.services.matching import common_questions
    from coach.services.mock_live import take
    from coach.services.mock_record import resume
    from coach.services.stories import StoreError

    loaded = common_questions(screen.coach.workspace)
    store, live = screen.coach.store, None
    try:
        live = take(store, mock_id)  # first: another window's live mock is left as it is
        interview = resume(store, mock_id, loaded.questions, screen.coach.clock())
    except (LookupError, StoreError) as exc:
        if live is not None:
            live.release()
        screen.notify(f"Not resumed: {exc}", severity="error", timeout=8)
        return None
    interview.live = live
    if interview.cut is not None:
        screen.notify(f"Resumed: question {interview.cut.position + 1} asked again")
    else:
        screen.notify(f"Resumed: {plural(len(interview.parts), 'question')} answered")
    return interview


def offer_unfinished_mock(screen: CoachScreen) -> None:
    """From the bank at start-up: offer the unfinished mock, if there is one and the bank
    is the screen in front (not under a rehearsal `coach rehearse` opened)."""
    from coach.services.mock_record import unfinished

    app = screen.app
    if app.screen is not screen or len(app.screen_stack) > 1:
        return
    stored = unfinished(screen.coach.store)
    if stored is None:
        return

    def then(answer: str | None) -> None:
        if answer == "resume":
            from coach.tui.screens.mock import MockScreen

            row = stored.mock
            app.push_screen(MockScreen(Settings(row.minutes, row.kind, row.seed), resume=row.id))

    ask_about(screen, stored, then)
