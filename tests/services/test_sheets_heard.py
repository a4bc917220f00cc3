"""The sheet's "Last rehearsal" says how the rehearsal sounded when the microphone heard
it: its pace against the 130-150 band and its fillers a minute (Markdown, HTML, and the PDF
drawn from the HTML). A golden file of one sample with a heard rehearsal; the samples'
other golden files have no rehearsal and stay as they are."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from coach.core.schedule import Rating
from coach.core.speech import Fillers, Pause, SpeechMeasures
from coach.core.spoken_figures import FigureHeard
from coach.core.templates import TemplateSet
from coach.services.export import Exporter
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals
from coach.store import voice as heard_rows

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("COACH_UPDATE_GOLDEN"))
DAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SLUG = "churn-leakage"


def export_text(store: Store, fmt: str) -> str:
    found = store.find(SLUG)
    assert found is not None
    return "".join(Exporter(Workspace(store.path), store, fmt, [found.id]).stream())


def rehearse(store: Store, *, heard: bool, when: dt.datetime = DAY) -> int:
    """A rehearsal of the churn story: the goal said (heard, if `heard`) and one follow-up
    answered (heard too)."""
    found = store.find(SLUG)
    assert found is not None
    rehearsal_id = rehearsals.start(store, found.id, persona="technical", when=when)
    rehearsals.record(
        store, rehearsal_id, 0, kind="section", key="goal", prompt="Goal", target_seconds=20,
        seconds=30.0, when=when,
    )  # fmt: skip
    rehearsals.record(
        store, rehearsal_id, 1, kind="followup", key="q-size", category="data",
        prompt="How many rows did you train on?", target_seconds=45, seconds=90.0,
        rating=Rating.STRONG, when=when,
    )  # fmt: skip
    if heard:
        # 30 s with 80 words and 1 um; 90 s with 220 words and 2 fillers: 150 words a minute
        # over 2 minutes, 1.5 fillers a minute.
        for position, measures in (
            (0, SpeechMeasures(30.0, 28.0, 80, 160.0, 171.4, Fillers(1, 2.0, {"um": 1}), ())),
            (1, SpeechMeasures(
                90.0, 84.0, 220, 146.7, 157.1, Fillers(2, 1.3, {"um": 1, "like": 1}),
                (Pause(40.0, 2.5),),
            )),
        ):  # fmt: skip
            heard_rows.save(
                store, rehearsal_id, position, measures=measures,
                figures=(FigureHeard("2.1M", "data", True, 3.0),), transcript="…",
                audio_path=None, engine="faster-whisper", model="tiny.en", when=when,
            )  # fmt: skip
    rehearsals.close(store, rehearsal_id, "finished", when)
    return rehearsal_id


def test_a_heard_last_rehearsal_shows_its_pace_and_fillers(samples: Store) -> None:
    rehearse(samples, heard=True)
    md = export_text(samples, "md")
    last = md[md.index("## Last rehearsal") :]
    line = "**Heard:** 150 words a minute (in the band: aim for 130-150) · 1.5 fillers a minute"
    assert line + " · 2 answers heard" in last
    html = export_text(samples, "html")
    section = html[html.index('<section class="last">') :]
    section = section[: section.index("</section>")]
    assert (
        '<p class="heard"><b>Heard:</b> 150 words a minute (in the band: aim for 130-150) · '
        "1.5 fillers a minute · 2 answers heard</p>"
    ) in section
    # Only the last rehearsal counts: a later one not heard says nothing of pace.
    rehearse(samples, heard=False, when=DAY + dt.timedelta(days=1))
    md = export_text(samples, "md")
    assert "## Last rehearsal" in md and "Heard:" not in md


def last_part(text: str, fmt: str) -> str:
    """The sheet's "Last rehearsal" part: the rest is the samples' golden sheets' to check."""
    if fmt == "md":
        return text[text.index("## Last rehearsal") :]
    start = text.index('<section class="last">')
    return text[start : text.index("</section>", start) + len("</section>")] + "\n"


def test_the_golden_last_rehearsal_of_a_heard_sheet(samples: Store, templates: TemplateSet) -> None:
    rehearse(samples, heard=True)
    for fmt in ("md", "html"):
        text = last_part(export_text(samples, fmt), fmt)
        golden = GOLDEN / f"{SLUG}-heard-last.{fmt}"
        if UPDATE:
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), (
            f"rerun with COACH_UPDATE_GOLDEN=1: {golden}"
        )
