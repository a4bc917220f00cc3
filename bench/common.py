"""What every part of the benchmarks shares: progress on stderr, figures, percentiles."""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PROBE = Path(__file__).resolve().parent / "probe.py"
PROBE_TIMEOUT_S = 120


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def figure(value: float, unit: str, goal: str | None, **extra: Any) -> dict[str, Any]:
    """One named figure of the output."""
    return {"value": round(value, 3), "unit": unit, "goal": goal, **extra}


def percentile(samples: list[float], pct: float) -> float:
    """The nearest-rank percentile (pct in 0..100) of the samples."""
    ordered = sorted(samples)
    rank = math.ceil(pct / 100 * len(ordered))
    return ordered[max(0, min(len(ordered), rank) - 1)]


def run_script(script: Path, args: list[str], env: dict[str, str], timeout: float) -> Any:
    """Run a probe script in a fresh process and return the JSON of its last output line."""
    try:
        done = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{script.name} {args} ran past {timeout} s") from None
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} {args} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_probe(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """One fresh bench/probe.py process to its first frame: seconds from spawn, its peak
    memory, and (mode `progress`) seconds from spawn until the screen was filled."""
    spawned = time.monotonic()
    result = run_script(PROBE, args, env, PROBE_TIMEOUT_S)
    found = {
        "first_frame_s": result["first_frame_monotonic"] - spawned,
        "in_process_s": result["in_process_s"],
        "wall_s": time.monotonic() - spawned,
        "peak_rss_mib": result["peak_rss_mib"],
    }
    if "full_monotonic" in result:
        found["full_s"] = result["full_monotonic"] - spawned
    return found


def measure_starts(
    variants: dict[str, list[str]], runs: int, env: dict[str, str], label: str = "start-up"
) -> dict[str, list[dict[str, float]]]:
    """`runs` probes of every variant, interleaved so drifts in load hit all alike.

    One unmeasured run of each first, to write bytecode and warm the page cache.
    """
    for args in variants.values():
        run_probe(args, env)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
    for round_number in range(runs):
        for name, args in variants.items():
            results[name].append(run_probe(args, env))
        medians = {n: statistics.median(r["first_frame_s"] for r in v) for n, v in results.items()}
        shown = ", ".join(f"{n} {s * 1000:.0f} ms" for n, s in medians.items())
        log(f"  {label} round {round_number + 1}/{runs}: medians so far {shown}")
    return results
