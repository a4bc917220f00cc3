"""The interview's own clock while the mock is given: the time left on the stage line,
counted down as the user talks (not only when a key is pressed), and kept in the database
every few seconds, so a crash mid-answer resumes with the time that was left.

One timer for the screen's life; each tick reads the clock (a stalled UI shows the right
time at its next tick, as the pacing timer does) and redraws only when the shown second
changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from coach.tui.widgets.pacing_timer import TICK

if TYPE_CHECKING:
    from coach.tui.screens.mock import MockScreen

KEEP_EVERY = 5.0
"""Seconds of the interview between two writes of its clock: the most a crash loses."""


class MockClock:
    """Ticks for one mock screen (see start)."""

    def __init__(self, screen: MockScreen) -> None:
        self.screen = screen
        self.shown: int | None = None
        """The whole seconds left on the stage line now."""
        self.kept: float | None = None
        """The clock's reading at the last write of the mock's time."""

    def start(self) -> None:
        self.screen.set_interval(TICK, self.tick)

    def tick(self) -> None:
        screen = self.screen
        interview = screen.interview
        if interview is None or screen.over is not None:
            return
        now = screen.coach.clock()
        if interview.mock_id is not None and (self.kept is None or now - self.kept >= KEEP_EVERY):
            self.kept = now
            screen.keep(("clock",), lambda: interview.keep_time(now))
        if int(max(0.0, interview.left(now))) != self.shown:
            self.show_stage()

    def show_stage(self) -> None:
        """The stage line again, with the time left now (what refresh_view shows there)."""
        from coach.tui.screens.mock_view import question_stage

        screen = self.screen
        stage = screen.query_one("#stage", Static)
        session = screen.session
        if screen.picking:
            stage.update(question_stage(screen))
        elif session is not None and not session.done:
            stage.update(screen._stage_line(session, session.step))
