"""The app's last guard against user text driving the terminal: a line filter that
drops every control character (escape sequences, bell, C1) from what is drawn, in
case a screen shows user text it did not make visible (coach.core.text.visible)."""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DropControls(LineFilter):
    """Drops control characters from the text of each line, its colours kept. They take
    no cell on a terminal, so the line keeps its width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(
            segment.control is None and _CONTROL.search(segment.text) for segment in segments
        ):
            return segments
        return [
            segment
            if segment.control is not None
            else Segment(_CONTROL.sub("", segment.text), segment.style)
            for segment in segments
        ]


DROP_CONTROLS = DropControls()
