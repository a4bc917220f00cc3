"""What every part of the benchmarks shares: progress on stderr, figures, percentiles."""

from __future__ import annotations

import math
import sys
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
