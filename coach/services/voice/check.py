"""What voice has to work with on this machine: the extra, PortAudio and the input devices,
and the model in use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.core.errors import InputError
from coach.services.voice.engine import whisper
from coach.services.voice.models import ModelChoice, choose_model, missing_model
from coach.services.voice.sources import sounddevice


@dataclass(frozen=True)
class Finding:
    what: str
    said: str
    ok: bool


def _microphone() -> list[Finding]:
    try:
        sd = sounddevice()
    except InputError as exc:
        return [Finding("microphone", str(exc), False)]
    version = f"sounddevice {sd.__version__}, {sd.get_portaudio_version()[1].split(',')[0]}"
    try:
        devices = [d for d in sd.query_devices() if d["max_input_channels"] > 0]
    except Exception as exc:  # noqa: BLE001 - PortAudio's own complaint, said as found
        return [Finding("microphone", version, True), Finding("inputs", str(exc), False)]
    names = ", ".join(str(d["name"]) for d in devices)
    inputs = Finding("inputs", names or "none found (files can still be analysed)", bool(names))
    return [Finding("microphone", version, True), inputs]


def _model(choice: ModelChoice) -> list[Finding]:
    where = f"{choice.path} ({choice.chosen_by})"
    if choice.present:
        return [
            Finding("model", f"{choice.name}, {choice.size_mb()} MB", True),
            Finding("", where, True),
        ]
    return [Finding("model", str(missing_model(choice)), False)]


def check(config_dir: Path) -> list[Finding]:
    """The findings in order; a missing extra is an error, said in one line."""
    fw = whisper()
    found = [Finding("extra", f"faster-whisper {fw.__version__}", True)]
    return found + _microphone() + _model(choose_model(None, config_dir))
