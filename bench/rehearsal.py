"""The rehearsal figures of bench/run.py: the pacing timer's error and CPU, and follow-ups
(measured in bench/followups.py, over a bank built by bench/databases.py).

- timer_error_ms: the pacing timer's elapsed time against the truth kept apart from it,
  over a 10-minute rehearsal on a fake clock (ticks at 10 Hz, stalls of up to 1 s,
  pauses) and over a few real seconds of a headless app whose event loop is blocked.
- timer_cpu_pct: CPU of one core while the clock runs on coach's rehearsal screen, each
  variant in a fresh process (bench/timer_probe.py), against a bare 10 Hz app.
- followups_p50_ms: choosing follow-ups for one story in a 10,000-story bank holding
  100,000 past answers, from reading the story to the picks.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import figure, log, run_script

if TYPE_CHECKING:
    from textual.app import App

    from coach.core.pacing import PacingClock
    from coach.tui.widgets.pacing_timer import PacingTimer

HERE = Path(__file__).resolve().parent
TIMER_PROBE = HERE / "timer_probe.py"

# -- timer error ------------------------------------------------------------------------

REHEARSAL_S = 600.0
"""The simulated rehearsal's length (fake time)."""
TICK_S = 0.1
"""How often the UI looks at the clock when it is not stalled (the widget's own 10 Hz)."""
MAX_STALL_S = 1.0
STALL_CHANCE = 1 / 30
"""The chance that the UI stalls before a tick: about every 3 s."""
PAUSE_CHANCE = 1 / 150
"""The chance that the user presses space (pause or resume) before a tick."""
TARGETS_S = (15, 20, 30, 45, 60, 90)
"""Target times the simulated answers are drawn from (those of sections and follow-ups)."""


