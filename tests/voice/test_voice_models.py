"""Which model is used: --model, then COACH_VOICE_MODEL, then voice.yaml, then tiny.en in
the user data folder; what is said when it is missing or not a model."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coach.core.errors import InputError
from coach.services.voice import models
from coach.services.voice.models import (
    ModelChoice,
    choose_model,
    configured_model,
    missing_model,
    models_dir,
)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COACH_VOICE_MODEL", raising=False)
    folder = tmp_path / "config"
    folder.mkdir()
    return folder


def model_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    for part in ("model.bin", "config.json", "tokenizer.json"):
        (path / part).write_bytes(b"x" * 1000)
    return path


def test_models_live_in_the_user_data_folder(tmp_path: Path) -> None:
    assert models_dir() == tmp_path / "data" / "coach" / "models"  # XDG_DATA_HOME, conftest


def test_tiny_en_by_default(config: Path) -> None:
    chosen = choose_model(None, config)
    assert (chosen.name, chosen.path, chosen.chosen_by) == (
        "tiny.en",
        models_dir() / "tiny.en",
        "default",
    )
    assert not chosen.present


def test_the_config_then_the_environment_then_the_option(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (config / "voice.yaml").write_text("model: small.en\n")
    assert choose_model(None, config).name == "small.en"
    folder = model_folder(tmp_path / "mine" / "whisper-tiny")
    monkeypatch.setenv("COACH_VOICE_MODEL", str(folder))
    chosen = choose_model(None, config)
    assert (chosen.name, chosen.path, chosen.chosen_by) == (
        "whisper-tiny",
        folder,
        "COACH_VOICE_MODEL",
    )
    assert chosen.present
    assert chosen.size_mb() == 0.0
    assert choose_model("base.en", config).path == models_dir() / "base.en"


def test_a_relative_folder_is_a_folder_not_a_name(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_folder(tmp_path / "here")
    monkeypatch.chdir(tmp_path)
    assert choose_model("./here", config).present
    assert choose_model("here", config).present  # an existing folder wins over a name


def test_a_named_model_not_fetched_says_how_to_fetch_it(config: Path) -> None:
    said = str(missing_model(choose_model("base.en", config)))
    assert said == "no voice model 'base.en' yet; run `coach voice setup --model base.en`"


def test_a_folder_that_is_no_model_says_what_it_lacks(config: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    said = str(missing_model(ModelChoice("empty", tmp_path / "empty", "--model")))
    assert said == (
        f"not a whisper model folder: {tmp_path / 'empty'} has no model.bin or config.json "
        "(from --model)"
    )
    gone = str(missing_model(ModelChoice("gone", tmp_path / "gone", "COACH_VOICE_MODEL")))
    assert gone == f"no model folder at {tmp_path / 'gone'} (from COACH_VOICE_MODEL)"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("- base.en\n", "voice.yaml:1: must be a mapping, such as `model: base.en`"),
        (
            "model: base.en\nkeep: yes\n",
            "voice.yaml:2: keep: unknown setting; "
            "voice.yaml takes `model`, `microphone`, `keep_audio`",
        ),
        ("model: 3\n", "voice.yaml:1: model: must be a model name or a model folder"),
    ],
)
def test_a_bad_voice_yaml_is_one_line_with_where(config: Path, text: str, said: str) -> None:
    (config / "voice.yaml").write_text(text)
    with pytest.raises(InputError) as caught:
        configured_model(config)
    assert str(caught.value) == f"{config}/{said}"


def test_an_empty_voice_yaml_is_the_default(config: Path) -> None:
    (config / "voice.yaml").write_text("# nothing yet\n")
    assert choose_model(None, config).name == "tiny.en"


class FakeHub:
    """faster_whisper as `download` uses it: `utils.download_model` writes a model folder
    slowly, as a download does, or fails as an unreachable hub does."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.utils = self
        self.fail = fail

    def download_model(self, name: str, output_dir: str) -> str:
        folder = Path(output_dir)
        (folder / "config.json").write_text("{}")
        with (folder / "model.bin").open("wb") as out:
            for _ in range(6):
                out.write(b"x" * 500_000)
                out.flush()
                time.sleep(0.2)
        if self.fail is not None:
            raise self.fail
        return output_dir


def test_setup_fetches_the_model_whole_and_tells_its_progress(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "whisper", FakeHub)
    seen: list[float] = []
    path = models.download("base.en", seen.append)
    assert path == models_dir() / "base.en"
    assert choose_model("base.en", config).present
    assert seen and seen == sorted(seen) and 0 < seen[-1] <= 3.1  # 3 MB weights, a config
    assert [p.name for p in models_dir().iterdir()] == ["base.en"]  # no temporary left


def test_a_failed_download_leaves_nothing_and_keeps_the_old_model(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = model_folder(models_dir() / "tiny.en")
    monkeypatch.setattr(models, "whisper", lambda: FakeHub(OSError("connection reset")))
    with pytest.raises(InputError) as caught:
        models.download("tiny.en")
    assert str(caught.value) == (
        "cannot download tiny.en from Hugging Face (connection reset); check the connection, "
        "or set COACH_VOICE_MODEL to a model folder"
    )
    assert [p.name for p in models_dir().iterdir()] == ["tiny.en"]
    assert (old / "model.bin").read_bytes() == b"x" * 1000
