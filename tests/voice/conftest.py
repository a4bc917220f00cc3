"""The voice tests hear the committed answers in fixtures/ with the packaged tiny.en model;
without faster-whisper or that package they are skipped, with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from voice_truth import packaged_model


@pytest.fixture(scope="session")
def model_dir() -> Path:
    return packaged_model()


@pytest.fixture(scope="session")
def engine(model_dir: Path) -> Any:
    """One loaded model for all the tests of a worker (loading takes a second)."""
    from coach.services.voice.engine import Engine

    return Engine(model_dir, "tiny.en")
