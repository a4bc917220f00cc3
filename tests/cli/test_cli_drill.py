"""`coach drill`: what it opens the app on, what it says when there is nothing to drill,
and bad input in one line without touching the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run
from weak_answers import questions, rate

from coach.core.schedule import Rating
from coach.store import Store
from coach.tui.app import CoachApp, DrillRequest


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[DrillRequest | None]:
    """The drill request each app the command would run was built with (none is run)."""
    found: list[DrillRequest | None] = []
    monkeypatch.setattr(CoachApp, "run", lambda app, *a, **k: found.append(app.drill))
    return found


@pytest.fixture
def weak(samples: Store) -> Store:
    """Churn: one very weak answer; the produce forecast: two weak ones; fraud: strong."""
    p, s = questions("project", 3), questions("star", 1)
    rate(samples, "churn-leakage", 6, (p[0], Rating.VERY_WEAK), (p[1], Rating.STRONG))
    rate(samples, "produce-demand-forecast", 4, (p[1], Rating.WEAK), (p[2], Rating.WEAK))
    rate(samples, "fraud-model-drift", 2, (s[0], Rating.STRONG))
    return samples


def ident(store: Store, slug: str) -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


def test_a_story_is_drilled(weak: Store, db_path: Path, opened: list[DrillRequest]) -> None:
    result = run(db_path, "drill", "churn-leakage")
    assert result.exit_code == 0, result.output
    assert opened == [DrillRequest(ident(weak, "churn-leakage"))]


def test_every_story_with_all_stories(
    weak: Store, db_path: Path, opened: list[DrillRequest]
) -> None:
    result = run(db_path, "drill", "--all-stories")
    assert result.exit_code == 0, result.output
    assert opened == [DrillRequest(None)]


def test_by_default_the_story_with_the_most_weak_answers(
    weak: Store, db_path: Path, opened: list[DrillRequest]
) -> None:
    result = run(db_path, "drill")
    assert result.exit_code == 0, result.output
    assert opened == [DrillRequest(ident(weak, "produce-demand-forecast"), picked=True)]


def test_nothing_to_drill_is_one_line_and_no_app(
    weak: Store, db_path: Path, opened: list[DrillRequest]
) -> None:
    result = run(db_path, "drill", "fraud-model-drift")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Nothing to drill in 'Fraud model that broke three weeks after launch': "
        "no follow-up was last rated weak or very weak.\n"
    )
    assert opened == []


def test_nothing_weak_anywhere(samples: Store, db_path: Path, opened: list[DrillRequest]) -> None:
    for args in (["drill"], ["drill", "--all-stories"]):
        result = run(db_path, *args)
        assert result.exit_code == 0, result.output
        assert result.output == "Nothing to drill: no follow-up was last rated weak or very weak.\n"
    assert opened == []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-story"], "no story 'no-such-story'"),
        (["churn-leakage", "--all-stories"], "give a STORY or --all-stories, not both"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    weak: Store, db_path: Path, opened: list[DrillRequest], args: list[str], message: str
) -> None:
    weak.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(db_path)
    line = one_line_error(run(db_path, "drill", *args))
    assert message in line
    assert opened == []
    weak.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest(db_path) == before


def test_no_database_is_an_error_not_a_new_one(tmp_path: Path, opened: list[DrillRequest]) -> None:
    missing = tmp_path / "nowhere.db"
    line = one_line_error(run(missing, "drill", "--all-stories"))
    assert "no coach database" in line
    assert not missing.exists() and opened == []