class FakeTime:
    """A clock the simulation moves by hand."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@dataclass
class Tally:
    """What the fake-clock run has seen so far: the worst gaps (s) and what happened."""

    worst: dict[str, float] = field(
        default_factory=lambda: {"clock": 0.0, "widget": 0.0, "tick_counting": 0.0}
    )
    counts: dict[str, int] = field(
        default_factory=lambda: {"answers": 0, "ticks": 0, "stalls": 0, "pauses": 0}
    )
    stalled: float = 0.0
    longest_stall: float = 0.0


def fake_clock_error(seed: int) -> dict[str, Any]:
    """Worst gaps (ms) over a 10-minute fake-clock rehearsal of answers of random length.

    The truth is the sum of each answer's running intervals, kept by the simulation
    alone. Compared with it after every tick: `PacingClock.elapsed()` and the elapsed time
    behind a PacingTimer's last look (the widget made without an app). Also shown: what a
    timer counting ticks would have been off by, to show the stalls bite.
    """
    from coach.core.pacing import PacingClock
    from coach.tui.widgets.pacing_timer import PacingTimer

    rng = random.Random(seed)
    start = 1000.0
    fake = FakeTime(start)
    widget: PacingTimer | None
    try:
        widget = PacingTimer()
    except Exception as exc:  # a widget that needs an app: measure the clock alone
        log(f"  the pacing timer cannot be made without an app ({exc!r}): clock only")
        widget = None
    tally = Tally()
    while fake.now - start < REHEARSAL_S:
        target = rng.choice(TARGETS_S)
        ends = fake.now + target * rng.uniform(0.3, 1.6)
        clock = PacingClock(target, fake)
        clock.start()
        if widget is not None:
            widget.show_clock(clock)
        tally.counts["answers"] += 1
        simulate_answer(rng, fake, ends, clock, widget, tally)
    worst = tally.worst
    return {
        "worst_ms": round(max(worst["clock"], worst["widget"]) * 1000, 6),
        "clock_worst_ms": round(worst["clock"] * 1000, 6),
        "widget_worst_ms": None if widget is None else round(worst["widget"] * 1000, 6),
        "tick_counting_would_be_off_ms": round(worst["tick_counting"] * 1000, 1),
        "simulated_s": round(fake.now - start, 1),
        **tally.counts,
        "stalled_s": round(tally.stalled, 1),
        "longest_stall_s": round(tally.longest_stall, 3),
    }


def simulate_answer(
    rng: random.Random,
    fake: FakeTime,
    ends: float,
    clock: PacingClock,
    widget: PacingTimer | None,
    tally: Tally,
) -> None:
    """Tick until the fake time reaches `ends`, the UI stalling and the user pausing at
    random, comparing the clock (and the widget) with the truth after every tick."""
    truth = counted = 0.0
    running = True
    worst, counts = tally.worst, tally.counts
    while fake.now < ends:
        step = TICK_S
        if rng.random() < STALL_CHANCE:
            stall = rng.uniform(0.0, MAX_STALL_S)
            step += stall
            tally.stalled += stall
            tally.longest_stall = max(tally.longest_stall, stall)
            counts["stalls"] += 1
        fake.now += step
        if running:
            truth += step
            counted += TICK_S
        if rng.random() < PAUSE_CHANCE:
            if running:
                clock.pause()
                counts["pauses"] += 1
            else:
                clock.resume()
            running = not running
        counts["ticks"] += 1
        worst["clock"] = max(worst["clock"], abs(clock.elapsed() - truth))
        worst["tick_counting"] = max(worst["tick_counting"], abs(counted - truth))
        if widget is not None:
            widget.tick()
            worst["widget"] = max(worst["widget"], abs(widget.last_elapsed - truth))


class Truth:
    """Elapsed running time, read from time.monotonic() apart from the pacing clock."""

    def __init__(self) -> None:
        self.banked = 0.0
        self.since: float | None = None

    def start(self) -> None:
        self.since = time.monotonic()

    def pause(self) -> None:
        assert self.since is not None
        self.banked += time.monotonic() - self.since
        self.since = None

    def elapsed(self, now: float) -> float:
        return self.banked + (now - self.since if self.since is not None else 0.0)


STALL_EVERY_S = 0.5
"""How often the real-time app may block its event loop (half the time it does)."""


@dataclass
class Watch:
    """What the real-time run records: at each tick, the gap (s) to the truth and when the
    widget last looked at the clock; and every stall of the event loop."""

    gaps: list[float] = field(default_factory=list)
    tick_times: list[float] = field(default_factory=list)
    stalls: list[float] = field(default_factory=list)


async def real_time_error(seconds: float, seed: int) -> dict[str, Any]:
    """Worst gap (ms) at the widget's own ticks in a headless app whose loop is blocked.

    A PacingTimer over a real monotonic PacingClock runs for `seconds`; an interval
    blocks the event loop with time.sleep (the first time for a full MAX_STALL_S); the
    clock is paused once for 0.4 s. At each tick the widget's last elapsed time is compared
    with the truth read from time.monotonic() just after its last look at the clock.
    """
    from coach.core.pacing import PacingClock
    from coach.tui.widgets.pacing_timer import PacingTimer

    truth = Truth()
    watch = Watch()
    app = stalling_app(truth, random.Random(seed), watch)
    async with app.run_test(size=(120, 40)) as pilot:
        timer = app.query_one("#pacing", PacingTimer)
        clock = PacingClock(60.0)
        truth.start()
        clock.start()
        timer.show_clock(clock)
        await asyncio.sleep(seconds * 0.4)
        clock.pause()
        truth.pause()
        await asyncio.sleep(0.4)
        truth.start()
        clock.resume()
        await asyncio.sleep(max(0.5, seconds * 0.6 - 0.4))
        await pilot.pause()
    gaps, tick_times, stalls = watch.gaps, watch.tick_times, watch.stalls
    if not gaps:
        raise RuntimeError("the pacing timer never ticked in the real-time run")
    intervals = [b - a for a, b in zip(tick_times, tick_times[1:], strict=False)]
    return {
        "worst_ms": round(max(gaps) * 1000, 3),
        "ticks": len(gaps),
        "stalls": len(stalls),
        "longest_stall_s": round(max(stalls, default=0.0), 3),
        "longest_tick_gap_s": round(max(intervals, default=0.0), 3),
        "wall_s": round(tick_times[-1] - tick_times[0], 2),
    }


def stalling_app(truth: Truth, rng: random.Random, watch: Watch) -> App[None]:
    """An app of one PacingTimer (id "pacing") that records into `watch` at each of its
    ticks, and whose event loop is blocked every STALL_EVERY_S, half of the time."""
    from textual.app import App, ComposeResult

    from coach.tui.widgets.pacing_timer import PacingTimer

    class WatchedTimer(PacingTimer):
        looked_at = 0.0
        """time.monotonic() just after the last look at the clock."""

        def look(self) -> Any:
            shown = super().look()
            self.looked_at = time.monotonic()
            return shown

        def tick(self) -> None:
            super().tick()
            if self.clock is not None:
                watch.gaps.append(abs(truth.elapsed(self.looked_at) - self.last_elapsed))
                watch.tick_times.append(self.looked_at)

    class StallingApp(App[None]):
        def compose(self) -> ComposeResult:
            yield WatchedTimer(id="pacing")

        def on_mount(self) -> None:
            self.set_interval(STALL_EVERY_S, self.stall)

        def stall(self) -> None:
            stalls = watch.stalls
            if stalls and rng.random() < 0.5:
                return
            blocked = rng.uniform(0.05, MAX_STALL_S) if stalls else MAX_STALL_S
            time.sleep(blocked)
            stalls.append(blocked)

    return StallingApp()


def timer_error_figures(real_seconds: float, seed: int) -> dict[str, Any]:
    """The worse of the fake-clock and the real-time runs."""
    fake = fake_clock_error(seed)
    log(f"  fake clock: {fake}")
    real = asyncio.run(real_time_error(real_seconds, seed))
    log(f"  real time: {real}")
    worst = max(fake["worst_ms"], real["worst_ms"])
    detail = {"fake_clock": fake, "real_time": real}
    return {"timer_error_ms": figure(worst, "ms", "<= 50", detail=detail)}


# -- timer CPU --------------------------------------------------------------------------

CPU_PROBE_TIMEOUT_S = 120


def run_cpu_probe(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = run_script(TIMER_PROBE, args, env, CPU_PROBE_TIMEOUT_S)
    return result


def timer_cpu_figures(
    db: Path, story_id: int, seconds: float, rounds: int, env: dict[str, str]
) -> dict[str, Any]:
    """CPU % of the rehearsal screen with its clock running, against a bare 10 Hz app.

    Each round runs the three variants (bare, widget alone, screen) one after the other,
    each in a fresh process; the figure is the median over rounds.
    """
    variants = {
        "bare": ["bare", str(seconds)],
        "widget": ["widget", str(seconds)],
        "screen": ["screen", str(seconds), str(db), str(story_id)],
    }
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    for round_number in range(rounds):
        for name, args in variants.items():
            results[name].append(run_cpu_probe(args, env))
        shown = ", ".join(f"{n} {r[-1]['cpu_pct']:.2f}%" for n, r in results.items())
        log(f"  timer CPU round {round_number + 1}/{rounds}: {shown}")

    def median_pct(name: str) -> float:
        return statistics.median(r["cpu_pct"] for r in results[name])

    def last_rates(name: str) -> dict[str, float]:
        rates: dict[str, float] = results[name][-1]["per_s"]
        return rates

    bare, widget, screen = median_pct("bare"), median_pct("widget"), median_pct("screen")
    last_screen = results["screen"][-1]
    baseline = {
        "what": "bare Textual app (Header, Static, Footer) with a no-op 10 Hz interval",
        "value": round(bare, 3),
        "unit": "%",
    }
    detail = {
        "ratio_to_baseline": round(screen / bare, 2) if bare > 0 else None,
        "over_baseline_pct": round(screen - bare, 3),
        "screen": {
            "what": "RehearsalScreen of 'churn-leakage', clock of the first pitch section",
            "cpu_pct": round(screen, 3),
            "per_s": last_rates("screen"),
            "clock_target_s": last_screen.get("clock_target_s"),
        },
        "widget_alone": {
            "what": "PacingTimer (target 120 s) in the bare app instead of the Static",
            "cpu_pct": round(widget, 3),
            "per_s": last_rates("widget"),
        },
        "measured_s": round(statistics.median(r["wall_s"] for r in results["screen"]), 2),
        "rounds": rounds,
        "size": "120x40, headless",
    }
    return {"timer_cpu_pct": figure(screen, "%", "<= 3", baseline=baseline, detail=detail)}
