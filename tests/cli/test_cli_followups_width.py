"""`coach followups` as text fits an 80-column terminal: long questions and the red-flag
reasons wrap under themselves instead of running off the edge."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run


def test_followups_text_fits_80_columns(loaded: Path) -> None:
    result = run(loaded, "followups", "churn-leakage", "--limit", "8")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 8 * 2  # at least one reason wrapped onto a line of its own
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert any(line.startswith("      ") for line in lines)  # a wrapped reason
