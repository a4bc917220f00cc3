"""One typing run, key press to frame, run by bench/form.py as a fresh process.

    python bench/form_probe.py bare TEXT_FILE KEYS WARM_UP SEED
    python bench/form_probe.py form TEXT_FILE KEYS WARM_UP SEED PATH/TO/coach.db STORY_ID FIELD

Runs a headless app (120x40) with a long text in a focused TextArea, the cursor at its
end, and types WARM_UP + KEYS characters (letters and spaces) into it:

  bare  a bare Textual app of one TextArea holding the text of TEXT_FILE: the baseline
  form  coach as the CLI starts it (make_app over a Workspace on the database), the story
        opened on its form from the bank as `e` does, the cursor put at the end of FIELD
        (whose stored text must be TEXT_FILE's) as ctrl+down does

How a key is pressed: as a real terminal's keys reach Textual. A typist thread stands in
for the driver's input thread: at each key's time it feeds the character to Textual's own
XTermParser and hands the events to `driver.process_message`, which posts them to the
app's event loop from that thread, exactly as the Linux driver does after reading stdin.
Keys come at a fast typist's pace (about 150 words a minute: gaps drawn from a seeded
uniform 50-110 ms), on a fixed schedule that does not wait for the app, so a slow key
delays the ones after it as it would under a user's fingers.

What is timed, per key: from its scheduled time (the moment the key is pressed; any
delay in the typist thread getting the GIL counts against the app, as it would for the
real input thread) to the end of the first frame that shows it: the first update the
app hands to `App._display` after the TextArea has applied that key's edit, turned into
the bytes a terminal driver would write (`render_segments`; headless Textual skips only
that and the write). Frames of other things (the cursor's blink) do not count as showing
the key. The first WARM_UP keys are typed and not counted.

Prints one JSON line to stdout: the latencies (ms) of the counted keys, their p50, p99
and max, the frames drawn, the typing time, the CPU this process used per key while
typing (every key, warm-up included: less sensitive than latency to a busy machine), and
the words in the field at the start.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any

from common import percentile

SIZE = (120, 40)
GAP_S = (0.05, 0.11)
"""The range that the gaps between keys are drawn from (seeded)."""
SENTENCE = "and then waste fell by a third in the next quarter as the stores trusted the forecast "
"""What is typed, over and over: letters and spaces."""
SETTLE_S = 0.5
"""Time left for the app to settle after the field is focused, before the first key."""
FRAME_TIMEOUT_S = 60.0
"""The longest a run may wait for the last key's frame before it is called a failure."""


class Watch:
    """Key times and frame times, by key number. `edits` counts the TextArea's edits since
    `target` was set; the n-th edit is the n-th key's."""

    def __init__(self, keys: int) -> None:
        self.target: Any = None
        self.pressed: list[float] = [math.nan] * keys
        self.shown: list[float] = [math.nan] * keys
        self.edits = 0
        self.framed = 0
        self.frames = 0
        self.done: asyncio.Event | None = None


def count_edits(watch: Watch) -> None:
    """Wrap TextArea.edit (set before any app starts) to count the target's edits."""
    from textual.widgets import TextArea

    original = TextArea.edit

    def counted(self: TextArea, edit: Any) -> Any:
        result = original(self, edit)
        if self is watch.target:
            watch.edits += 1
        return result

    TextArea.edit = counted  # type: ignore[method-assign]


def watch_frames(app: Any, watch: Watch) -> None:
    """Wrap the app's `_display`: each real frame, rendered to terminal bytes, is the frame
    of every key whose edit was applied before it and that had no frame yet."""
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None or watch.target is None:
            return
        renderable.render_segments(app.console)
        now = time.perf_counter()
        watch.frames += 1
        while watch.framed < min(watch.edits, len(watch.shown)):
            watch.shown[watch.framed] = now
            watch.framed += 1
        if watch.framed == len(watch.shown) and watch.done is not None:
            watch.done.set()

    app._display = timed_display


def typist(driver: Any, keys: str, times: list[float], watch: Watch) -> threading.Thread:
    """The input thread: each key at its time, through XTermParser to the driver."""
    from textual._xterm_parser import XTermParser

    def run() -> None:
        parser = XTermParser(False)
        for number, (char, at) in enumerate(zip(keys, times, strict=True)):
            wait = at - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            watch.pressed[number] = at
            for event in parser.feed(char):
                driver.process_message(event)

    return threading.Thread(target=run, name="typist", daemon=True)


