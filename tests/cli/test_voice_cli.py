"""`coach voice check|setup|analyze` on the committed spoken answers, with the packaged
tiny.en model; every failure is one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run

FIXTURES = Path(__file__).resolve().parent.parent / "voice" / "fixtures"
PAUSES = str(FIXTURES / "pauses.wav")
KEYS = [
    "audio",
    "duration_s",
    "speaking_s",
    "words",
    "wpm",
    "speaking_wpm",
    "fillers",
    "pauses",
    "figures",
    "transcript",
    "engine",
]


def test_analyze_json_has_the_issue_s_shape(db_path: Path, model: Path) -> None:
    result = run(db_path, "voice", "analyze", PAUSES, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    assert data["audio"] == "pauses.wav"
    assert data["engine"] == {"name": "faster-whisper", "model": "tiny.en"}
    assert list(data["fillers"]) == ["count", "per_minute", "by_word"]
    assert [list(p) for p in data["pauses"]] == [["at_s", "seconds"]] * 2
    assert data["figures"] == []
    assert isinstance(data["words"], int) and data["words"] > 30
    assert data["speaking_s"] < data["duration_s"] - 5
    assert "62%" in data["transcript"]


def test_analyze_text_fits_80_columns(db_path: Path, model: Path) -> None:
    result = run(db_path, "voice", "analyze", PAUSES)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert lines[0].startswith("pauses.wav  18.6 s, ")
    assert lines[1].startswith("pace        ") and "(aim for 130-150)" in lines[1]
    assert "fillers     none heard" in lines
    assert "pauses      at 0:01.8 for 2.5 s; at 0:07.7 for 3.0 s" in lines
    assert lines[4].startswith("heard       ")


@pytest.fixture
def told(db_path: Path) -> Path:
    """A bank holding the story the spoken fixtures tell (tests/voice/fixtures/story.yaml)."""
    result = run(db_path, "import", str(FIXTURES / "story.yaml"))
    assert result.exit_code == 0, result.output
    return db_path


def test_analyze_with_a_story_lists_its_figures_said_and_missed(told: Path, model: Path) -> None:
    args = ["voice", "analyze", PAUSES, "--story", "heard-story"]
    result = run(told, *args, "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert [(f["text"], f["field"], f["said"]) for f in figures] == [
        ("2,000", "goal", False),
        ("23%", "impact", False),
        ("11%", "impact", False),
        ("$2.1M", "impact", False),
        ("7 days", "challenges", True),
        ("62%", "challenges", True),
        ("40 minutes", "production", False),
        ("90 milliseconds", "production", False),
        ("0.81", "production", False),
    ]
    assert all((f["at_s"] is None) != f["said"] for f in figures)
    text = run(told, *args, "--field", "challenges").stdout
    assert "figures     said 2 of 2: 7 days (at 0:12." in text
    assert "62% (at 0:15." in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_a_field_the_story_has_not_is_one_line(told: Path, model: Path) -> None:
    result = run(told, "voice", "analyze", PAUSES, "--story", "heard-story", "--field", "x")
    said = one_line_error(result)
    assert said.startswith(
        "coach: --field 'x' is not a field of heard-story; its fields: goal, impact, "
    )


def test_a_field_without_a_story_is_one_line(db_path: Path) -> None:
    result = run(db_path, "voice", "analyze", PAUSES, "--field", "impact")
    assert one_line_error(result) == "coach: --field needs --story: the field of which story?"


def test_no_model_yet_says_how_to_get_one(
    db_path: Path, model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_VOICE_MODEL")
    result = run(db_path, "voice", "analyze", PAUSES)
    assert one_line_error(result) == (
        "coach: no voice model 'tiny.en' yet; run `coach voice setup --model tiny.en`"
    )


def test_a_damaged_model_is_one_line(db_path: Path, model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "model.bin").write_bytes(b"not a model")
    (broken / "config.json").write_text("{}")
    result = run(db_path, "voice", "analyze", PAUSES, "--model", str(broken))
    assert one_line_error(result).startswith(f"coach: cannot load the voice model at {broken} (")


@pytest.mark.parametrize(
    ("content", "said"),
    [(None, "no such audio file"), (b"RIFF but not really", "cannot read this as audio")],
)
def test_unreadable_audio_is_one_line(
    db_path: Path, model: Path, tmp_path: Path, content: bytes | None, said: str
) -> None:
    audio = tmp_path / "answer.wav"
    if content is not None:
        audio.write_bytes(content)
    result = run(db_path, "voice", "analyze", str(audio))
    assert one_line_error(result).startswith(f"coach: {audio}: {said}")


def test_setup_offline_is_one_line(
    db_path: Path, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # as here: Hugging Face cannot be reached
    result = run(db_path, "voice", "setup", "--model", "base.en")
    said = one_line_error(result)
    assert said.startswith("coach: cannot download base.en from Hugging Face (")
    assert said.endswith("); check the connection, or set COACH_VOICE_MODEL to a model folder")
    assert list((tmp_path / "data" / "coach" / "models").iterdir()) == []  # nothing half-made


def test_check_says_what_is_there(db_path: Path, model: Path) -> None:
    result = run(db_path, "voice", "check")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("extra       faster-whisper ")
    assert lines[1].startswith("microphone  ")
    model_line = next(line for line in lines if line.startswith("model"))
    assert model_line.startswith("model       tiny.en, ") and model_line.endswith(" MB")
    assert all(len(line) <= 80 for line in lines), lines


@pytest.mark.parametrize("args", [["check"], ["setup"], ["analyze", PAUSES]])
def test_without_the_extra_every_voice_command_says_how_to_get_it(
    tmp_path: Path, args: list[str]
) -> None:
    blocked = (
        "import sys; sys.modules['faster_whisper'] = None; sys.modules['sounddevice'] = None; "
        "from coach.cli import run; sys.argv = ['coach', *sys.argv[1:]]; run()"
    )
    db = str(tmp_path / "coach.db")
    done = subprocess.run(
        [sys.executable, "-c", blocked, "--db", db, "voice", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == "coach: voice needs the extra: pip install 'coach[voice]'\n"
    assert done.stdout == ""


def test_starting_coach_loads_no_speech_code() -> None:
    """The voice commands import faster-whisper (and numpy) only when one of them runs."""
    code = "import sys, coach.cli; print(sorted({'faster_whisper', 'numpy'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_setup_shows_its_progress_then_where_the_model_is(
    db_path: Path, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.services.voice import models

    def slow_download(name: str, output_dir: str) -> None:
        folder = Path(output_dir)
        (folder / "config.json").write_text("{}")
        with (folder / "model.bin").open("wb") as out:
            for _ in range(4):
                out.write(b"x" * 1_000_000)
                out.flush()
                time.sleep(0.3)

    hub = types.SimpleNamespace(utils=types.SimpleNamespace(download_model=slow_download))
    monkeypatch.setattr(models, "whisper", lambda: hub)
    result = run(db_path, "voice", "setup", "--model", "small.en")
    assert result.exit_code == 0, result.output
    target = tmp_path / "data" / "coach" / "models" / "small.en"
    assert result.stdout.splitlines() == [
        f"downloading small.en into {target.parent} ...",
        f"small.en is ready (4.0 MB): {target}",
    ]
    assert "\rsmall.en: " in result.stderr and " of about 484 MB" in result.stderr
    assert result.stderr.endswith("\n")
