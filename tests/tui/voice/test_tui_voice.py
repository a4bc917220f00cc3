"""The microphone in rehearsal, under the real app: a committed spoken answer is played
through the same chunk interface the microphone uses, heard with the packaged tiny.en
model, shown under its answer, stored with it, and summed up in the summary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fake_clock import FakeClock
from textual.widgets import Static
from tui_helpers import AppFactory, notified, wait_for
from voice_files import PAUSES, heard

from coach.paths import audio_dir
from coach.services.voice.recording import Player
from coach.tui.app import CoachApp, RehearseRequest
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (120, 40)


def config_dir(app: CoachApp) -> Path:
    return app.workspace.config_dir


def playing(coach_app: AppFactory, story_id: int, **request: object) -> CoachApp:
    """The app in a rehearsal of the story, its sound input the pauses answer."""
    request_ = RehearseRequest(story_id, followups=0, **request)  # type: ignore[arg-type]
    return coach_app(rehearse=request_, voice_input=Player(PAUSES))


def screen_of(app: CoachApp) -> RehearsalScreen:
    assert isinstance(app.screen, RehearsalScreen)
    return app.screen


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


async def test_an_answer_heard_shows_under_it_is_stored_and_summed_up(
    model: Path, story_id: int, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    app = playing(coach_app, story_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert "microphone: off (m)" in shown(app, "prompt")
        await pilot.press("enter")
        while "Two or three challenges" not in shown(app, "stage"):
            clock.now += 10
            await pilot.press("enter")
        await pilot.press("m")
        await wait_for(pilot, lambda: screen.microphone.take is not None, "recording")
        assert "● recording · Two or three challenges" in shown(app, "heard")
        clock.now += 19
        await pilot.press("enter")
        assert "One interesting finding" in shown(app, "stage"), "the next one is not held up"
        assert "Two or three challenges: hearing…" in shown(app, "heard")
        await pilot.press("m")  # off again: the next sections are not recorded
        await wait_for(pilot, lambda: "said 7 days, 62%" in shown(app, "heard"))
        line = shown(app, "heard")
        assert "Two or three challenges: " in line
        assert "no fillers heard · 2 pauses (2.5 s, 3.0 s) · said 7 days, 62%" in line
        assert screen.rehearsal_id is not None
        stored = heard(db_path, screen.rehearsal_id)
        challenges = next(iter(stored.values()))
        assert [(f.text, f.said) for f in challenges.figures] == [("7 days", True), ("62%", True)]
        assert "62%" in challenges.transcript
        assert [p.seconds for p in challenges.measures.pauses] == pytest.approx([2.5, 3.0], abs=0.3)
        assert 100 < challenges.measures.wpm < 170
        assert challenges.audio_path is not None and Path(challenges.audio_path).is_file()
        assert Path(challenges.audio_path).parent.parent == audio_dir()
        while isinstance(app.screen, RehearsalScreen):
            clock.now += 10
            await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        summary = shown(app, "heard-summary")
        wpm = f"{challenges.measures.wpm:.0f}"
        assert f"Heard: {wpm} words a minute (" in summary
        assert "aim for 130-150) · 0 fillers a minute · 1 answer heard" in summary
        assert f"Two or three challenges: {wpm} wpm · no fillers heard" in summary


async def test_the_microphone_is_remembered_across_runs(
    model: Path, story_id: int, coach_app: AppFactory
) -> None:
    app = playing(coach_app, story_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: screen_of(app).microphone.on, "the microphone on")
        assert "microphone: on (m)" in shown(app, "prompt")
    assert (config_dir(app) / "voice.yaml").read_text() == "microphone: on\n"
    again = playing(coach_app, story_id)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: screen_of(again).microphone.on, "on as remembered")
        await pilot.press("m")
        assert not screen_of(again).microphone.on
        assert "microphone: off (m)" in shown(again, "prompt")
    assert (config_dir(app) / "voice.yaml").read_text() == "microphone: off\n"


async def test_without_the_extra_m_says_how_to_get_it_and_stays_off(
    story_id: int, coach_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "faster_whisper", None)  # as if not installed
    app = playing(coach_app, story_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: notified(app, "pip install 'coach[voice]'"))
        assert notified(app, "Microphone stays off: voice needs the extra")
        assert not screen_of(app).microphone.on
        await pilot.press("enter")  # the rehearsal goes on as ever
        assert "Pitch 1 of" in shown(app, "stage")
        assert "recording" not in shown(app, "heard")
    assert not (config_dir(app) / "voice.yaml").exists()


async def test_no_sound_device_is_one_notification(
    model: Path, story_id: int, coach_app: AppFactory
) -> None:
    """This machine has no sound card: the real microphone says so, and stays off."""
    app = coach_app(rehearse=RehearseRequest(story_id, followups=0))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: notified(app, "Microphone stays off: "))
        said = [n.message for n in app._notifications if "stays off" in n.message]
        assert len(said) == 1 and "\n" not in said[0]
        assert "PortAudio" in said[0] or "microphone" in said[0].split(": ", 1)[1]
        assert not screen_of(app).microphone.on


async def test_keep_audio_false_deletes_the_recording_once_heard(
    model: Path, story_id: int, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    app = playing(coach_app, story_id, length="short")
    config = config_dir(app)
    config.mkdir(parents=True, exist_ok=True)
    (config / "voice.yaml").write_text("microphone: on\nkeep_audio: false\n")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = screen_of(app)
        await wait_for(pilot, lambda: screen.microphone.on, "on as voice.yaml says")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.microphone.take is not None, "recording")
        clock.now += 19
        await pilot.press("e")  # end at once: the answer under way is kept, and heard
        assert isinstance(app.screen, SummaryScreen)
        await wait_for(pilot, lambda: "Heard: " in shown(app, "heard-summary"))
        assert "The whole pitch: " in shown(app, "heard-summary")
        assert screen.rehearsal_id is not None
        (row,) = heard(db_path, screen.rehearsal_id).values()
    assert row.audio_path is None
    assert row.measures.words > 30
    assert not list(audio_dir().rglob("*.wav")) if audio_dir().exists() else True


async def test_a_recogniser_failing_is_said_on_the_answer_and_the_rehearsal_goes_on(
    model: Path,
    story_id: int,
    coach_app: AppFactory,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """faster-whisper raising its own error (not an InputError) once closed the app."""
    from coach.services.voice.recording import Listener

    def fails(self: Listener, recording: object, wanted: object) -> None:
        raise RuntimeError("out of memory in the decoder")

    monkeypatch.setattr(Listener, "hear", fails)
    app = playing(coach_app, story_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("enter", "m")
        await wait_for(pilot, lambda: screen.microphone.take is not None, "recording")
        clock.now += 10
        await pilot.press("enter")
        await wait_for(pilot, lambda: "not heard: RuntimeError" in shown(app, "heard"))
        assert notified(app, "Not heard: RuntimeError: out of memory in the decoder")
        assert app.is_running and isinstance(app.screen, RehearsalScreen)
        clock.now += 10
        await pilot.press("enter")  # the rehearsal goes on
        assert screen.session is not None and screen.session.position >= 1
