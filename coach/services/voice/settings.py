"""The voice settings in the config folder's voice.yaml, read strictly:

    model: base.en        # a model name or a model folder (see models.py)
    microphone: on        # on|off: rehearsal records each answer (m toggles it)
    keep_audio: true      # true|false: keep the recording after it is analysed

A missing file or setting means the default: no model chosen, the microphone off, audio
kept. `m` in rehearsal writes `microphone:` back, leaving the rest of the file as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coach.core.yamlfile import read_yaml

CONFIG_FILE = "voice.yaml"
KEYS = ("model", "microphone", "keep_audio")


@dataclass(frozen=True)
class VoiceSettings:
    model: str | None = None
    """The model named in the file, if any."""
    microphone: bool = False
    """Record each answer in rehearsal."""
    keep_audio: bool = True
    """Keep a recording once it is analysed (`coach voice purge` deletes kept ones)."""


def read_settings(config_dir: Path) -> VoiceSettings:
    """The settings of `config_dir`'s voice.yaml; a bad one is one line (file, line, field)."""
    path = config_dir / CONFIG_FILE
    if not path.is_file():
        return VoiceSettings()
    doc = read_yaml(path)
    if doc.data is None:
        return VoiceSettings()
    if not isinstance(doc.data, dict):
        raise doc.error("must be a mapping, such as `model: base.en`")
    unknown = sorted(str(key) for key in doc.data if key not in KEYS)
    if unknown:
        raise doc.error(
            "unknown setting; voice.yaml takes " + ", ".join(f"`{k}`" for k in KEYS),
            unknown[0],
            field=unknown[0],
        )
    model = doc.data.get("model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise doc.error("must be a model name or a model folder", "model", field="model")
    microphone = doc.data.get("microphone", False)
    if isinstance(microphone, str) and microphone.strip().lower() in ("on", "off"):
        microphone = microphone.strip().lower() == "on"
    if not isinstance(microphone, bool):
        raise doc.error("must be on or off", "microphone", field="microphone")
    keep = doc.data.get("keep_audio", True)
    if not isinstance(keep, bool):
        raise doc.error("must be true or false", "keep_audio", field="keep_audio")
    return VoiceSettings(model.strip() if model else None, microphone, keep)


_MICROPHONE = re.compile(r"^microphone\s*:.*$", re.MULTILINE)


def set_microphone(config_dir: Path, on: bool) -> None:
    """Remember the microphone on or off in voice.yaml, written whole; the file's other
    lines (and comments) stay as they were."""
    from coach.services.export.files import write_whole

    path = config_dir / CONFIG_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    line = f"microphone: {'on' if on else 'off'}"
    if _MICROPHONE.search(text):
        text = _MICROPHONE.sub(line, text, count=1)
    else:
        text = (text if not text or text.endswith("\n") else text + "\n") + line + "\n"
    config_dir.mkdir(parents=True, exist_ok=True)
    write_whole(path, [text])
