"""Driving the app through Pilot: wait for what the test needs, never for a fixed time."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from coach.tui.app import CoachApp
from coach.tui.screens.progress import ProgressScreen
from coach.tui.widgets.story_table import StoryTable

AppFactory = Callable[..., CoachApp]
"""The `coach_app` fixture: builds the app with `make_app`'s options."""

TIMEOUT = 10.0
"""Seconds to wait for a condition before failing: generous, as the machine may be busy."""


def _describe(condition: Callable[[], object]) -> str:
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return repr(condition)


async def wait_for(
    pilot: Pilot[None],
    condition: Callable[[], object],
    what: str = "",
    timeout: float = TIMEOUT,
) -> None:
    """Let the app run (timers, workers, messages) until `condition()` is true; fail the
    test, saying what it waited for, if that takes longer than `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {timeout:g} s waiting for {what or _describe(condition)}")
        await pilot.pause()


async def filled(pilot: Pilot[None]) -> ProgressScreen:
    """The progress screen on top, once its worker has put in every figure and plot."""
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    await wait_for(pilot, lambda: screen.filled, "the progress screen's figures")
    await pilot.pause()
    return screen


def workers_done(pilot: Pilot[None]) -> bool:
    """No worker of the app (a search, an export, the progress figures) still running."""
    return all(worker.is_finished for worker in pilot.app.workers)


async def palette_settled(pilot: Pilot[None]) -> None:
    """The command palette has listed its hits for what was typed, and its search is over."""
    await wait_for(
        pilot,
        lambda: workers_done(pilot) and pilot.app.screen.query_one("CommandList").option_count,
        "the command palette's hits",
    )
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type as a person does: one key at a time."""
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def table(app: CoachApp) -> StoryTable:
    return app.screen.query_one(StoryTable)


def status_line(app: CoachApp) -> str:
    return str(app.screen.query_one("#status").render())


def saved(app: CoachApp, story_id: int, key: str) -> str:
    """What the database holds for a field (the app's own connection)."""
    return app.store.fields(story_id).get(key, "")


def notified(app: CoachApp, text: str) -> bool:
    return any(text in n.message for n in app._notifications)
