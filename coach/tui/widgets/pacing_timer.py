"""The pacing timer: time and a bar over a PacingClock, redrawn only when what it shows changes.

It reads the clock on every tick rather than counting ticks, so a stalled UI shows the right
time as soon as it draws again. Quiet by design: the colour turns twice (near the target, and
past it), nothing blinks.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from coach.core.pacing import Level, PacingClock
from coach.core.text import format_seconds

TICK = 0.1
"""Seconds between looks at the clock; a redraw happens only if the display changed."""

_STYLES = {Level.CALM: "green", Level.NEAR: "yellow", Level.OVER: "bold red"}


def reading(seconds: float) -> str:
    """A time as the timer shows it, in whole seconds gone by (4.6 s reads 0:04): every
    time on a rehearsal screen is read this way, so one answer never shows two times."""
    return format_seconds(int(seconds))


@dataclass(frozen=True)
class Shown:
    """What the timer displays at one moment (compared to skip needless redraws)."""

    seconds: int
    cells: int
    level: Level
    running: bool


class PacingTimer(Widget):
    """Elapsed time against a target, the time left, and a bar that turns near and past it."""

    DEFAULT_CSS = """
    PacingTimer { height: 2; width: 1fr; }
    """

    def __init__(self, *, bell: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.clock: PacingClock | None = None
        self.bell = bell
        self._shown: Shown | None = None
        self._rang = False
        self.stopped = False
        self.last_elapsed = 0.0
        """The elapsed time behind the last look at the clock (for checks and the bench)."""

    def on_mount(self) -> None:
        self.set_interval(TICK, self.tick)

    def show_clock(self, clock: PacingClock | None, *, stopped: bool = False) -> None:
        """Show another clock (or none); a stopped one is an answer already over."""
        self.clock = clock
        self.stopped = stopped
        self.display = clock is not None
        self._rang = False
        self._shown = None
        self.tick()

    def _bar_width(self) -> int:
        return max(10, self.size.width)

    def look(self) -> Shown | None:
        clock = self.clock
        if clock is None:
            return None
        elapsed = clock.elapsed()
        self.last_elapsed = elapsed
        seconds = int(elapsed)
        # the bar moves with the whole seconds shown, so the widget redraws about once a second
        cells = min(self._bar_width(), int(self._bar_width() * seconds / clock.target))
        return Shown(seconds, cells, clock.level(), clock.running)

    def tick(self) -> None:
        shown = self.look()
        if shown is not None and shown.level is Level.OVER and not self._rang:
            self._rang = True
            if self.bell:
                self.app.bell()
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def render(self) -> Text:
        clock = self.clock
        shown = self._shown or self.look()
        if clock is None or shown is None:
            return Text("")
        style = _STYLES[shown.level]
        left = clock.target - shown.seconds
        if left >= 0:
            tail = f"{reading(left)} left"
        else:
            tail = f"{reading(-left)} over"
        state = ""
        if self.stopped:
            state = "  ·  answer over"
        elif not shown.running:
            state = "  ·  paused (space resumes)"
        line = Text.assemble(
            (reading(shown.seconds), style),
            f" of {reading(clock.target)}  ·  ",
            (tail, style),
            (state, "italic"),
        )
        width = self._bar_width()
        bar = Text("█" * shown.cells, style=style)
        bar.append("░" * (width - shown.cells), style="dim")
        return Text("\n").join([line, bar])
