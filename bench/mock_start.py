"""The mock interview's start-up: `mock_start_ratio` and `mock_ready_ms`.

Each run is a fresh process (bench/probe.py, mode `mock`) that opens coach straight on a
mock interview, as `coach mock` does, over the bank of 10,000 stories; the bare Textual app
is measured in the same rounds, interleaved. The screen's first frame must not wait for the
stories to be matched: that happens in a worker after it, measured as `mock_ready_ms` (the
first frame to the first frame after every drawn question is matched against the bank).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SEED = 1
"""The draw of the questions: fixed, so every run matches the same ones."""


def mock_app(db: Path) -> tuple[Any, str | None]:
    """Coach opened on a 30-minute mixed mock, as `coach mock` starts it (for the probe;
    imported there, so nothing here is imported before it is measured)."""
    from coach.services.workspace import Workspace
    from coach.tui.app import MockRequest, make_app

    workspace = Workspace(db)
    workspace.templates  # noqa: B018 - read before the app, as the CLI does
    app = make_app(workspace, offer_samples=False, mock=MockRequest(30, "mixed", SEED))
    return app, "MockScreen"


def mock_figures(db: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Medians over `runs` rounds of (bare app, mock screen), after one warm-up each."""
    import statistics

    from common import figure, measure_starts

    results = measure_starts({"bare": ["bare"], "mock": ["mock", str(db)]}, runs, env, "mock")
    bare = statistics.median(r["first_frame_s"] for r in results["bare"])
    first = statistics.median(r["first_frame_s"] for r in results["mock"])
    ready = [r["full_s"] - r["first_frame_s"] for r in results["mock"] if "full_s" in r]
    baseline = {
        "what": "bare Textual app (Header, Static, Footer) to its first frame, headless",
        "value": round(bare, 4),
        "unit": "s",
    }
    detail = {"first_frame_s": round(first, 4), "runs": runs, "size": "120x40, headless"}
    figures = {
        "mock_start_ratio": figure(
            first / bare, "ratio", "<= 1.6", baseline=baseline, detail=detail
        ),
    }
    if ready:
        figures["mock_ready_ms"] = figure(
            statistics.median(ready) * 1000,
            "ms",
            None,
            detail={
                "what": "the mock screen's first frame to its first frame with every drawn "
                "question matched against the 10,000 stories (in a worker)",
                "max_ms": round(max(ready) * 1000, 1),
            },
        )
    return figures
