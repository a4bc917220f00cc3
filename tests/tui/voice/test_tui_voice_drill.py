"""The microphone in the drill, under the real app: the committed spoken answer is played
through the microphone's chunk interface, heard with the packaged tiny.en model, shown
under its answer and stored with it, in the drill's rehearsal of the story."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_clock import FakeClock
from textual.widgets import Static
from tui_helpers import AppFactory, wait_for
from voice_files import PAUSES
from weak_answers import questions, rate

from coach.core.schedule import Rating
from coach.paths import audio_dir
from coach.services.voice.recording import Player
from coach.store import open_store
from coach.store import rehearsals as rehearsal_rows
from coach.store import voice as heard_rows
from coach.tui.app import CoachApp, DrillRequest, RehearseRequest
from coach.tui.screens.drill import DrillScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (120, 40)


@pytest.fixture
def story_id(story_id: int, db_path: Path) -> int:
    """The spoken fixtures' story, with two follow-ups rated weak days ago."""
    store = open_store(db_path)
    try:
        q = questions("project", 2)
        rate(store, "heard-story", 3, (q[0], Rating.WEAK), (q[1], Rating.VERY_WEAK))
        return story_id
    finally:
        store.close()


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def drill_of(app: CoachApp) -> DrillScreen:
    assert isinstance(app.screen, DrillScreen)
    return app.screen


def heard(db_path: Path, story_id: int) -> dict[int, heard_rows.HeardRow]:
    """What the story's latest rehearsal (the drill's) holds, read on a connection of its own."""
    store = open_store(db_path)
    try:
        latest, *_ = rehearsal_rows.history(store, story_id)
        return heard_rows.for_rehearsal(store, latest.id)
    finally:
        store.close()


async def test_a_drilled_answer_is_heard_shown_and_stored_with_it(
    model: Path, story_id: int, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    app = coach_app(drill=DrillRequest(story_id), voice_input=Player(PAUSES))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DrillScreen), "the drill")
        drill = drill_of(app)
        assert "microphone: off (m)" in shown(app, "prompt")
        await pilot.press("m")
        await wait_for(pilot, lambda: drill.microphone is not None and drill.microphone.on)
        assert "microphone: on (m)" in shown(app, "prompt")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "● recording" in shown(app, "heard"), "recording")
        clock.now += 19
        await pilot.press("enter")  # answered: rated next, heard meanwhile
        await wait_for(pilot, lambda: "wpm" in shown(app, "heard"), "the answer heard")
        line = shown(app, "heard")
        assert "2 pauses (2.5 s, 3.0 s)" in line and "no fillers heard" in line
        await pilot.press("2", "enter")  # rated; the second question is not recorded
        await pilot.press("m")
        clock.now += 30
        await pilot.press("enter", "3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await wait_for(pilot, lambda: "Heard: " in shown(app, "heard-summary"))
        assert "1 answer heard" in shown(app, "heard-summary")
    (row,) = heard(db_path, story_id).values()
    assert row.position == 0
    assert [p.seconds for p in row.measures.pauses] == pytest.approx([2.5, 3.0], abs=0.3)
    assert "62%" in row.transcript
    assert row.figures and {f.field for f in row.figures} == {"goal"}, "the question's field"
    assert not any(f.said for f in row.figures)
    assert row.audio_path is not None
    kept = Path(row.audio_path)
    assert kept.is_file() and kept.parent.parent == audio_dir()
    assert kept.name == f"rehearsal-{row.rehearsal_id}-answer-1.wav"


async def test_the_microphone_turned_on_in_a_drill_is_on_in_rehearsal(
    model: Path, story_id: int, coach_app: AppFactory
) -> None:
    app = coach_app(drill=DrillRequest(story_id), voice_input=Player(PAUSES))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DrillScreen), "the drill")
        await pilot.press("m")
        drill = drill_of(app)
        await wait_for(pilot, lambda: drill.microphone is not None and drill.microphone.on)
    assert (app.workspace.config_dir / "voice.yaml").read_text() == "microphone: on\n"
    again = coach_app(rehearse=RehearseRequest(story_id, followups=0), voice_input=Player(PAUSES))
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, RehearsalScreen))
        screen = again.screen
        assert isinstance(screen, RehearsalScreen)
        await wait_for(pilot, lambda: screen.microphone.on, "on as the drill left it")
        await pilot.press("m")  # off in rehearsal: off in the next drill
    drill_again = coach_app(drill=DrillRequest(story_id), voice_input=Player(PAUSES))
    async with drill_again.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(drill_again.screen, DrillScreen))
        await pilot.pause()
        assert "microphone: off (m)" in shown(drill_again, "prompt")
