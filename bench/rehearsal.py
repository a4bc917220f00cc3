"""The rehearsal figures of bench/run.py: the pacing timer's error and CPU, and follow-ups.

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
import datetime as dt
import random
import statistics
import time
from pathlib import Path
from typing import Any

from common import figure, log, percentile, run_script

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
    worst = {"clock": 0.0, "widget": 0.0, "tick_counting": 0.0}
    counts = {"answers": 0, "ticks": 0, "stalls": 0, "pauses": 0}
    stalled = 0.0
    longest_stall = 0.0
    while fake.now - start < REHEARSAL_S:
        target = rng.choice(TARGETS_S)
        ends = fake.now + target * rng.uniform(0.3, 1.6)
        clock = PacingClock(target, fake)
        clock.start()
        if widget is not None:
            widget.show_clock(clock)
        truth = counted = 0.0
        running = True
        counts["answers"] += 1
        while fake.now < ends:
            step = TICK_S
            if rng.random() < STALL_CHANCE:
                stall = rng.uniform(0.0, MAX_STALL_S)
                step += stall
                stalled += stall
                longest_stall = max(longest_stall, stall)
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
    return {
        "worst_ms": round(max(worst["clock"], worst["widget"]) * 1000, 6),
        "clock_worst_ms": round(worst["clock"] * 1000, 6),
        "widget_worst_ms": None if widget is None else round(worst["widget"] * 1000, 6),
        "tick_counting_would_be_off_ms": round(worst["tick_counting"] * 1000, 1),
        "simulated_s": round(fake.now - start, 1),
        **counts,
        "stalled_s": round(stalled, 1),
        "longest_stall_s": round(longest_stall, 3),
    }


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


async def real_time_error(seconds: float, seed: int) -> dict[str, Any]:
    """Worst gap (ms) at the widget's own ticks in a headless app whose loop is blocked.

    A PacingTimer over a real monotonic PacingClock runs for `seconds`; an interval
    blocks the event loop with time.sleep (the first time for a full MAX_STALL_S); the
    clock is paused once for 0.4 s. At each tick the widget's last elapsed time is compared
    with the truth read from time.monotonic() just after its last look at the clock.
    """
    from textual.app import App, ComposeResult

    from coach.core.pacing import PacingClock
    from coach.tui.widgets.pacing_timer import PacingTimer

    rng = random.Random(seed)
    truth = Truth()
    gaps: list[float] = []
    tick_times: list[float] = []
    stalls: list[float] = []

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
                gaps.append(abs(truth.elapsed(self.looked_at) - self.last_elapsed))
                tick_times.append(self.looked_at)

    class StallingApp(App[None]):
        def compose(self) -> ComposeResult:
            yield WatchedTimer(id="pacing")

        def on_mount(self) -> None:
            self.set_interval(STALL_EVERY_S, self.stall)

        def stall(self) -> None:
            if stalls and rng.random() < 0.5:
                return
            blocked = rng.uniform(0.05, MAX_STALL_S) if stalls else MAX_STALL_S
            time.sleep(blocked)
            stalls.append(blocked)

    app = StallingApp()
    async with app.run_test(size=(120, 40)) as pilot:
        timer = app.query_one(WatchedTimer)
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


def build_samples(path: Path) -> int:
    """A database of coach's sample stories; the id of the one the CPU run rehearses."""
    from coach.services.stories import load_samples
    from coach.services.workspace import Workspace
    from coach.store import open_store

    store = open_store(path)
    try:
        load_samples(store, Workspace(path).templates)
        found = store.find("churn-leakage")
        if found is None:
            raise RuntimeError("the sample story 'churn-leakage' is missing")
        return found.id
    finally:
        store.close()


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


# -- follow-ups ---------------------------------------------------------------------------

ANSWERS = 100_000
FOLLOWUPS_PER_REHEARSAL = 5
REHEARSED_SHARE = 0.5
"""The share of the bank's stories ever rehearsed; answers favour some (weights 1/sqrt(rank))."""
HISTORY_DAYS = 730
SKIPPED_SHARE = 0.05
RATING_WEIGHTS = (0.15, 0.3, 0.35, 0.2)
"""How often each rating (very weak .. very strong) is given."""
PERSONA_CHOICES: tuple[str | None, ...] = (None, "technical", "manager", "non-technical")


