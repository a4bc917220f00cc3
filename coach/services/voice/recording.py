"""Recording answers in rehearsal and hearing them: while an answer's clock runs its sound
goes into a WAV file in the user data folder (one per rehearsal and answer); once the
answer is over, a worker hears the file, measures it, stores what was heard with the
answer, and keeps or deletes the file as voice.yaml says (`keep_audio`)."""

from __future__ import annotations

import hashlib
import math
import threading
import time
import uuid
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from coach.core.errors import InputError
from coach.core.stories import Story
from coach.core.templates import FormTemplate
from coach.paths import audio_dir
from coach.services.editing import briefly
from coach.services.voice.analysis import Analysis, analyze
from coach.services.voice.engine import SAMPLE_RATE, Engine, whisper
from coach.services.voice.models import choose_model, load, missing_model
from coach.services.voice.sources import ChunkSource, FileSource, MicrophoneSource, sounddevice
from coach.store import voice as heard_rows
from coach.store.store import Store
from coach.store.voice import HeardRow

__all__ = ["HeardRow"]


class AudioInput(Protocol):
    """Where rehearsal's sound comes from: `check` says in one line what is missing;
    `open` gives a new source for one answer."""

    def check(self) -> None: ...

    def open(self) -> ChunkSource: ...


class Microphone:
    """The default input device, through sounddevice (PortAudio)."""

    def check(self) -> None:
        sd = sounddevice()
        try:
            sd.query_devices(kind="input")
        except Exception:  # noqa: BLE001 - PortAudio's complaint: no input device here
            raise InputError("no microphone found: PortAudio sees no input device") from None

    def open(self) -> ChunkSource:
        return MicrophoneSource()


