"""The microphone in the mock interview, under the real app: the committed spoken answer is
played through the microphone's chunk interface and heard with the packaged tiny.en model.
A story told is stored with its rehearsal's answers, an improvised answer with its mock
part; the report says how each part heard sounded, after a restart too."""

from __future__ import annotations

from pathlib import Path

from fake_clock import FakeClock
from textual.widgets import Static
from tui_helpers import AppFactory, wait_for
from voice_files import PAUSES, heard, heard_in_mock

from coach.paths import audio_dir
from coach.services import mock_record
from coach.services.voice.recording import Player
from coach.tui.app import CoachApp, MockRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_report import MockReportScreen

SIZE = (120, 40)


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def mock_of(app: CoachApp) -> MockScreen:
    assert isinstance(app.screen, MockScreen)
    return app.screen


async def test_a_story_told_and_an_improvised_answer_are_heard_and_stored(
    model: Path, story_id: int, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    app = coach_app(mock=MockRequest(30, "project", 5), voice_input=Player(PAUSES))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MockScreen), "the mock")
        screen = mock_of(app)
        await wait_for(pilot, lambda: screen.offers is not None, "the stories read")
        assert "microphone: off (m)" in shown(app, "prompt")
        await pilot.press("m")
        await wait_for(pilot, lambda: screen.microphone is not None and screen.microphone.on)
        assert "microphone: on (m)" in shown(app, "prompt")
        await pilot.press("enter")  # the first question
        told = [o.story_id for o in screen.offered].index(story_id)
        await pilot.press(str(told + 1))
        await wait_for(pilot, lambda: "● recording" in shown(app, "heard"), "recording")
        clock.now += 19
        await pilot.press("enter")  # the story told: its follow-ups next
        assert "Follow-up 1 of" in shown(app, "stage")
        await pilot.press("m")  # off: the follow-ups are not recorded
        await wait_for(pilot, lambda: "wpm" in shown(app, "heard"), "the story heard")
        line = shown(app, "heard")
        assert "2 pauses (2.5 s, 3.0 s)" in line and "said 7 days, 62%" in line
        while screen.part is not None and not screen.part.improvised:
            clock.now += 30
            await pilot.press("enter", "3", "enter")
        assert screen.picking, "the second question"
        rehearsal_id = screen.interview.parts[0].rehearsal_id if screen.interview else None
        assert rehearsal_id is not None
        await pilot.press("m")
        await wait_for(pilot, lambda: screen.microphone is not None and screen.microphone.on)
        await pilot.press("i")  # no story: improvised
        await wait_for(pilot, lambda: "● recording" in shown(app, "heard"), "recording")
        clock.now += 19
        await pilot.press("enter")
        await wait_for(pilot, lambda: "No story: improvise: " in shown(app, "heard"))
        await wait_for(pilot, lambda: "hearing…" not in shown(app, "heard"), "improvised heard")
        assert "2 pauses" in shown(app, "heard").split("No story: improvise: ")[1]
        await pilot.press("2", "enter")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, MockReportScreen), "the report")
        head = shown(app, "summary-head")
        assert "heard: " in head and "words a minute" in head and "1 answer heard" in head
        assert head.count("heard: ") == 2, "the story and the improvised answer"
        mock_id = screen.interview.mock_id if screen.interview else None
        assert mock_id is not None
    (row,) = heard(db_path, rehearsal_id).values()
    assert row.position == 0
    assert [(f.text, f.said) for f in row.figures if f.said] == [("7 days", True), ("62%", True)]
    assert row.audio_path is not None
    assert Path(row.audio_path).name == f"rehearsal-{rehearsal_id}-answer-1.wav"
    (improvised,) = heard_in_mock(db_path, mock_id).values()
    assert improvised.position == 1 and improvised.figures == ()  # no story: no figures
    assert [round(p.seconds, 1) for p in improvised.measures.pauses] == [2.5, 3.0]
    assert improvised.audio_path is not None
    assert Path(improvised.audio_path).name == f"mock-{mock_id}-question-2.wav"
    left = sorted(p.name for p in audio_dir().rglob("*.wav"))
    assert left == sorted([Path(row.audio_path).name, Path(improvised.audio_path).name])
    again = coach_app()  # the report read back in a new app: both paces are there
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, BankScreen), "the bank")
        again.push_screen(MockReportScreen(mock_record.report(again.store, mock_id)))
        await wait_for(
            pilot, lambda: isinstance(again.screen, MockReportScreen) and again.screen.is_mounted
        )
        assert str(again.screen.query_one("#summary-head", Static).render()).count("heard: ") == 2
