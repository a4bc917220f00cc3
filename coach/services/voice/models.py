"""Which speech model coach uses, where it is, and fetching one.

The model is chosen by the first of: `--model`; `COACH_VOICE_MODEL`; `model:` in the config
folder's `voice.yaml`; else `tiny.en`. Each is a model folder (a CTranslate2 whisper model:
model.bin, config.json, tokenizer.json) or a model name, which means the folder of that name
under `models/` in the user data folder, where `coach voice setup` puts it."""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coach.core.errors import InputError
from coach.paths import APP_NAME
from coach.services.voice.engine import Engine, briefly, whisper
from coach.services.voice.settings import CONFIG_FILE

MODEL_NAMES = ("tiny.en", "base.en", "small.en")
"""The models `coach voice setup` fetches: bigger hears better and takes longer."""
APPROX_MB = {"tiny.en": 75, "base.en": 145, "small.en": 484}
"""About how big each download is, for the progress line."""
DEFAULT_MODEL = "tiny.en"
ENV = "COACH_VOICE_MODEL"
_NEEDED = ("model.bin", "config.json")


@dataclass(frozen=True)
class ModelChoice:
    """The model in use: its name (a model name, or its folder's name), the folder it is
    (or would be) in, and what chose it."""

    name: str
    path: Path
    chosen_by: str

    @property
    def present(self) -> bool:
        return all((self.path / part).is_file() for part in _NEEDED)

    def size_mb(self) -> float:
        return round(_megabytes(self.path), 1)


def models_dir() -> Path:
    """Where named models live: `models/` in the user data folder (beside coach.db)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "models"


def _looks_like_folder(value: str) -> bool:
    return os.sep in value or "/" in value or value.startswith(("~", ".")) or value.endswith("/")


def _choice(value: str, chosen_by: str) -> ModelChoice:
    if _looks_like_folder(value) or Path(value).expanduser().is_dir():
        path = Path(value).expanduser()
        return ModelChoice(model_name(path), path, chosen_by)
    return ModelChoice(value, models_dir() / value, chosen_by)


_SIZES = {384: "tiny", 512: "base", 768: "small", 1024: "medium", 1280: "large"}
"""Whisper's models by the width of their layers."""
_VOCABULARY = {51864: ".en", 51865: "", 51866: "-v3"}
"""The English-only models have one word fewer than the others; large-v3 one more."""


def model_name(folder: Path) -> str:
    """The name of the model in `folder`: its folder's name when that names it
    ('faster-whisper-small.en', 'distil-small.en'), else what its weights say it is
    ('tiny.en' for a folder called 'model', as a package ships it), else the folder's name."""
    resolved = folder.resolve()
    named = resolved.name or str(folder)
    kind = _kind(resolved / "model.bin")
    if kind is None or kind.split(".")[0].split("-")[0] in named.lower():
        return named
    return kind


def _kind(weights: Path) -> str | None:
    """'tiny.en', 'base', 'large-v3', as the weights in a CTranslate2 whisper model.bin say,
    or None when the file is not one."""
    try:
        with weights.open("rb") as f:
            return _embedding_kind(f)
    except (OSError, struct.error, ValueError):
        return None


def _embedding_kind(f: BinaryIO) -> str | None:
    """The model's kind from the shape of its decoder's embedding: model.bin begins with its
    format's version and its spec's name and revision, then lists each variable (its name,
    shape, type, size, values), the embedding among the first."""

    def take(fmt: str) -> tuple[int, ...]:
        return struct.unpack("<" + fmt, f.read(struct.calcsize("<" + fmt)))

    def text() -> bytes:
        return f.read(take("H")[0]).rstrip(b"\0")

    take("I")
    if text() != b"WhisperSpec":
        return None
    take("I")
    for _ in range(min(take("I")[0], 64)):
        name = text()
        shape = take(f"{take('B')[0]}I")
        take("B")
        if name == b"decoder/embeddings/weight" and len(shape) == 2:
            vocabulary, width = shape
            size, suffix = _SIZES.get(width), _VOCABULARY.get(vocabulary)
            return None if size is None or suffix is None else size + suffix
        f.seek(take("I")[0], os.SEEK_CUR)
    return None


def configured_model(config_dir: Path) -> str | None:
    """`model:` in the config folder's voice.yaml, if the file is there (settings.py reads
    the file, strictly)."""
    from coach.services.voice.settings import read_settings

    return read_settings(config_dir).model


def choose_model(given: str | None, config_dir: Path) -> ModelChoice:
    """The model `given` (--model), else COACH_VOICE_MODEL, else the config's, else tiny.en."""
    if given:
        return _choice(given, "--model")
    env = os.environ.get(ENV, "").strip()
    if env:
        return _choice(env, ENV)
    configured = configured_model(config_dir)
    if configured:
        return _choice(configured, str(config_dir / CONFIG_FILE))
    return _choice(DEFAULT_MODEL, "default")


def missing_model(choice: ModelChoice) -> InputError:
    """What to do when the chosen model is not there or not whole."""
    if not choice.path.exists():
        if choice.path.parent == models_dir():
            setup = f"coach voice setup --model {choice.name}"
            if choice.name not in MODEL_NAMES:
                setup = "coach voice setup --model " + "|".join(MODEL_NAMES)
            return InputError(f"no voice model {choice.name!r} yet; run `{setup}`")
        return InputError(f"no model folder at {choice.path} (from {choice.chosen_by})")
    lacking = [part for part in _NEEDED if not (choice.path / part).is_file()]
    return InputError(
        f"not a whisper model folder: {choice.path} has no {' or '.join(lacking)} "
        f"(from {choice.chosen_by})"
    )


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def download(name: str, progress: Callable[[float], None] | None = None) -> Path:
    """Fetch the model `name` from Hugging Face into the models folder, all or nothing,
    telling `progress` the megabytes fetched so far, twice a second. Returns its folder."""
    if name not in MODEL_NAMES:
        raise InputError(f"unknown model {name!r}; choose one of {', '.join(MODEL_NAMES)}")
    fw = whisper()
    target = models_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=target.parent) as tmp:
        done = threading.Event()

        def watch() -> None:  # faster-whisper turns the hub's own progress bars off
            while progress is not None and not done.wait(0.5):
                progress(_megabytes(Path(tmp)))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            with warnings.catch_warnings():  # the hub's deprecation notes are not the user's
                warnings.simplefilter("ignore")
                fw.utils.download_model(name, output_dir=tmp)
        except Exception as exc:  # noqa: BLE001 - network and hub errors, said in one line
            raise InputError(
                f"cannot download {name} from Hugging Face ({briefly(exc)}); check the "
                f"connection, or set {ENV} to a model folder"
            ) from None
        finally:
            done.set()
            watcher.join()
        fetched = ModelChoice(name, Path(tmp), "download")
        if not fetched.present:
            raise InputError(f"the download of {name} is not a whisper model; try again")
        if target.exists():
            shutil.rmtree(target)
        Path(tmp).rename(target)
        Path(tmp).mkdir()  # so the TemporaryDirectory has something to remove
    return target


def load(choice: ModelChoice) -> Engine:
    """The chosen model, loaded; one line when it is missing or damaged."""
    whisper()  # the missing extra is said before a missing model
    if not choice.present:
        raise missing_model(choice)
    return Engine(choice.path, choice.name)
