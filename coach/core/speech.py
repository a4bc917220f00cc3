"""How an answer was spoken, measured from what the recogniser heard: pace over the whole
answer and while speaking, fillers, and the pauses of two seconds or more.

Fillers are counted only where they are surely fillers, so the count is a floor ("at least
N"): "um", "uh", "er" always (recognisers often drop them, never invent them); "like" and
"you know" only when set off by commas on both sides (", like," "so, you know,"), because "I
like baselines" and "you know the answer" are not fillers. None of these three sounds are
counted as words of the answer; "like" and "you know" are, even as fillers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.heard import HeardWord
from coach.core.spoken_numbers import spoken_length

PAUSE_S = 2.0
"""A silence this long or longer, between two stretches of speech, is a pause."""

SOUNDS = {"um": "um", "umm": "um", "uhm": "um", "uh": "uh", "uhh": "uh", "er": "er", "erm": "er"}
"""The fillers that are never words, as the recogniser may spell them, and the name each is
counted under."""

_STRIP = ".,!?;:\"'()[]…-—"

PACE_BAND = (130, 150)
"""Words a minute an interview answer is easy to follow at."""


@dataclass(frozen=True)
class Pause:
    """A silence of PAUSE_S or more: where it starts and how long it lasts, in seconds."""

    at_s: float
    seconds: float


@dataclass(frozen=True)
class Fillers:
    count: int
    per_minute: float
    by_word: dict[str, int]
    """How many of each filler: "um", "uh", "er", "like", "you know" (only those heard)."""


@dataclass(frozen=True)
class SpeechMeasures:
    duration_s: float
    speaking_s: float
    """The time inside stretches of speech."""
    words: int
    """Words said, fillers that are only sounds ("um") left out; a number counts the words it
    is said in ("23%" is two, "1,200" four: `spoken_length`), so pace does not read low when
    the answer is full of figures."""
    wpm: float
    """Words a minute over the whole answer."""
    speaking_wpm: float
    """Words a minute while speaking: pauses left out."""
    fillers: Fillers
    pauses: tuple[Pause, ...]


def _bare(text: str) -> str:
    return text.strip().strip(_STRIP).lower()


def _set_off(before: HeardWord | None, last: HeardWord) -> bool:
    """Whether a phrase ending in `last` is set off by commas: a comma (or the start of a
    sentence) before it, and a comma after it."""
    opened = before is None or before.text.rstrip()[-1:] in {",", ".", "?", "!"}
    return opened and last.text.rstrip().endswith(",")


def count_fillers(words: Sequence[HeardWord]) -> dict[str, int]:
    """The fillers heard, by name, in the order first heard."""
    found: dict[str, int] = {}
    for i, word in enumerate(words):
        bare = _bare(word.text)
        before = words[i - 1] if i > 0 else None
        name: str | None = SOUNDS.get(bare)
        if name is None and bare == "like" and _set_off(before, word):
            name = "like"
        elif (
            name is None
            and bare == "you"
            and i + 1 < len(words)
            and _bare(words[i + 1].text) == "know"
            and _set_off(before, words[i + 1])
        ):
            name = "you know"
        if name is not None:
            found[name] = found.get(name, 0) + 1
    return found


def spans_from_words(words: Sequence[HeardWord]) -> list[tuple[float, float]]:
    """Stretches of speech when no voice detector gave any: words closer than PAUSE_S
    belong to one stretch."""
    spans: list[tuple[float, float]] = []
    for word in words:
        if spans and word.start - spans[-1][1] < PAUSE_S:
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.end))
        else:
            spans.append((word.start, word.end))
    return spans


def find_pauses(spans: Sequence[tuple[float, float]]) -> tuple[Pause, ...]:
    """The silences of PAUSE_S or more between stretches of speech (not the silence before
    the first word or after the last: that is thinking, or the end)."""
    ordered = sorted(spans)
    pauses: list[Pause] = []
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start - end >= PAUSE_S:
            pauses.append(Pause(round(end, 2), round(start - end, 2)))
    return tuple(pauses)


def _per_minute(count: float, seconds: float) -> float:
    return round(count * 60 / seconds, 1) if seconds > 0 else 0.0


def measure(
    words: Sequence[HeardWord],
    duration_s: float,
    spans: Sequence[tuple[float, float]] | None = None,
) -> SpeechMeasures:
    """The measures of one answer: `words` as heard, `duration_s` the length of the
    recording, `spans` the (start, end) seconds of speech a voice detector found (None:
    worked out from the words' own times)."""
    if spans is None:
        spans = spans_from_words(words)
    speaking = sum(max(0.0, end - start) for start, end in spans)
    if duration_s > 0:
        speaking = min(speaking, duration_s)  # a detector's last span may pass the end
    said = sum(
        spoken_length(word.text)
        for word in words
        if _bare(word.text) and _bare(word.text) not in SOUNDS
    )
    by_word = count_fillers(words)
    count = sum(by_word.values())
    return SpeechMeasures(
        duration_s=round(duration_s, 2),
        speaking_s=round(speaking, 2),
        words=said,
        wpm=_per_minute(said, duration_s),
        speaking_wpm=_per_minute(said, speaking),
        fillers=Fillers(count, _per_minute(count, duration_s), by_word),
        pauses=find_pauses(spans),
    )
