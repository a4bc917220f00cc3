"""Trend plots of rehearsals: mean rating, and spoken time against the targets; and, for
the rehearsals the microphone heard, words a minute against the band and fillers a minute.

textual-plotext takes about 0.2 s to import: import this module off the UI thread or
after the first frame, never at start-up.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Protocol

from textual_plotext import PlotextPlot

from coach.services.progress import PaceRow, TrendRow

TICKS = 4
"""Dates labelled on the x axis at most."""
PACE_TICKS = 3
"""Dates labelled under the heard plots, which have few points: labels of neighbouring
points would overlap, and plotext then draws them in no fixed order."""


class Dated(Protocol):
    @property
    def started_at(self) -> dt.datetime: ...


def _ticks(rows: Sequence[Dated], most: int = TICKS) -> tuple[list[float], list[str]]:
    count = len(rows)
    if count <= most:
        places = list(range(count))
    else:
        step = (count - 1) / (most - 1)
        places = sorted({round(n * step) for n in range(most)})
    ticks: list[float] = []
    labels: list[str] = []
    for place in places:
        label = f"{rows[place].started_at.astimezone():%b %d}"
        if label not in labels:  # several rehearsals a day: one label for the day
            ticks.append(place + 1.0)
            labels.append(label)
    return ticks, labels


class TrendPlot(PlotextPlot):
    """One trend over the rehearsals given, oldest on the left."""

    DEFAULT_CSS = """
    TrendPlot {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, kind: str, rows: Sequence[TrendRow], **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        if kind not in ("rating", "time"):
            raise ValueError(kind)
        self.kind = kind
        self.rows: Sequence[TrendRow] = ()
        self.show_rows(rows)

    def show_rows(self, rows: Sequence[TrendRow]) -> None:
        """Plot these rehearsals, oldest first."""
        self.rows = rows
        plt = self.plt
        plt.clear_figure()
        if self.kind == "rating":
            self._ratings()
        else:
            self._times()
        if rows:
            plt.xlim(0.5, len(rows) + 0.5)
            plt.xticks(*_ticks(rows))
        self.refresh()

    def _ratings(self) -> None:
        plt = self.plt
        plt.title("Mean rating (3 = strong)")
        points = [(n, r.mean_rating) for n, r in enumerate(self.rows, 1) if r.mean_rating]
        plt.hline(3, "green")
        if points:
            xs, ys = zip(*points, strict=True)
            plt.plot(list(xs), list(ys), marker="braille", color="cyan")
        plt.ylim(1, 4)
        plt.yticks([1, 2, 3, 4])

    def _times(self) -> None:
        plt = self.plt
        plt.title("Time ÷ target (1 = on time)")
        points = [
            (n, r.seconds / r.target_seconds)
            for n, r in enumerate(self.rows, 1)
            if r.target_seconds > 0
        ]
        plt.hline(1.0, "green")
        top = 2.0
        if points:
            xs, ys = zip(*points, strict=True)
            plt.plot(list(xs), list(ys), marker="braille", color="orange")
            top = max(top, max(ys) * 1.05)
        plt.ylim(0, top)
        plt.yticks([n / 2 for n in range(int(top * 2) + 1)])


class PacePlot(PlotextPlot):
    """How the rehearsals heard sounded, oldest on the left: words a minute against the
    band ("wpm"), or fillers a minute ("fillers")."""

    DEFAULT_CSS = """
    PacePlot {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, kind: str, rows: Sequence[PaceRow], **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        if kind not in ("wpm", "fillers"):
            raise ValueError(kind)
        self.kind = kind
        self.rows: Sequence[PaceRow] = ()
        self.show_rows(rows)

    def show_rows(self, rows: Sequence[PaceRow]) -> None:
        """Plot these rehearsals, oldest first."""
        self.rows = rows
        plt = self.plt
        plt.clear_figure()
        xs = list(range(1, len(rows) + 1))
        if self.kind == "wpm":
            from coach.core.speech import PACE_BAND  # only once something was heard

            low, high = PACE_BAND
            plt.title(f"Words a minute ({low}-{high}: the band)")
            ys = [r.wpm for r in rows]
            plt.hline(low, "green")
            plt.hline(high, "green")
            bottom = min([low - 20.0, *(y - 10 for y in ys)])
            top = max([high + 20.0, *(y + 10 for y in ys)])
            plt.ylim(bottom, top)
            plt.yticks([low, high])
            color = "cyan"
        else:
            plt.title("Fillers a minute (fewer is better)")
            ys = [r.fillers_per_minute for r in rows]
            top = max([4.0, *(y * 1.1 for y in ys)])
            plt.ylim(0, top)
            step = max(1, math.ceil(top / 3))  # three or four ticks, far enough apart
            plt.yticks(list(range(0, int(top) + 1, step)))
            color = "orange"
        if rows:
            plt.plot(xs, ys, marker="braille", color=color)
            plt.xlim(0.5, len(rows) + 0.5)
            plt.xticks(*_ticks(rows, PACE_TICKS))
        self.refresh()
