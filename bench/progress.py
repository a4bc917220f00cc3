"""The progress screen's start-up: `progress_start_ratio` and `progress_full_ms`.

Each run is a fresh process (bench/probe.py, mode `progress`) that opens coach straight
on the progress screen, as `coach progress` does, over the bank of 10,000 stories with
100,000 answers; the bare Textual app is measured in the same rounds, interleaved.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from common import figure, log, run_script

PROBE = Path(__file__).resolve().parent / "probe.py"
PROBE_TIMEOUT_S = 120


def run_probe(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to the first frame (and, for progress, to the filled frame)."""
    spawned = time.monotonic()
    result = run_script(PROBE, args, env, PROBE_TIMEOUT_S)
    found = {"first_frame_s": result["first_frame_monotonic"] - spawned}
    if "full_monotonic" in result:
        found["full_s"] = result["full_monotonic"] - spawned
    return found


def progress_figures(db: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Medians over `runs` rounds of (bare app, progress screen), after one warm-up each."""
    variants = {"bare": ["bare"], "progress": ["progress", str(db)]}
    for args in variants.values():
        run_probe(args, env)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
    for round_number in range(runs):
        for name, args in variants.items():
            results[name].append(run_probe(args, env))
        last = results["progress"][-1]
        log(
            f"  progress round {round_number + 1}/{runs}: bare "
            f"{results['bare'][-1]['first_frame_s'] * 1000:.0f} ms, first frame "
            f"{last['first_frame_s'] * 1000:.0f} ms, filled {last['full_s'] * 1000:.0f} ms"
        )

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
    detail = {"first_frame_s": round(first, 4), "runs": runs, "size": "120x40, headless"}
    return {
        "progress_start_ratio": figure(
            first / bare, "ratio", "<= 1.6", baseline=baseline, detail=detail
        ),
        "progress_full_ms": figure(
            full * 1000,
            "ms",
            None,
            detail={
                "what": "spawn to the first frame with every figure and both plots filled in",
                "after_first_frame_ms": round((full - first) * 1000, 1),
            },
        ),
    }
