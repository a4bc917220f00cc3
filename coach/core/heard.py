"""What speech recognition heard: words with their times, shared by the speech measures and
the figure matching."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeardWord:
    """One recognised word as the recogniser wrote it ("23%", "um,", "nine"), with its start and
    end in seconds from the start of the recording."""

    text: str
    start: float
    end: float