class Player:
    """A recorded file played as if it were said (the same chunks as the microphone)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def check(self) -> None:
        FileSource(self.path).read()

    def open(self) -> ChunkSource:
        return FileSource(self.path)


def ready(audio: AudioInput, config_dir: Path) -> None:
    """Whether rehearsal can hear answers: the extra, the model, the input; else one line
    that says all that is missing (the model and the microphone both, at one press)."""
    whisper()
    missing: list[str] = []
    choice = choose_model(None, config_dir)
    if not choice.present:
        missing.append(str(missing_model(choice)))
    try:
        audio.check()
    except InputError as exc:
        missing.append(str(exc))
    if missing:
        raise InputError("; also ".join(missing))


def audio_folder(db_path: Path) -> Path:
    """The folder of one database's recordings, under the audio folder: named after the
    database and a short hash of its resolved path, so that two databases' rehearsal ids
    never share a file."""
    resolved = str(Path(db_path).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:10]
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(resolved).stem)[:24]
    return audio_dir() / f"{stem or 'coach'}-{digest}"


def audio_path(db_path: Path, rehearsal_id: int, position: int) -> Path:
    return audio_folder(db_path) / f"rehearsal-{rehearsal_id}-answer-{position + 1}.wav"


def take_path(db_path: Path) -> Path:
    """Where an answer is recorded until it is heard and stored under its own name: never
    the name of an answer already kept (answering again must not empty it)."""
    return audio_folder(db_path) / f"answer-{uuid.uuid4().hex[:12]}.wav"


def mock_audio_path(db_path: Path, mock_id: int, position: int) -> Path:
    """The recording of an answer improvised in a mock (question `position`)."""
    return audio_folder(db_path) / f"mock-{mock_id}-question-{position + 1}.wav"


class Recording:
    """One answer's sound, written to `path` as it arrives, in a thread of its own.

    The sound follows the answer's clock (`clock`, the pacing timers' clock): `pause()` and
    `resume()` (space in rehearsal) leave out what is said while the clock stands, and
    `stop()` ends the recording at the clock's time, so the file lasts as long as the
    clock ran (a source that ends early is made up with silence). A file played as a
    microphone (`Player`) is played as if said: each chunk once the clock reaches it.
    `wait()` returns once the WAV file is whole."""

    POLL_S = 0.01
    """How often a file played as a microphone looks at the clock."""

    def __init__(
        self, source: ChunkSource, path: Path, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.source = source
        self.path = path
        self.error: str = ""
        self.clock = clock
        self._started = 0.0
        self._paused: list[list[float]] = []
        """[start, end] of each pause, in seconds from the start; end is inf while paused."""
        self._end = math.inf
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="coach-recording")

    def start(self) -> Recording:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._started = self.clock()
        self._thread.start()
        return self

    def _at(self) -> float:
        return max(0.0, self.clock() - self._started)

    @property
    def paused(self) -> bool:
        with self._lock:
            return bool(self._paused) and self._paused[-1][1] == math.inf

    def pause(self) -> None:
        """The clock stands: what is said from now on is left out, until `resume()`."""
        with self._lock:
            if not (self._paused and self._paused[-1][1] == math.inf) and self._end == math.inf:
                self._paused.append([self._at(), math.inf])

    def resume(self) -> None:
        with self._lock:
            if self._paused and self._paused[-1][1] == math.inf:
                self._paused[-1][1] = self._at()

    def _kept(self, first: int, last: int) -> list[tuple[int, int]]:
        """The stretches of samples [first, last) that are kept: not paused, before the end."""
        with self._lock:
            cuts = [(a, b) for a, b in self._paused] + [(self._end, math.inf)]
        kept = [(first, last)]
        for a, b in cuts:
            if a == math.inf:
                continue
            lo = math.ceil(a * SAMPLE_RATE)
            hi = last if b == math.inf else math.ceil(b * SAMPLE_RATE)
            kept = [
                piece
                for x, y in kept
                for piece in ((x, min(y, lo)), (max(x, hi), y))
                if piece[0] < piece[1]
            ]
        return kept

    def _said(self, sample: int) -> None:
        """Until the clock has reached `sample` (a microphone's chunks already have), or the
        recording is stopped."""
        while not self._stopped.is_set() and self._at() * SAMPLE_RATE < sample:
            self._stopped.wait(self.POLL_S)

    def _chunks(self) -> Iterator[bytes]:
        import numpy as np

        position = 0
        for chunk in self.source.chunks():
            first, position = position, position + len(chunk)
            self._said(position)
            for a, b in self._kept(first, position):
                piece = chunk[a - first : b - first]
                yield (np.clip(piece, -1.0, 1.0) * 32767).astype("<i2").tobytes()
            if position >= self._end * SAMPLE_RATE:
                return  # a file goes on past the clock's end: the rest was never said
        self._stopped.wait()  # a file can end before its answer does: silence till then
        end = math.ceil(self._end * SAMPLE_RATE)
        yield b"\0\0" * sum(b - a for a, b in self._kept(position, end))

    def _run(self) -> None:
        try:
            with wave.open(str(self.path), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(SAMPLE_RATE)
                for frames in self._chunks():
                    out.writeframes(frames)
        except InputError as exc:
            self.error = str(exc)
        except OSError as exc:
            self.error = f"cannot write {self.path}: {exc.strerror or exc}"
        except Exception as exc:  # noqa: BLE001 - the sound device's own errors: said, not raised
            self.error = f"the recording stopped ({type(exc).__name__}: {exc})"

    def stop(self) -> None:
        """The answer is over: the recording ends at the clock's time."""
        with self._lock:
            if self._end == math.inf:
                self._end = self._at()
                if self._paused and self._paused[-1][1] == math.inf:
                    self._paused[-1][1] = self._end
        self._stopped.set()
        stop = getattr(self.source, "stop", None)
        if stop is not None:
            stop()

    def wait(self) -> None:
        """Until the file is whole; the error that stopped the recording, if one did."""
        self._thread.join()
        if self.error:
            raise InputError(self.error)

    def discard(self) -> None:
        """Stop and delete it (the answer was skipped, or answered again)."""
        self.stop()
        threading.Thread(target=self._remove, daemon=True).start()

    def _remove(self) -> None:
        self._thread.join()
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Wanted:
    """What to listen for in one answer: the story, and the field whose figures it should
    say (None: every spoken field; '' none)."""

    story: Story | None
    template: FormTemplate | None
    field: str | None


class Listener:
    """The model, loaded on the first answer and kept; one answer heard at a time."""

    def __init__(self, config_dir: Path) -> None:
        self.config_dir = config_dir
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def hear(self, recording: Recording, wanted: Wanted) -> Analysis:
        """Wait for the recording to be whole, then hear and measure it."""
        recording.wait()
        with self._lock:
            if self._engine is None:
                self._engine = load(choose_model(None, self.config_dir))
            story = wanted.story if wanted.field != "" else None
            return analyze(
                FileSource(recording.path), self._engine, story, wanted.field, wanted.template
            )


def keep_heard(
    store: Store, rehearsal_id: int, position: int, heard: Analysis, audio: Path, keep: bool
) -> HeardRow:
    """Store what was heard with its answer; the recording takes the answer's name when it
    is kept, else it is deleted."""
    named = audio_path(store.path, rehearsal_id, position) if keep else None
    _keep(store, rehearsal_id, position, heard, audio, named, in_mock=False)
    return heard_rows.for_rehearsal(store, rehearsal_id)[position]


def keep_improvised(
    store: Store, mock_id: int, position: int, heard: Analysis, audio: Path, keep: bool
) -> HeardRow:
    """Store what was heard in an answer improvised in a mock, with its part."""
    named = mock_audio_path(store.path, mock_id, position) if keep else None
    _keep(store, mock_id, position, heard, audio, named, in_mock=True)
    return heard_rows.for_mock(store, mock_id)[position]


def _keep(
    store: Store,
    key: int,
    position: int,
    heard: Analysis,
    audio: Path,
    named: Path | None,
    *,
    in_mock: bool,
) -> None:
    """Store it; the recording renamed `named` (None: deleted). A failed store leaves no
    recording behind (StoreError; OSError when it cannot be renamed)."""
    try:
        with briefly(store):
            heard_rows.save(
                store,
                key,
                position,
                measures=heard.measures,
                figures=heard.figures,
                transcript=heard.transcript,
                audio_path=None if named is None else str(named),
                engine=heard.engine,
                model=heard.model,
                in_mock=in_mock,
            )
        if named is not None:
            audio.replace(named)
    finally:
        if named is None or audio.exists():
            audio.unlink(missing_ok=True)


@dataclass(frozen=True)
class Purged:
    files: int
    megabytes: float


def kept_audio(store: Store | None) -> list[Path]:
    """The recordings in this database's own folder: those its answers point at, and any a
    deleted story or mock, or an answer not heard, left behind. Paths a database names
    elsewhere are never counted (nor deleted): a database from another machine could name
    any file."""
    if store is None:
        return []
    folder = audio_folder(store.path)
    return sorted(p for p in folder.glob("*.wav") if p.is_file()) if folder.is_dir() else []


def purge_audio(store: Store | None) -> Purged:
    """Delete this database's recordings, and its folder of them once empty; what was
    heard in them (the measures) stays."""
    found = kept_audio(store)
    size = sum(p.stat().st_size for p in found)
    for path in found:
        path.unlink(missing_ok=True)
    if store is not None:
        heard_rows.forget_audio(store)
        folder = audio_folder(store.path)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return Purged(len(found), round(size / 1e6, 1))
