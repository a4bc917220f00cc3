"""Matching gives the same answer in every process: Python orders its sets by a hash that
changes per process (PYTHONHASHSEED), and which topic of a question was read first once
decided which story was best where two were close."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.store import Store


def coverage_in_a_process(db_path: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--db", str(db_path), "coverage", "--json"],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return done.stdout


def test_coverage_is_the_same_whatever_the_hash_seed(samples: Store, db_path: Path) -> None:
    samples.close()
    seen = {coverage_in_a_process(db_path, seed) for seed in ("1", "2", "3", "4")}
    assert len(seen) == 1
    assert '"good"' in next(iter(seen))
