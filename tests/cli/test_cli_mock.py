"""`coach mock`: what it opens the app on, and bad options in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import one_line_error, run

from coach.store import Store
from coach.tui.app import CoachApp, MockRequest


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[MockRequest | None]:
    """The mock request each app the command would run was built with (none is run)."""
    found: list[MockRequest | None] = []
    monkeypatch.setattr(CoachApp, "run", lambda app, *a, **k: found.append(app.mock))
    return found


def test_the_defaults_open_a_30_minute_mixed_mock(
    samples: Store, db_path: Path, opened: list[MockRequest | None]
) -> None:
    result = run(db_path, "mock")
    assert result.exit_code == 0, result.output
    assert opened == [MockRequest(30, "mixed", None)]


def test_every_option_reaches_the_app(
    samples: Store, db_path: Path, opened: list[MockRequest | None]
) -> None:
    result = run(db_path, "mock", "--minutes", "45", "--kind", "behavioral", "--seed", "12")
    assert result.exit_code == 0, result.output
    assert opened == [MockRequest(45, "behavioral", 12)]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--minutes", "20"], "'20' is not one of '30', '45', '60'"),
        (["--kind", "technical"], "'technical' is not one of 'project', 'behavioral', 'mixed'"),
        (["--seed", "-1"], "-1 is not in the range x>=0"),
        (["--seed", "many"], "'many' is not a valid integer"),
    ],
)
def test_bad_options_are_one_line(
    samples: Store, db_path: Path, opened: list[MockRequest | None], args: list[str], said: str
) -> None:
    result = run(db_path, "mock", *args)
    assert result.exit_code == 2
    assert said in result.output
    assert opened == []


def test_a_broken_common_questions_file_is_said_before_the_app_opens(
    samples: Store, db_path: Path, tmp_path: Path, opened: list[MockRequest | None]
) -> None:
    user = tmp_path / "config" / "templates" / "common"
    user.mkdir(parents=True)
    (user / "questions.yaml").write_text("format: 1\ntitle: Mine\nquestions: []\n")
    result = run(db_path, "mock")
    line = one_line_error(result)
    assert "questions.yaml" in line and "questions must be a non-empty list" in line
    assert opened == []


def test_no_database_yet_is_said_in_one_line(
    db_path: Path, opened: list[MockRequest | None]
) -> None:
    line = one_line_error(run(db_path, "mock"))
    assert str(db_path) in line or "database" in line
    assert opened == [] and not db_path.exists()
