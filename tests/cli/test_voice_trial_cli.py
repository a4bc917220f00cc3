"""`coach voice check|analyze` as a new user tried them: the packaged model's name, a long
folder broken mid-name, a figure of two fields listed twice, silence measured as a pace of
0, and a folder given for the audio."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run

FIXTURES = Path(__file__).resolve().parent.parent / "voice" / "fixtures"
PLAIN = str(FIXTURES / "plain.wav")


def test_check_names_the_packaged_model_and_breaks_its_folder_only_after_a_slash(
    db_path: Path, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 2) / "models" / "model"
    deep.parent.mkdir(parents=True)
    deep.symlink_to(model, target_is_directory=True)
    monkeypatch.setenv("COACH_VOICE_MODEL", str(deep))
    result = run(db_path, "voice", "check")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("model"))
    assert lines[start].startswith("model       tiny.en, ")
    where = [line[12:] for line in lines[start + 1 :]]
    assert all(line.startswith(" " * 12) for line in lines[start + 1 :])
    assert all(len(line) <= 80 for line in lines), lines
    joined = where[0]
    for part in where[1:]:  # a path goes on after a slash; a new word after a space
        joined += part if joined.endswith("/") else " " + part
    assert joined == f"{deep} (COACH_VOICE_MODEL)"
    assert all(a.endswith("/") or b.startswith("(") for a, b in zip(where, where[1:], strict=False))


def test_analyze_names_the_packaged_model(db_path: Path, model: Path) -> None:
    result = run(db_path, "voice", "analyze", PLAIN, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["engine"]["model"] == "tiny.en"
    text = run(db_path, "voice", "analyze", PLAIN).stdout
    assert text.splitlines()[0].endswith("(tiny.en)")


def test_a_figure_in_two_fields_is_listed_once(db_path: Path, model: Path, tmp_path: Path) -> None:
    told = tmp_path / "told.yaml"
    told.write_text(
        "format: 1\ntitle: Churn, told twice\nslug: told-twice\ntemplate: project\n"
        "fields:\n"
        "  impact: Monthly churn fell from 23% to 11% in two quarters.\n"
        "  plain_pitch: We took churn from 23% to 11%, and reviews took 14 days.\n"
    )
    assert run(db_path, "import", str(told)).exit_code == 0
    result = run(db_path, "voice", "analyze", PLAIN, "--story", "told-twice", "--json")
    assert result.exit_code == 0, result.output
    figures = [(f["text"], f["field"], f["said"]) for f in json.loads(result.stdout)["figures"]]
    assert figures == [
        ("23%", "impact", True),
        ("11%", "impact", True),
        ("14 days", "plain_pitch", False),
    ]


def test_silence_says_no_words_were_heard_not_a_pace_of_zero(
    db_path: Path, model: Path, tmp_path: Path
) -> None:
    quiet = tmp_path / "quiet.wav"
    with wave.open(str(quiet), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(b"\0\0" * 16_000 * 3)
    result = run(db_path, "voice", "analyze", str(quiet))
    assert result.exit_code == 0, result.output
    assert "pace        no words heard: is the answer in this recording?" in result.stdout
    assert "0 words a minute" not in result.stdout


def test_a_folder_for_the_audio_is_one_line(db_path: Path, model: Path, tmp_path: Path) -> None:
    result = run(db_path, "voice", "analyze", str(tmp_path))
    assert one_line_error(result) == (
        f"coach: {tmp_path}: a folder, not an audio file (a WAV file works)"
    )
