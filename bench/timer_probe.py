"""One CPU measurement of the pacing timer, run by bench/run.py as a fresh process.

    python bench/timer_probe.py bare SECONDS
    python bench/timer_probe.py widget SECONDS
    python bench/timer_probe.py screen SECONDS PATH/TO/coach.db STORY_ID

Runs a headless app (size 120x40; headless Textual still lays out and renders every
frame, it only skips writing it out) for SECONDS and measures the CPU this process used
over the steady part, after the first WARM_UP_S:

  bare    a bare Textual app (Header, Static, Footer) with a no-op 10 Hz interval: the
          baseline, what any app ticking at 10 Hz costs
  widget  the same app with a PacingTimer over a running clock instead of the Static
  screen  coach's own RehearsalScreen, opened as `coach rehearse STORY_ID` opens it,
          with enter pressed to start the clock of the pitch's first section

Prints one JSON line to stdout: cpu_s, wall_s, cpu_pct (of one core), frames (updates
handed to the display), and for the timer: its ticks, renders and refreshes.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

WARM_UP_S = 1.0
SIZE = (120, 40)
TARGET_S = 120.0
"""The widget mode's clock target: long enough not to turn colour during the run."""


class Counts:
    """Calls counted while measuring (only between `start` and `stop`)."""

    def __init__(self) -> None:
        self.on = False
        self.calls: dict[str, int] = {}

    def bump(self, name: str) -> None:
        if self.on:
            self.calls[name] = self.calls.get(name, 0) + 1


COUNTS = Counts()


def count_calls(cls: type, name: str, label: str) -> None:
    """Wrap a method of a class so each call is counted (set before any app starts)."""
    original = getattr(cls, name)

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        COUNTS.bump(label)
        return original(self, *args, **kwargs)

    setattr(cls, name, counted)


def count_frames(app: Any) -> None:
    """Count each rendered update the app hands to its (headless) display."""
    display = app._display

    def counted_display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            COUNTS.bump("frames")
        display(screen, renderable)

    app._display = counted_display


def count_timer() -> None:
    from coach.tui.widgets.pacing_timer import PacingTimer

    count_calls(PacingTimer, "tick", "timer_ticks")
    count_calls(PacingTimer, "render", "timer_renders")
    count_calls(PacingTimer, "refresh", "timer_refreshes")


def bare_app(with_timer: bool) -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    from coach.core.pacing import PacingClock
    from coach.tui.widgets.pacing_timer import PacingTimer

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            if with_timer:
                yield PacingTimer(id="pacing")
            else:
                yield Static("Hello from a bare Textual app.")
            yield Footer()

        def on_mount(self) -> None:
            if with_timer:
                clock = PacingClock(TARGET_S)
                clock.start()
                self.query_one(PacingTimer).show_clock(clock)
            else:
                self.set_interval(0.1, lambda: None)

    return Bare()


def coach_app(db: Path, story_id: int) -> Any:
    from coach.services.workspace import Workspace
    from coach.tui.app import RehearseRequest, make_app

    return make_app(
        Workspace(db),
        offer_samples=False,
        rehearse=RehearseRequest(story_id),
    )


async def measure(app: Any, seconds: float, screen: bool) -> dict[str, Any]:
    count_frames(app)
    async with app.run_test(size=SIZE) as pilot:
        if screen:
            for _ in range(200):
                if type(app.screen).__name__ == "RehearsalScreen":
                    break
                await pilot.pause(0.01)
            else:
                raise RuntimeError("the rehearsal screen never opened")
            await pilot.press("enter")
            await pilot.pause()
            from coach.tui.widgets.pacing_timer import PacingTimer

            timer = app.screen.query_one(PacingTimer)
            if timer.clock is None or not timer.clock.running:
                raise RuntimeError("enter did not start the pacing clock")
        await asyncio.sleep(WARM_UP_S)
        COUNTS.on = True
        cpu0, wall0 = time.process_time(), time.monotonic()
        await asyncio.sleep(max(0.5, seconds - WARM_UP_S))
        cpu1, wall1 = time.process_time(), time.monotonic()
        COUNTS.on = False
        extra: dict[str, Any] = {}
        if screen:
            clock = app.screen.query_one("#pacing").clock
            extra["clock_target_s"] = clock.target
            extra["clock_elapsed_s"] = round(clock.elapsed(), 3)
    cpu, wall = cpu1 - cpu0, wall1 - wall0
    per_s = {name: round(n / wall, 2) for name, n in sorted(COUNTS.calls.items())}
    return {
        "cpu_s": cpu,
        "wall_s": wall,
        "cpu_pct": cpu / wall * 100,
        "per_s": per_s,
        **extra,
    }


def main(argv: list[str]) -> int:
    kind, seconds = argv[0], float(argv[1])
    if kind != "bare":
        count_timer()
    if kind == "screen":
        app = coach_app(Path(argv[2]), int(argv[3]))
    else:
        app = bare_app(with_timer=kind == "widget")
    result = asyncio.run(measure(app, seconds, screen=kind == "screen"))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
