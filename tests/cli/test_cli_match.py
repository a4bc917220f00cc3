"""coach match and coach coverage through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import one_line_error, run


def test_match_finds_a_paraphrased_story_and_says_why(loaded: Path) -> None:
    result = run(loaded, "match", "predicted which customers would cancel")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[1]
    assert "churn-leakage" in first
    assert "churn ~ cancel" in result.output


def test_match_json_has_the_documented_shape(loaded: Path) -> None:
    result = run(loaded, "match", "catching fraudulent payments", "--json", "--limit", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"question", "matches", "fits"}
    assert data["fits"] is True and len(data["matches"]) <= 2
    best = data["matches"][0]
    assert set(best) == {"id", "slug", "title", "score", "why"}
    assert best["slug"] == "fraud-model-drift" and 0 < best["score"] <= 1


def test_match_says_plainly_when_no_story_fits(loaded: Path) -> None:
    result = run(loaded, "match", "Tell me about mentoring a junior colleague")
    assert result.exit_code == 0, result.output
    assert "No story" in result.output
    data = json.loads(run(loaded, "match", "mentoring a junior", "--json").output)
    assert data["fits"] is False


def test_match_takes_a_common_questions_id(loaded: Path) -> None:
    data = json.loads(run(loaded, "match", "learn-fast", "--json").output)
    assert data["question"].startswith("Tell me about a time you had to learn")
    assert data["matches"][0]["slug"] == "spark-in-two-weeks"


def test_match_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    assert "nope.db" in one_line_error(run(missing, "match", "anything"))
    assert not missing.exists()


def test_coverage_lists_what_to_write_next_within_80_columns(loaded: Path) -> None:
    result = run(loaded, "coverage")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Common questions: ")
    assert "No story yet: write these next" in result.output
    assert "mentoring" in result.output.split("No story yet")[1]
    assert "best for " in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_coverage_json(loaded: Path) -> None:
    data = json.loads(run(loaded, "coverage", "--json").output)
    assert set(data) == {"counts", "questions", "busiest"}
    assert len(data["questions"]) >= 60
    assert {q["level"] for q in data["questions"]} <= {"good", "weak", "none"}


def test_a_broken_user_file_is_an_error_naming_its_line(loaded: Path, tmp_path: Path) -> None:
    folder = tmp_path / "config" / "templates" / "common"
    folder.mkdir(parents=True)
    (folder / "questions.yaml").write_text(
        "title: t\nquestions:\n  - {id: x, text: y, kind: nope}\n"
    )
    line = one_line_error(run(loaded, "coverage"))
    assert "questions.yaml:3:" in line and "kind" in line