def schedule(count: int, seed: int, start: float) -> list[float]:
    """When each key is pressed: `start`, then seeded gaps within GAP_S."""
    rng = random.Random(seed)
    times, at = [], start
    for _ in range(count):
        times.append(at)
        at += rng.uniform(*GAP_S)
    return times


def bare_app(text: str) -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(text, soft_wrap=True, tab_behavior="focus")

    return Bare()


async def bare_area(app: Any, pilot: Any) -> Any:
    from textual.widgets import TextArea

    area = app.query_one(TextArea)
    area.focus()
    area.move_cursor(area.document.end)
    return area


def form_app(db: Path) -> Any:
    from coach.services.workspace import Workspace
    from coach.tui.app import make_app

    workspace = Workspace(db)
    workspace.templates  # noqa: B018 - read before the app, as the CLI does
    return make_app(workspace, offer_samples=False)


async def wait_for_screen(app: Any, pilot: Any, name: str) -> Any:
    for _ in range(1000):
        if type(app.screen).__name__ == name and app.screen.is_mounted:
            await pilot.pause()
            return app.screen
        await pilot.pause(0.01)
    raise RuntimeError(f"the {name} never opened")


async def form_area(app: Any, pilot: Any, story_id: int, field: str) -> Any:
    from textual.widgets import TextArea

    await wait_for_screen(app, pilot, "BankScreen")
    app.open_story(story_id)
    form = await wait_for_screen(app, pilot, "FormScreen")
    form.go_to(field)
    await pilot.pause()
    area = form.query_one(f"#field-{field}").query_one(TextArea)
    if app.focused is not area:
        raise RuntimeError(f"the form did not focus the {field} field")
    return area


async def measure(app: Any, open_area: Any, text: str, keys: str, warm_up: int, seed: int) -> Any:
    from coach.core.text import word_count

    watch = Watch(len(keys))
    count_edits(watch)
    watch_frames(app, watch)
    async with app.run_test(size=SIZE) as pilot:
        area = await open_area(app, pilot)
        if area.text != text:
            raise RuntimeError("the field does not hold the text of TEXT_FILE")
        if area.cursor_location != area.document.end:
            raise RuntimeError("the cursor is not at the end of the text")
        await pilot.pause()
        await asyncio.sleep(SETTLE_S)
        watch.done = asyncio.Event()
        watch.target = area
        started, cpu = time.perf_counter(), time.process_time()
        times = schedule(len(keys), seed, started + 0.05)
        thread = typist(app._driver, keys, times, watch)
        thread.start()
        await asyncio.wait_for(watch.done.wait(), times[-1] - started + FRAME_TIMEOUT_S)
        thread.join()
        typing_s = time.perf_counter() - started
        cpu_s = time.process_time() - cpu
        if area.text != text + keys:
            raise RuntimeError("the typed keys did not all reach the field, in order")
    latencies = [
        (shown - pressed) * 1000
        for shown, pressed in zip(watch.shown[warm_up:], watch.pressed[warm_up:], strict=True)
    ]
    return {
        "latencies_ms": [round(x, 3) for x in latencies],
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies),
        "keys": len(latencies),
        "warm_up": warm_up,
        "frames": watch.frames,
        "typing_s": round(typing_s, 3),
        "cpu_ms_per_key": round(cpu_s * 1000 / len(keys), 3),
        "words": word_count(text),
    }


def main(argv: list[str]) -> int:
    kind, text_file = argv[0], Path(argv[1])
    count, warm_up, seed = int(argv[2]), int(argv[3]), int(argv[4])
    text = text_file.read_text(encoding="utf-8")
    typed = (SENTENCE * (1 + (warm_up + count) // len(SENTENCE)))[: warm_up + count]
    if kind == "bare":
        app, open_area = bare_app(text), bare_area
    else:
        db, story_id, field = Path(argv[5]), int(argv[6]), argv[7]
        app = form_app(db)

        async def open_area(app: Any, pilot: Any) -> Any:
            return await form_area(app, pilot, story_id, field)

    result = asyncio.run(measure(app, open_area, text, typed, warm_up, seed))
    print(json.dumps({"variant": kind, **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
