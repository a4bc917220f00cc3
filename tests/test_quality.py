"""The code's own checks: lint, types, and the layering (import-linter's contracts in
pyproject.toml, and no Textual loaded below the TUI at run time)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "coach", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(sys.executable, "-m", "ruff", "format", "--check", "coach", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts() -> None:
    """The rooms only point down (see [tool.importlinter] in pyproject.toml)."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = run(str(lint), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module",
    [
        "coach.core.storyfiles",
        "coach.core.checks",
        "coach.store",
        "coach.services.workspace",
        "coach.services.stories",
        "coach.services.rehearsals",
        "coach.services.progress",
        "coach.services.export",
        "coach.render.sheets",
    ],
)
def test_nothing_below_the_tui_loads_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_cli_help_does_not_load_textual() -> None:
    code = "import sys, coach.cli; print('textual' in sys.modules)"
    assert run(sys.executable, "-c", code).stdout.strip() == "False"


def test_the_wheel_carries_templates_and_samples(tmp_path: Path) -> None:
    result = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(tmp_path),
        ".",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = tmp_path.glob("coach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in (ROOT / "templates").rglob("*.yaml"):
        assert f"coach/_data/templates/{shipped.relative_to(ROOT / 'templates')}" in names
    for sample in (ROOT / "stories").glob("*.yaml"):
        assert f"coach/_data/stories/{sample.name}" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import coach.paths as p; print(p.shipped_templates_dir()); print(p.samples_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site)},
        check=True,
    ).stdout.split()
    assert out == [str(site / "coach/_data/templates"), str(site / "coach/_data/stories")]
