"""The recogniser: faster-whisper, imported only when voice is used (it is the `voice`
extra, and its import takes a while), loaded once and asked to hear an answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.core.errors import InputError
from coach.core.heard import HeardWord

if TYPE_CHECKING:
    from coach.services.voice.sources import Audio

ENGINE = "faster-whisper"
EXTRA_MISSING = "voice needs the extra: pip install 'coach[voice]'"
SAMPLE_RATE = 16_000
THREADS = 2
FILLER_PROMPT = "Um, uh, so, like, you know, I, um, built the model, uh, and it, like, worked."
"""Whisper leaves out "um" and "uh" unless the prompt it continues has them too."""
MIN_SILENCE_MS = 300


def whisper() -> Any:
    """faster_whisper, or the one line that says how to get it."""
    try:
        import faster_whisper
        import faster_whisper.audio
        import faster_whisper.utils
        import faster_whisper.vad
    except ImportError:
        raise InputError(EXTRA_MISSING) from None
    return faster_whisper


def briefly(exc: BaseException) -> str:
    """What went wrong at the bottom of an error's chain, in one line of at most 100
    characters."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 100 else text[:97] + "..."


@dataclass(frozen=True)
class Heard:
    """What the recogniser heard in one recording."""

    words: tuple[HeardWord, ...]
    spans: tuple[tuple[float, float], ...]
    """Stretches of speech (start, end) in seconds, from the voice detector."""
    duration_s: float

    @property
    def transcript(self) -> str:
        return " ".join(word.text for word in self.words)


def _joined(pieces: list[tuple[str, float, float]]) -> tuple[HeardWord, ...]:
    """Whisper's word pieces as words: a piece without a leading space ("%" after " 23")
    belongs to the word before it."""
    words: list[HeardWord] = []
    for text, start, end in pieces:
        if words and text and not text[0].isspace():
            last = words[-1]
            words[-1] = HeardWord(last.text + text.strip(), last.start, end)
        elif text.strip():
            words.append(HeardWord(text.strip(), start, end))
    return tuple(words)


class Engine:
    """A loaded model; `hear` may be called many times."""

    def __init__(self, model_dir: Path, name: str, threads: int = THREADS) -> None:
        fw = whisper()
        self.name = name
        self._fw = fw
        try:
            self._model: Any = fw.WhisperModel(
                str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads
            )
        except Exception as exc:  # noqa: BLE001 - a damaged model folder, said in one line
            raise InputError(
                f"cannot load the voice model at {model_dir} ({briefly(exc)})"
            ) from None

    def spans(self, audio: Audio) -> tuple[tuple[float, float], ...]:
        """Where the voice detector hears speech, in seconds."""
        options = self._fw.vad.VadOptions(min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=0)
        found = self._fw.vad.get_speech_timestamps(audio, options)
        return tuple(
            (round(s["start"] / SAMPLE_RATE, 3), round(s["end"] / SAMPLE_RATE, 3)) for s in found
        )

    def hear(self, audio: Audio) -> Heard:
        """The words of `audio` (16 kHz mono float32) with their times, and where speech is."""
        segments, _ = self._model.transcribe(
            audio,
            language="en",
            beam_size=1,
            word_timestamps=True,
            vad_filter=True,
            condition_on_previous_text=False,
            initial_prompt=FILLER_PROMPT,
            temperature=0.0,  # no retries at higher temperatures: they doubled the time
        )
        pieces = [
            (w.word, float(w.start), float(w.end)) for segment in segments for w in segment.words
        ]
        return Heard(_joined(pieces), self.spans(audio), round(len(audio) / SAMPLE_RATE, 2))
