"""What every part of the benchmarks shares: progress on stderr, figures, percentiles."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any


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
