"""What the start of the app and of the progress screen leave unimported: each module a
start loads is time before its first frame (bench/run.py's start_10k_ratio and
progress_fill_ms). Each case runs in a fresh interpreter, where nothing is loaded yet."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from coach.store import Store
from coach.store import mocks as mock_rows

ROOT = Path(__file__).resolve().parents[2]

BANK_START = """
import asyncio, sys
from pathlib import Path
from coach.services.workspace import Workspace
from coach.tui.app import make_app

async def main() -> None:
    workspace = Workspace(Path(sys.argv[1]))
    app = make_app(workspace, offer_samples=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(5):
            await pilot.pause()
        print(type(app.screen).__name__, "coach.services.mock" in sys.modules)
    workspace.close()

asyncio.run(main())
"""


def run_python(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_bank_starts_without_the_mock_unless_one_was_left(
    samples: Store, db_path: Path
) -> None:
    assert run_python(BANK_START, str(db_path)) == "BankScreen False"
    mock_rows.start(samples, 30, "mixed", 3)
    assert run_python(BANK_START, str(db_path)) == "ResumeDialog True"


def test_reading_progress_leaves_the_voice_modules_unloaded() -> None:
    code = """
    import sys, coach.services.progress
    print(sorted(m for m in ("coach.store.voice", "coach.core.speech",
        "coach.core.spoken_figures") if m in sys.modules))
    """
    assert run_python(code) == "[]"
