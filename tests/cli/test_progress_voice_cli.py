"""`coach stats` with answers heard: the pace and fillers a minute of the rehearsals heard,
in the text and under a new `heard` key of --json (no other key renamed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from progress_history import NOW
from progress_voice_history import hear_history

from coach.store import Store

pytestmark = pytest.mark.usefixtures("utc")


def test_stats_json_has_the_pace_of_each_rehearsal_heard(
    samples: Store, history: dict[str, int], db_path: Path
) -> None:
    quiet = json.loads(run(db_path, "stats", "--json", "--now", NOW.isoformat()).output)
    assert quiet["heard"] == {"band": [130, 150], "trend": []}
    ids = hear_history(samples)
    result = run(db_path, "stats", "--json", "--now", NOW.isoformat())
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data)[:5] == ["now", "totals", "streaks", "weeks", "trend"]
    assert list(data)[-3:] == ["coverage", "heard", "stories"]
    trend = data["heard"]["trend"]
    assert [row["rehearsal"] for row in trend] == list(ids.values())
    assert trend[-1] == {
        "rehearsal": ids["2026-03-10"],
        "story": "churn-leakage",
        "started_at": "2026-03-10T12:00:00+00:00",
        "answers": 2,
        "seconds": 120.0,
        "words": 282,
        "wpm": 141.0,
        "fillers": 2,
        "fillers_per_minute": 1.0,
    }
    assert [row["wpm"] for row in trend] == [172.0, 165.0, 158.0, 149.0, 141.0]


def test_stats_text_says_the_pace_heard(
    samples: Store, history: dict[str, int], db_path: Path
) -> None:
    quiet = run(db_path, "stats", "--now", NOW.isoformat()).output
    assert "words a minute" not in quiet
    hear_history(samples)
    result = run(db_path, "stats", "--now", NOW.isoformat())
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("Heard, the last 5 rehearsals with the microphone on")
    assert lines[start + 1 : start + 4] == [
        "  words a minute     172 165 158 149 141  (aim for 130-150; last: in the band)",
        "  fillers a minute   6 4 3 2 1",
        "",
    ]
    assert all(len(line) <= 80 for line in lines)
