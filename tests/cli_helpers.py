"""Running the command line in tests: in process through click's runner, or as a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from coach.cli import main


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def coach_process(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point's code path, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, check=False
    )
