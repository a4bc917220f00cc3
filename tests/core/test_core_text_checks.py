from __future__ import annotations

import datetime as dt

from coach.core.checks import check_field, has_number, lint_story, vague_words_without_figure
from coach.core.templates import FieldSpec
from coach.core.text import format_seconds, short_when, speaking_seconds, word_count


def spec(checks: tuple[str, ...], seconds: int = 20) -> FieldSpec:
    return FieldSpec(
        "impact", "Impact", "pitch", "What changed?", "hint", "example", 47, seconds, checks
    )


def test_word_count_treats_figures_and_contractions_as_words() -> None:
    assert word_count("We cut churn by 2.4% - didn't we? It's $1.8M.") == 9
    assert word_count("") == 0
    assert word_count("  \n ") == 0


def test_speaking_time_is_about_140_words_a_minute() -> None:
    assert speaking_seconds(140) == 60
    assert speaking_seconds(70) == 30
    assert speaking_seconds(" ".join(["word"] * 35)) == 15


def test_format_seconds() -> None:
    assert format_seconds(75) == "1:15"
    assert format_seconds(-5) == "-0:05"


def test_short_when_today_and_other_years() -> None:
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
    assert short_when("2020-01-02T10:00:00+00:00", now) == "2020-01-02"
    assert ":" in short_when("2026-11-25T11:00:00+00:00", now)


def test_has_number_accepts_digits_and_number_words() -> None:
    assert has_number("cut costs by 12%")
    assert has_number("doubled the click rate")
    assert not has_number("made it much better")


def test_vague_words_only_count_in_clauses_without_a_figure() -> None:
    words = ("improved", "a lot", "very")
    assert vague_words_without_figure("It improved a lot. Very happy.", words) == [
        "improved a lot",
        "very happy",
    ]
    assert vague_words_without_figure("It improved recall by 4 points.", words) == []
    assert vague_words_without_figure("The unimproved baseline.", words) == []
    # One clause's figure does not excuse another's claim.
    assert vague_words_without_figure("Recall rose 4 points and it improved a lot.", words) == [
        "improved a lot"
    ]


def test_check_field_flags_missing_number_vague_and_length() -> None:
    field = spec(("required", "number", "vague", "length"), seconds=10)
    found = {f.check for f in check_field(field, "It improved things a lot.", ("improved",))}
    assert found == {"number", "vague"}
    long_text = " ".join(["forty"] * 60)
    assert {f.check for f in check_field(field, long_text, ())} == {"length"}
    assert [f.check for f in check_field(field, "   ", ())] == ["required"]
    assert check_field(field, "Cut churn from 2.4% to 1.9%.", ("improved",)) == []


def test_an_empty_optional_field_fails_nothing() -> None:
    assert check_field(spec(("number", "vague")), "", ("very",)) == []


def test_lint_story_counts_filled_and_passing(templates) -> None:
    project = templates.get("project")
    done = lint_story(
        project, {"goal": "Ranked customers by churn risk at a telecom.", "impact": "It helped."}
    )
    assert done.total == len(project.fields)
    assert done.filled == 2
    assert done.passing == 1
    keys = {(f.key, f.check) for f in done.findings}
    assert ("impact", "number") in keys
    assert ("challenges", "required") in keys
    assert done.summary().startswith(f"2/{len(project.fields)} filled")
