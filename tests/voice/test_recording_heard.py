"""Recording an answer follows its clock: pausing the clock (space) leaves out what is said
meanwhile, and the recording lasts as long as the clock ran. A committed answer is played
through the same chunk interface the microphone uses, under the test's fake clock."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fake_clock import FakeClock
from voice_truth import FIXTURES

from coach.services.voice.analysis import analyze
from coach.services.voice.engine import SAMPLE_RATE
from coach.services.voice.recording import Player, Recording
from coach.services.voice.sources import FileSource

PAUSES = FIXTURES / "pauses.wav"


@pytest.fixture(autouse=True)
def _extra() -> None:
    pytest.importorskip("faster_whisper", reason="voice needs the extra: pip install '.[test]'")


def samples(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as wav:
        assert wav.getframerate() == SAMPLE_RATE
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


def played(clock: FakeClock, out: Path, steps: list[tuple[str, float]]) -> Recording:
    """Play pauses.wav into a recording: each step moves the clock, then pauses, resumes
    or stops it."""
    recording = Recording(Player(PAUSES).open(), out, clock).start()
    for action, seconds in steps:
        clock.now += seconds
        getattr(recording, action)()
    recording.wait()
    return recording


def as_recorded(seconds: list[tuple[float, float]]) -> np.ndarray:
    """The fixture's stretches [a, b) in seconds, as the recording writes them."""
    audio = FileSource(PAUSES).read()
    parts = [audio[round(a * SAMPLE_RATE) : round(b * SAMPLE_RATE)] for a, b in seconds]
    return (np.clip(np.concatenate(parts), -1.0, 1.0) * 32767).astype("<i2")


def test_pausing_the_clock_leaves_out_what_is_said_meanwhile(
    clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "answer.wav"
    played(clock, out, [("pause", 6.0), ("resume", 3.0), ("stop", 8.0)])
    kept = samples(out)
    # 6 s said, 3 s paused (left out), 8 s said: 14 s on the clock, 14 s of sound.
    assert len(kept) == 14 * SAMPLE_RATE
    assert np.array_equal(kept, as_recorded([(0, 6), (9, 17)]))


def test_the_recording_ends_with_the_clock(clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "answer.wav"
    played(clock, out, [("stop", 5.0)])
    assert np.array_equal(samples(out), as_recorded([(0, 5)]))


def test_an_answer_shorter_than_its_clock_is_made_up_with_silence(
    clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "answer.wav"
    played(clock, out, [("pause", 2.0), ("resume", 1.0), ("stop", 20.0)])
    kept = samples(out)
    assert len(kept) == 22 * SAMPLE_RATE  # the clock ran 22 s; the file has 18.6 s
    assert not kept[-int(2.5 * SAMPLE_RATE) :].any()


def test_paused_at_the_end_keeps_only_the_clock_s_time(clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "answer.wav"
    played(clock, out, [("pause", 4.0), ("stop", 30.0)])
    assert np.array_equal(samples(out), as_recorded([(0, 4)]))


def test_the_analysis_lasts_as_long_as_the_speaking_clock(
    clock: FakeClock, tmp_path: Path, engine: Any
) -> None:
    out = tmp_path / "answer.wav"
    # The second silence of the answer (7.7 s to 10.7 s) falls while the clock stands.
    played(clock, out, [("pause", 8.0), ("resume", 2.5), ("stop", 10.0)])
    heard = analyze(FileSource(out), engine)
    assert heard.measures.duration_s == pytest.approx(18.0, abs=0.05)
    assert [p.seconds for p in heard.measures.pauses] == pytest.approx([2.5], abs=0.3)
    assert "62%" in heard.transcript
