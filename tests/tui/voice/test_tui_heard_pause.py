"""Space in rehearsal pauses the recording with the clock: what is said while the clock
stands is not kept, and the answer heard lasts as long as its clock ran. The committed
spoken answer is played through the microphone's chunk interface, under the fake clock."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from fake_clock import FakeClock
from tui_helpers import AppFactory, wait_for
from voice_files import FIXTURES

from coach.services.voice.recording import Player, audio_folder
from coach.store import open_store
from coach.store import voice as heard_rows
from coach.tui.app import RehearseRequest
from coach.tui.screens.rehearsal import RehearsalScreen


async def test_space_pauses_the_recording_with_the_clock(
    model: Path, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    from cli_helpers import run

    assert run(db_path, "import", str(FIXTURES / "story.yaml")).exit_code == 0
    store = open_store(db_path)
    found = store.find("heard-story")
    store.close()
    assert found is not None
    request = RehearseRequest(found.id, followups=0, length="short")
    app = coach_app(rehearse=request, voice_input=Player(FIXTURES / "pauses.wav"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearsalScreen)
        await pilot.press("m")
        await wait_for(pilot, lambda: screen.microphone.on, "the microphone on")
        await pilot.press("enter")  # the clock starts, and the recording with it
        await wait_for(pilot, lambda: screen.microphone.take is not None, "recording")
        take = screen.microphone.take
        assert take is not None
        clock.now += 8
        await pilot.press("space")  # paused during the answer's second silence
        assert take.recording.paused
        clock.now += 2.5
        await pilot.press("space")
        assert not take.recording.paused
        clock.now += 10
        assert screen.session is not None
        spoken = 18.0
        assert screen.session.pacing.elapsed() == pytest.approx(spoken)
        await pilot.press("e")  # end: the answer is heard
        rehearsal_id = screen.rehearsal_id
        assert rehearsal_id is not None

        def stored() -> dict[int, heard_rows.HeardRow]:
            reader = open_store(db_path)
            try:
                return heard_rows.for_rehearsal(reader, rehearsal_id)
            finally:
                reader.close()

        await wait_for(pilot, lambda: stored(), "the answer heard and stored")
    (row,) = stored().values()
    assert row.measures.duration_s == pytest.approx(spoken, abs=0.05)
    assert [p.seconds for p in row.measures.pauses] == pytest.approx([2.5], abs=0.3)
    assert row.audio_path is not None
    audio = Path(row.audio_path)
    assert audio.parent == audio_folder(db_path)
    with wave.open(str(audio), "rb") as wav:
        assert wav.getnframes() == spoken * wav.getframerate()
