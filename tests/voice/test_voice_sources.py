"""The chunk interface: a file comes in 16 kHz mono float32 chunks, whatever its own rate
and channels, as the microphone's will."""

from __future__ import annotations

import sys
import threading
import types
import wave
from pathlib import Path
from typing import Any

import pytest
from voice_truth import truth

from coach.core.errors import InputError
from coach.services.voice.sources import CHUNK_S, FileSource, MicrophoneSource, collect

np = pytest.importorskip("numpy", reason="voice needs the extra: pip install '.[test]'")
pytest.importorskip("faster_whisper", reason="voice needs the extra: pip install '.[test]'")


def test_a_file_comes_in_half_second_chunks_of_16_khz_mono() -> None:
    source = FileSource(truth("pauses").wav)
    chunks = list(source.chunks())
    assert {chunk.dtype for chunk in chunks} == {np.dtype("float32")}
    assert {len(chunk) for chunk in chunks[:-1]} == {int(CHUNK_S * 16_000)}
    assert sum(len(c) for c in chunks) / 16_000 == pytest.approx(
        truth("pauses").duration_s, abs=0.01
    )
    assert source.name == "pauses.wav"


def test_another_rate_and_stereo_become_16_khz_mono(tmp_path: Path) -> None:
    with wave.open(str(truth("plain").wav)) as original:
        frames = np.frombuffer(original.readframes(original.getnframes()), dtype=np.int16)
    doubled = np.repeat(frames, 2)  # 32 kHz: every sample twice
    stereo = np.column_stack([doubled, doubled]).astype(np.int16)
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(32_000)
        out.writeframes(stereo.tobytes())
    audio = collect(FileSource(path))
    assert len(audio) == pytest.approx(len(frames), abs=200)


def test_an_empty_wav_is_said(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
    with pytest.raises(InputError, match="the audio is empty"):
        FileSource(path).read()


class FakeStream:
    """sounddevice.InputStream as a machine with a microphone gives it: once started, blocks
    of (frames, 1) float32 to the callback, from another thread; stopped and closed after."""

    def __init__(self, audio: Any, played_all: Any, **options: Any) -> None:
        self.audio, self.played_all, self.options = audio, played_all, options
        self.calls: list[str] = []

    def _play(self) -> None:
        size = self.options["blocksize"]
        for start in range(0, len(self.audio), size):
            block = self.audio[start : start + size].reshape(-1, 1)
            self.options["callback"](block, len(block), None, None)
        self.played_all()

    def start(self) -> None:
        self.calls.append("start")
        threading.Thread(target=self._play).start()

    def stop(self) -> None:
        self.calls.append("stop")

    def close(self) -> None:
        self.calls.append("close")


def test_the_microphone_gives_the_same_chunks_as_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    played = FileSource(truth("fillers").wav).read()
    source = MicrophoneSource()
    fake = types.ModuleType("sounddevice")
    streams: list[FakeStream] = []

    def stream(**options: Any) -> FakeStream:
        streams.append(FakeStream(played, source.stop, **options))
        return streams[-1]

    fake.InputStream = stream  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    chunks = list(source.chunks())
    assert streams[0].calls == ["start", "stop", "close"]  # the device let go
    assert {len(chunk) for chunk in chunks[:-1]} == {int(CHUNK_S * 16_000)}
    assert np.array_equal(np.concatenate(chunks), played)


def test_no_microphone_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(**options: Any) -> None:
        raise RuntimeError("Error querying device -1")

    fake = types.ModuleType("sounddevice")
    fake.InputStream = no_device  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    with pytest.raises(
        InputError, match=r"^cannot open the microphone \(Error querying device -1\)$"
    ):
        list(MicrophoneSource().chunks())


def test_a_microphone_that_cannot_start_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Busy, or unplugged since it was opened: said as such, not as an empty answer."""

    class Busy(FakeStream):
        def start(self) -> None:
            raise RuntimeError("Device unavailable [PaErrorCode -9985]")

    fake = types.ModuleType("sounddevice")
    fake.InputStream = lambda **options: Busy(None, None, **options)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    with pytest.raises(InputError, match="cannot start the microphone .*Device unavailable"):
        next(MicrophoneSource().chunks())
