"""What was heard in spoken answers, as the rehearsal and its summary show it: one line an
answer ("148 wpm · at least 3 fillers · 1 pause (2.5 s) · said 23%, missed 11%"), and the
rehearsal's pace against the 130-150 words-a-minute band."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from coach.core.text import plural, visible
from coach.services.rehearsals import HeardRow, Pace, pace_line


@dataclass
class HeardReady(Message):
    """An answer was heard and stored (posted to whichever screen is on top)."""

    rehearsal_id: int
    position: int


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items)


def heard_line(row: HeardRow) -> str:
    """The measures of one answer in one line."""
    m = row.measures
    parts = [f"{m.wpm:.0f} wpm"]
    if m.fillers.count:
        which = _listed([f"{w} {n}" for w, n in m.fillers.by_word.items()])
        parts.append(f"at least {plural(m.fillers.count, 'filler')} ({which})")
    else:
        parts.append("no fillers heard")
    if m.pauses:
        lengths = _listed([f"{p.seconds:.1f} s" for p in m.pauses])
        parts.append(f"{plural(len(m.pauses), 'pause')} ({lengths})")
    said = [f.text for f in row.figures if f.said]
    missed = [f.text for f in row.figures if not f.said]
    if said or missed:
        gap = "; " if len(said) > 1 or len(missed) > 1 else ", "
        figures = [f"said {_listed(said)}"] if said else []
        figures += [f"missed {_listed(missed)}"] if missed else []
        parts.append(gap.join(figures))
    elif not m.words:
        parts.append("no words heard")
    return " · ".join(parts)


class HeardLog(Static):
    """Under the rehearsal's clock: whether the microphone records, and each answer heard
    so far (the latest first), or being heard."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id)
        self.microphone = False
        self.recording = ""
        """The title of the answer being recorded ('' when none is)."""
        self.lines: dict[int, tuple[str, str]] = {}
        """(title, heard line or '' while it is being heard), by step position."""

    def show(self) -> None:
        text = Text()
        if self.recording:
            text.append("● recording", "bold red")
            text.append(f" · {visible(self.recording)} (m turns the microphone off)\n")
        elif self.microphone:
            text.append("microphone on (m turns it off)\n", "dim")
        for position in sorted(self.lines, reverse=True)[:3]:
            title, line = self.lines[position]
            text.append(f"{visible(title)}: ", "bold")
            text.append(line or "hearing…", "" if line else "dim italic")
            text.append("\n")
        text.rstrip()
        self.update(text)
        self.display = bool(text.plain)


class HeardSummary(Static):
    """In the summary: the rehearsal's pace and fillers a minute, then each answer heard,
    with its line (hidden when no answer was heard)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id)
        self.display = False

    def show(self, pace: Pace | None, answers: Sequence[tuple[str, HeardRow]]) -> None:
        if pace is None:
            self.display = False
            return
        text = Text.assemble(("Heard: ", "bold"), pace_line(pace))
        for title, row in answers:
            text.append("\n  ")
            text.append(f"{visible(title)}: ", "bold")
            text.append(heard_line(row))
        self.update(text)
        self.display = True