def add_answers(db: Path, count: int, seed: int) -> dict[str, Any]:
    """`count` rated follow-up answers through the store's own API, in one transaction.

    Rehearsals of FOLLOWUPS_PER_REHEARSAL follow-ups each, in time order over the last
    HISTORY_DAYS, go to a random REHEARSED_SHARE of the bank's project stories, some
    stories far more often than others; each records its answers (rescheduling their
    questions as the app does) and is closed as finished.
    """
    from coach.core.schedule import Rating
    from coach.services.workspace import Workspace
    from coach.store import open_store, rehearsals

    started = time.perf_counter()
    rng = random.Random(seed)
    questions = Workspace(db).question_sets.for_template("project").questions
    store = open_store(db)
    try:
        ids = [
            r[0] for r in store.conn.execute("SELECT id FROM stories WHERE template = 'project'")
        ]
        rng.shuffle(ids)
        rehearsed = ids[: int(len(ids) * REHEARSED_SHARE)]
        weights = [1 / (rank + 1) ** 0.5 for rank in range(len(rehearsed))]
        sessions = count // FOLLOWUPS_PER_REHEARSAL
        now = dt.datetime.now(dt.UTC)
        plan = sorted(
            (now - dt.timedelta(days=rng.uniform(0, HISTORY_DAYS)), story_id)
            for story_id in rng.choices(rehearsed, weights=weights, k=sessions)
        )
        ratings = list(Rating)
        with store.write():
            for number, (when, story_id) in enumerate(plan, 1):
                persona = rng.choice(PERSONA_CHOICES) or ""
                rehearsal = rehearsals.start(
                    store, story_id, persona=persona, seed=number, when=when
                )
                for position, q in enumerate(rng.sample(questions, FOLLOWUPS_PER_REHEARSAL)):
                    skipped = rng.random() < SKIPPED_SHARE
                    seconds = round(q.target_seconds * rng.uniform(0.4, 1.8))
                    rating = rng.choices(ratings, RATING_WEIGHTS)[0]
                    rehearsals.record(
                        store,
                        rehearsal,
                        position,
                        kind="followup",
                        key=q.id,
                        category=q.category,
                        prompt=q.text,
                        target_seconds=q.target_seconds,
                        seconds=None if skipped else seconds,
                        rating=None if skipped else rating,
                        skipped=skipped,
                        when=when + dt.timedelta(minutes=2 * position + 1),
                    )
                rehearsals.close(store, rehearsal, "finished", when=when + dt.timedelta(minutes=12))
                if number % 5000 == 0:
                    took = time.perf_counter() - started
                    log(f"  {number * FOLLOWUPS_PER_REHEARSAL} answers ({took:.0f} s)")
        stats = store.conn.execute(
            "SELECT (SELECT count(*) FROM answers), (SELECT count(*) FROM reviews), "
            "(SELECT count(DISTINCT story_id) FROM answers)"
        ).fetchone()
    finally:
        store.close()
    took = time.perf_counter() - started
    log(f"added {stats[0]} answers, {stats[1]} reviews over {stats[2]} stories in {took:.1f} s")
    return {"answers": stats[0], "reviews": stats[1], "stories_with_answers": stats[2]}


def followup_figures(db: Path, samples: int, seed: int, built: dict[str, Any]) -> dict[str, Any]:
    """Time `plan()` end to end (the story and its reviews read from the store, the bank
    found for its template) for `samples` distinct random stories that have answers."""
    from coach.services.rehearsals import plan
    from coach.services.workspace import Workspace
    from coach.store import open_store, rehearsals

    workspace = Workspace(db)
    templates, question_sets = workspace.templates, workspace.question_sets
    rng = random.Random(seed)
    store = open_store(db)
    try:
        with_answers = [
            r[0] for r in store.conn.execute("SELECT DISTINCT story_id FROM answers ORDER BY 1")
        ]
        chosen = rng.sample(with_answers, min(samples, len(with_answers)))

        def one(story_id: int, number: int) -> int:
            story = store.story(story_id)
            qset = question_sets.for_template(story.template)
            picks = plan(
                store,
                story,
                templates,
                qset,
                persona=PERSONA_CHOICES[number % len(PERSONA_CHOICES)],
                limit=5,
                seed=story_id * 1000 + number,
            )
            return len(picks)

        for number, story_id in enumerate(chosen[:5]):
            one(story_id, number)
        times: list[float] = []
        short = 0
        for number, story_id in enumerate(chosen):
            started = time.perf_counter()
            picked = one(story_id, number)
            times.append((time.perf_counter() - started) * 1000)
            short += picked < 5
        reviews = [len(rehearsals.reviews(store, story_id)) for story_id in chosen]
    finally:
        store.close()
    log(
        f"  {len(times)} plans: p50 {percentile(times, 50):.2f} ms, "
        f"p99 {percentile(times, 99):.2f} ms, max {max(times):.1f} ms"
    )
    detail = {
        **built,
        "stories": len(times),
        "max_ms": round(max(times), 3),
        "reviews_per_story": {
            "p50": percentile([float(n) for n in reviews], 50),
            "max": max(reviews),
        },
        "fewer_than_5_picked": short,
    }
    return {
        "followups_p50_ms": figure(percentile(times, 50), "ms", "<= 20", detail=detail),
        "followups_p99_ms": figure(percentile(times, 99), "ms", None),
    }
