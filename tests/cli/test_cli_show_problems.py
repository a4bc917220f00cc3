"""`coach show` says every problem of every field, as `coach lint` does."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run


def test_show_prints_every_problem_of_each_field(loaded: Path) -> None:
    report = json.loads(run(loaded, "lint", "--json").stdout)
    several = 0
    for story in report:
        shown = run(loaded, "show", story["slug"])
        assert shown.exit_code == 0, shown.output
        keys = [f["key"] for f in story["findings"]]
        several += len(keys) - len(set(keys))
        for finding in story["findings"]:
            assert f"! {finding['message']}" in shown.stdout, (story["slug"], finding)
    assert several  # some field of the samples has more than one problem
