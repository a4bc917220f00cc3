"""User text never drives the terminal: escape sequences and control characters in a
story (window title, clipboard write, clear screen, the C1 CSI byte) are shown as
symbols by every command that prints it; story files keep the exact text, escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from coach.cli import main
from coach.core.schedule import Rating
from coach.services.workspace import Workspace
from coach.store import rehearsals

TITLE = "Churn \x1b]0;PWNED\x07 model \x1b]52;c;aGk=\x07 \x1b[2J \x9b31m end"
HOSTILE = r"""format: 1
title: "Churn \e]0;PWNED\a model \e]52;c;aGk=\a \e[2J \x9b31m end"
slug: hostile
template: project
company: "Evil \e]0;CO\a Corp"
role: "Data \x9bK scientist"
tags: ["tag\e]0;T\a", "plain"]
competencies: ["evaluation\e[2J"]
fields:
  goal: "I built a model \e]0;GOAL\a that cut churn by 12% \x9b2J for 4,000 users.\rOver."
  impact: "Saved $1.2M \e[5m a year, \x7f vague."
"""
_STYLE = re.compile(r"\x1b\[(?:0|1|3[0-7])m")
"""click.style's own bold and colours, which the commands add themselves (the story's
own sequence, blink, is not among them)."""


def raw_controls(text: str) -> list[str]:
    """The control characters in `text` but tab, newline and coach's own styling."""
    text = _STYLE.sub("", text)
    return [ch for ch in text if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F]


def terminal(db: Path, *args: str) -> Result:
    """The command as run on a terminal: click keeps escape sequences it would strip
    from a pipe."""
    return CliRunner().invoke(main, ["--db", str(db), *args], color=True)


@pytest.fixture
def hostile(tmp_path: Path, db_path: Path, workspace: Workspace) -> Path:
    """A story full of control characters, with a rehearsal of it (a note taken on a
    follow-up rated very weak)."""
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = terminal(db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    store = workspace.open_store()
    found = store.find("hostile")
    assert found is not None
    story_id = found.id
    rid = rehearsals.start(store, story_id, persona="technical")
    rehearsals.record(
        store,
        rid,
        0,
        kind="followup",
        key="data-size",
        category="data",
        prompt="How big \x1b]0;Q\x07 was it?",
        target_seconds=40,
        seconds=50,
        rating=Rating(1),
        note="forgot \x1b[2J the size",
    )
    rehearsals.close(store, rid, "finished")
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--tag", "plain"],
        ["show", "hostile"],
        ["lint", "hostile"],
        ["stats"],
        ["followups", "hostile"],
        ["export", "hostile", "--format", "md", "--out", "-"],
        ["export", "hostile", "--format", "html", "--out", "-"],
        ["export", "--format", "md", "--out", "-"],
    ],
    ids=lambda args: " ".join(args),
)
def test_user_text_is_shown_not_obeyed(hostile: Path, args: list[str]) -> None:
    result = terminal(hostile, *args)
    assert result.exit_code == 0, result.output
    assert "PWNED" in result.output or "hostile" in result.output or "Churn" in result.output
    assert raw_controls(result.output) == []


def test_show_says_where_the_escapes_were(hostile: Path) -> None:
    result = terminal(hostile, "show", "hostile")
    assert "Churn ␛]0;PWNED␇ model ␛]52;c;aGk=␇ ␛[2J \ufffd31m end" in result.output
    assert "12% \ufffd2J for 4,000 users.␍Over." in result.output
    assert "Saved $1.2M ␛[5m a year, ␡ vague." in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json"],
        ["show", "hostile", "--json"],
        ["lint", "hostile", "--json"],
        ["stats", "--json"],
        ["followups", "hostile", "--json"],
    ],
    ids=lambda args: " ".join(args),
)
def test_json_escapes_every_control_and_keeps_the_text(hostile: Path, args: list[str]) -> None:
    result = terminal(hostile, *args)
    assert result.exit_code == 0, result.output
    assert [ch for ch in result.output if ch < " " and ch != "\n" or "\x7f" <= ch <= "\x9f"] == []
    said = _strings(json.loads(result.output))
    assert TITLE in said if args[0] != "lint" else "hostile" in said


def _strings(data: object) -> list[str]:
    """Every string in decoded JSON."""
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in [key, *_strings(value)]]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_story_files_keep_the_exact_text_escaped(hostile: Path, fmt: str) -> None:
    result = terminal(hostile, "export", "hostile", "--format", fmt, "--out", "-")
    assert result.exit_code == 0, result.output
    assert [ch for ch in result.output if ch < " " and ch != "\n" or "\x7f" <= ch <= "\x9f"] == []
    assert yaml.safe_load(result.output)["title"] == TITLE  # JSON is YAML too


def test_an_error_quoting_a_file_name_shows_its_escapes(hostile: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad\x1b]0;FILE\x07.yaml"
    bad.write_text("format: 1\ntitle: [not, text]\n", encoding="utf-8")
    result = terminal(hostile, "import", str(bad))
    assert result.exit_code == 2
    assert "bad␛]0;FILE␇.yaml" in result.stderr
    assert raw_controls(result.stderr) == []
