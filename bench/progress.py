"""The progress screen's start-up: `progress_start_ratio`, `progress_fill_ms` and
`progress_full_ms`.

Each run is a fresh process (bench/probe.py, mode `progress`) that opens coach straight
on the progress screen, as `coach progress` does, over the bank of 10,000 stories with
100,000 answers; the bare Textual app is measured in the same rounds, interleaved. The
screen's own work is what follows its first frame (`progress_fill_ms`): spawn to filled
(`progress_full_ms`) also holds the interpreter's and Textual's start, which the bare
app's first frame (its baseline) shows no Textual app here can go below.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from common import figure, measure_starts


def progress_figures(db: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Medians over `runs` rounds of (bare app, progress screen), after one warm-up each."""
    variants = {"bare": ["bare"], "progress": ["progress", str(db)]}
    results = measure_starts(variants, runs, env, label="progress")

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    bare, first, full = (
        median("bare", "first_frame_s"),
        median("progress", "first_frame_s"),
        median("progress", "full_s"),
    )
    baseline = {
        "what": "bare Textual app (Header, Static, Footer) to its first frame, headless",
        "value": round(bare, 4),
        "unit": "s",
    }
    fills = [r["full_s"] - r["first_frame_s"] for r in results["progress"]]
    detail = {"first_frame_s": round(first, 4), "runs": runs, "size": "120x40, headless"}
    return {
        "progress_start_ratio": figure(
            first / bare, "ratio", "<= 1.6", baseline=baseline, detail=detail
        ),
        "progress_fill_ms": figure(
            statistics.median(fills) * 1000,
            "ms",
            "<= 300",
            detail={
                "what": "the screen's first frame to the first frame with every figure, both "
                "plots and the stories the table shows unscrolled filled in",
                "min_ms": round(min(fills) * 1000, 1),
                "max_ms": round(max(fills) * 1000, 1),
            },
        ),
        "progress_full_ms": figure(
            full * 1000,
            "ms",
            None,
            baseline=baseline,
            detail={
                "what": "spawn to the first frame with every figure and both plots filled in "
                "(the interpreter's and Textual's start included: see the baseline)",
                "after_first_frame_ms": round((full - first) * 1000, 1),
            },
        ),
    }
