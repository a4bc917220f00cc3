"""The app as the command line builds it, over the test's database and fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_clock import FakeClock
from tui_helpers import AppFactory

from coach.services.workspace import Workspace
from coach.tui.app import CoachApp, make_app


@pytest.fixture
def coach_app(db_path: Path, clock: FakeClock) -> Iterator[AppFactory]:
    """`coach_app(**options)` builds an app over `db_path`, with `make_app`'s options;
    unless told otherwise it offers no samples and its pacing timers read `clock`.
    Each app gets a workspace of its own (as each run of `coach` does), closed after."""
    opened: list[Workspace] = []

    def build(**options: Any) -> CoachApp:
        workspace = Workspace(db_path)
        opened.append(workspace)
        options = {"offer_samples": False, "clock": clock, **options}
        return make_app(workspace, **options)

    yield build
    for workspace in opened:
        workspace.close()
