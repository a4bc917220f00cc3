"""One start-up measurement, run by bench/run.py as a fresh process.

    python bench/probe.py bare
    python bench/probe.py coach PATH/TO/coach.db
    python bench/probe.py progress PATH/TO/coach.db
    python bench/probe.py mock PATH/TO/coach.db

Runs the app headless and exits on its first frame: the first time a screen of the
wanted kind (the bank for coach, the default screen for the bare app) hands a
rendered, non-empty update to `App._display`. That is the point where a real
terminal would receive the frame; headless, Textual has already laid out and
rendered every visible widget's lines, it only skips writing them out.

The progress mode opens the app on the progress screen (as `coach progress` does) and
runs on past its first frame until the first frame with every figure and plot filled in
(read in a worker thread after the first frame), reported as `full_monotonic`.

Prints one JSON line to stdout:
  first_frame_monotonic  time.monotonic() at that first frame; on Linux this is
                         CLOCK_MONOTONIC, shared by all processes, so the parent
                         subtracts its own clock reading taken just before spawning
  in_process_s           first frame minus the top of this script (no interpreter start)
  peak_rss_mib           peak resident memory of this process after the app has exited:
                         VmHWM from /proc/self/status where there is one, because on
                         Linux ru_maxrss of a spawned child starts at its parent's peak
                         (kept across fork and exec); ru_maxrss elsewhere
"""

import time

T0 = time.perf_counter()

import json  # noqa: E402 - the clock above must be read before any import
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 40)


def bare_app() -> tuple[Any, str | None]:
    """A bare Textual app: Header, Static, Footer (textual imported here: it is measured)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello from a bare Textual app.")
            yield Footer()

    return Bare(), None


def coach_app(db: Path) -> tuple[Any, str | None]:
    """Coach as the CLI starts it, minus click: open the store, load templates, make the app."""
    from coach.services.workspace import Workspace
    from coach.tui.app import make_app

    workspace = Workspace(db)
    workspace.templates  # noqa: B018 - read before the app, as the CLI does
    app = make_app(workspace, offer_samples=False)
    return app, "BankScreen"


def progress_app(db: Path) -> tuple[Any, str | None]:
    """Coach opened on the progress screen, as `coach progress` starts it."""
    from coach.services.workspace import Workspace
    from coach.tui.app import make_app

    workspace = Workspace(db)
    workspace.templates  # noqa: B018 - read before the app, as the CLI does
    app = make_app(workspace, offer_samples=False, start="progress")
    return app, "ProgressScreen"


def filled(screen: Any) -> bool:
    """The progress screen's figures are in and its plots laid out (so in this frame)."""
    if not getattr(screen, "filled", False):
        return False
    plots = [w for w in screen.query("TrendPlot")]
    return all(p.region.area > 0 for p in plots)


def exit_on_first_frame(
    app: Any, screen_name: str | None, found: dict[str, float], until_filled: bool = False
) -> None:
    """Wrap the app's `_display` so the first real frame of the wanted screen ends the run
    (or, `until_filled`, the first frame of it with everything filled in)."""
    display = app._display

    def first_frame_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None:
            return
        if screen_name is not None and type(screen).__name__ != screen_name:
            return
        if not found:
            found["monotonic"] = time.monotonic()
            found["in_process"] = time.perf_counter() - T0
        if until_filled and "full_monotonic" not in found:
            if not filled(screen):
                return
            found["full_monotonic"] = time.monotonic()
        app.exit()

    app._display = first_frame_display


def peak_rss_mib() -> float:
    """This process's own peak resident memory in MiB (see the module docstring)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "bare":
        app, screen_name = bare_app()
    elif kind == "progress":
        app, screen_name = progress_app(Path(argv[1]))
    elif kind == "mock":
        from mock_start import mock_app  # coach opened on a mock interview

        app, screen_name = mock_app(Path(argv[1]))
    else:
        app, screen_name = coach_app(Path(argv[1]))
    found: dict[str, float] = {}
    exit_on_first_frame(app, screen_name, found, until_filled=kind in ("progress", "mock"))
    app.run(headless=True, size=SIZE)
    if not found:
        print(f"probe {kind}: the app exited without a first frame", file=sys.stderr)
        return 1
    result = {
        "first_frame_monotonic": found["monotonic"],
        "in_process_s": found["in_process"],
        "peak_rss_mib": peak_rss_mib(),
    }
    if "full_monotonic" in found:
        result["full_monotonic"] = found["full_monotonic"]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
