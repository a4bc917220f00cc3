"""Where the sound comes from: a source yields 16 kHz mono float32 chunks. A file source
now; the microphone (sounddevice, imported only when recording) gives the same chunks."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from coach.core.errors import InputError
from coach.services.voice.engine import EXTRA_MISSING, SAMPLE_RATE, whisper

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Audio = npt.NDArray[np.float32]
else:
    Audio = Any

CHUNK_S = 0.5


class ChunkSource(Protocol):
    """Sound in chunks of 16 kHz mono float32 samples, in order, until it ends."""

    name: str

    def chunks(self) -> Iterator[Audio]: ...


class FileSource:
    """An audio file (WAV, or anything FFmpeg reads), resampled to 16 kHz mono."""

    def __init__(self, path: Path, chunk_s: float = CHUNK_S) -> None:
        self.path = path
        self.name = path.name
        self.chunk = int(chunk_s * SAMPLE_RATE)
        self._audio: Audio | None = None

    def read(self) -> Audio:
        """The whole file, decoded once; one line when it is missing, not audio or empty."""
        if self._audio is not None:
            return self._audio
        if self.path.is_dir():
            raise InputError("a folder, not an audio file (a WAV file works)", file=str(self.path))
        if not self.path.is_file():
            raise InputError("no such audio file", file=str(self.path))
        fw = whisper()
        try:
            audio: Audio = fw.audio.decode_audio(str(self.path), sampling_rate=SAMPLE_RATE)
        except Exception:  # noqa: BLE001 - whatever the decoder says, the file is not audio
            raise InputError(
                "cannot read this as audio (a WAV file works)", file=str(self.path)
            ) from None
        if len(audio) == 0:
            raise InputError("the audio is empty", file=str(self.path))
        self._audio = audio
        return audio

    def chunks(self) -> Iterator[Audio]:
        audio = self.read()
        for start in range(0, len(audio), self.chunk):
            yield audio[start : start + self.chunk]


class MicrophoneSource:
    """The default input device, until `stop()`; chunks arrive as they are recorded."""

    name = "microphone"

    def __init__(self, chunk_s: float = CHUNK_S) -> None:
        self.chunk = int(chunk_s * SAMPLE_RATE)
        self._queue: queue.Queue[Audio | None] = queue.Queue()

    def stop(self) -> None:
        self._queue.put(None)

    def chunks(self) -> Iterator[Audio]:
        sd = sounddevice()

        def arrived(data: Any, frames: int, time: Any, status: Any) -> None:
            self._queue.put(data[:, 0].copy())

        try:
            stream = sd.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                blocksize=self.chunk,
                callback=arrived,
            )
        except Exception as exc:  # noqa: BLE001 - no device, or PortAudio refused it
            raise InputError(f"cannot open the microphone ({exc})") from None
        try:
            stream.start()
        except Exception as exc:  # noqa: BLE001 - busy, or unplugged since it was opened
            stream.close()
            raise InputError(f"cannot start the microphone ({exc})") from None
        try:
            while (chunk := self._queue.get()) is not None:
                yield chunk
        finally:
            stream.stop()
            stream.close()


def sounddevice() -> Any:
    """sounddevice, or one line: the extra is missing, or PortAudio is."""
    try:
        import sounddevice as sd
    except ImportError:
        raise InputError(EXTRA_MISSING) from None
    except OSError:
        raise InputError(
            "the microphone needs PortAudio (Debian/Ubuntu: apt install libportaudio2)"
        ) from None
    return sd


def collect(source: ChunkSource) -> Audio:
    """All of a source's sound as one array."""
    import numpy as np

    parts = list(source.chunks())
    if not parts:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(parts).astype(np.float32, copy=False)
