"""The microphone under the real app: the packaged model and the story the spoken fixtures
tell."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from voice_files import FIXTURES

from coach.store import open_store


@pytest.fixture
def story_id(db_path: Path) -> int:
    """The story the spoken fixtures tell (tests/voice/fixtures/story.yaml), imported."""
    result = run(db_path, "import", str(FIXTURES / "story.yaml"))
    assert result.exit_code == 0, result.output
    store = open_store(db_path)
    try:
        row = store.find("heard-story")
        assert row is not None
        return row.id
    finally:
        store.close()
