"""Did the spoken answer say the story's figures?

The figures are those `coach.core.figures` finds in the story's spoken fields. A figure is
said when the answer says the same number however it is worded ("62%", "sixty-two
percent", "62 per cent"; "$3.2M", "three point two million dollars"). A unit left out
still says it ("from 23 to 11 percent" says 23%), but a different unit does not ("62 ms"
is not 62%), nor a bare number that counts something else ("two teams" is not 2 weeks).
A count's noun is not checked: "40 features" is said by "forty of them".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.figures import find_figures
from coach.core.heard import HeardWord
from coach.core.sheets import UNSPOKEN_SECTIONS
from coach.core.spoken_numbers import LEAD_MARKS, TRAIL_MARKS, Item, Quantity, Said, read
from coach.core.stories import Story
from coach.core.templates import FormTemplate

_WORD = re.compile(r"\S+")
NEAR = 4
"""How many words from a number said bare another number may give it its unit."""


@dataclass(frozen=True)
class FigureHeard:
    """One figure of the story and whether the answer said it."""

    text: str
    """The figure as the story writes it: '2.4%', '$1.8M', 'three times'."""
    field: str
    """The key of the story field it is in."""
    said: bool
    at_s: float | None
    """When it was first said: the start, in seconds, of its first word; None if never."""


def figures_heard(
    story: Story,
    words: Sequence[HeardWord],
    field: str | None = None,
    *,
    template: FormTemplate | None = None,
) -> list[FigureHeard]:
    """The figures of the story's spoken fields (or of `field` alone), in the order the
    story gives them, each said or missed in `words` and when. The spoken fields are those
    of `template` outside its unspoken sections; without it, every field of the story.
    Raises ValueError when `field` is neither in the story nor in the template."""
    heard = read([w.text for w in words])
    implied = _implied_units(heard, [w.text for w in words])
    found: list[FigureHeard] = []
    seen: set[object] = set()
    for key in _fields(story, field, template):
        for text, wanted in _story_figures(story.fields.get(key, "")):
            same = _key(wanted)
            if text.lower() in seen or same in seen:
                continue
            seen.update((text.lower(), same))
            at = _first_said(wanted, heard, implied)
            at_s = words[at].start if at is not None else None
            found.append(FigureHeard(text, key, at is not None, at_s))
    return found


def _fields(story: Story, field: str | None, template: FormTemplate | None) -> list[str]:
    if field is not None:
        if field not in story.fields and (template is None or template.field(field) is None):
            raise ValueError(f"the story has no field {field!r}")
        return [field]
    if template is None:
        return list(story.fields)
    return [spec.key for spec in template.fields if spec.section not in UNSPOKEN_SECTIONS]


def _story_figures(text: str) -> list[tuple[str, list[Item]]]:
    """Each figure of `text` as the story writes it and as it would be heard. A figure
    written in words is widened to the whole number ('twelve hundred', 'half a million',
    where `find_figures` marks 'hundred' or 'million'), and takes the unit after it
    ('2 weeks', '1.8 million dollars'); two figures of one number are one."""
    spans = [m.span() for m in _WORD.finditer(text)]
    said = read([text[a:b] for a, b in spans])
    figures: list[tuple[str, list[Item]]] = []
    taken: set[int] = set()
    for figure in find_figures(text):
        inside = [k for k, (a, b) in enumerate(spans) if a < figure.end and b > figure.start]
        if not inside:
            continue
        covering = [
            n
            for n, s in enumerate(said)
            if (s.first <= inside[-1] and s.last >= inside[0])
            and (isinstance(s.item, Quantity) or inside[0] <= s.first <= inside[-1])
        ]
        if not covering or covering[0] in taken:
            continue
        taken.update(covering)
        quantities = [said[n] for n in covering if isinstance(said[n].item, Quantity)]
        start = min([figure.start] + [spans[q.first][0] for q in quantities])
        end = max([figure.end] + [spans[q.last][1] for q in quantities])
        shown = text[start:end].rstrip(TRAIL_MARKS).lstrip(LEAD_MARKS)
        if len(shown) < len(figure.text):
            shown = figure.text
        figures.append((shown, [said[n].item for n in covering]))
    return figures


def _key(wanted: list[Item]) -> tuple[object, ...]:
    """What makes two figures one: their numbers and units, or their words."""
    return tuple(
        (round(w.value, 9), w.unit) if isinstance(w, Quantity) else _plain(w) for w in wanted
    )


def _implied_units(heard: list[Said], words: Sequence[str]) -> list[str]:
    """For each heard item, the unit a number said bare takes from the nearest number at
    most NEAR words away in the same sentence that has one ('' for none)."""
    ends = [w.rstrip("\"'”’)]").endswith((".", "!", "?", "…")) for w in words]
    units: list[str] = []
    for item in heard:
        unit, distance = "", NEAR + 1
        if isinstance(item.item, Quantity) and not item.item.unit and not item.item.noun:
            for other in heard:
                if not isinstance(other.item, Quantity) or not other.item.unit:
                    continue
                before, after = sorted((item, other), key=lambda s: s.first)
                gap = after.first - before.last
                if 0 < gap < distance and not any(ends[before.last : after.first]):
                    unit, distance = other.item.unit, gap
        units.append(unit)
    return units


def _first_said(wanted: list[Item], heard: list[Said], implied: list[str]) -> int | None:
    """The index of the heard word where `wanted` is first said, or None."""
    if not wanted:
        return None
    for start in range(len(heard) - len(wanted) + 1):
        window = range(start, start + len(wanted))
        if all(_same(w, heard[k].item, implied[k]) for w, k in zip(wanted, window, strict=True)):
            return heard[start].first
    return None


def _same(wanted: Item, heard: Item, implied: str = "") -> bool:
    if isinstance(wanted, str) or isinstance(heard, str):
        return (
            isinstance(wanted, str) and isinstance(heard, str) and _plain(wanted) == _plain(heard)
        )
    if not math.isclose(wanted.value, heard.value, rel_tol=1e-9, abs_tol=1e-12):
        return False
    if wanted.unit and heard.unit:
        return wanted.unit == heard.unit
    if wanted.unit:
        particular = heard.value >= 1000 or not float(heard.value).is_integer()
        return not heard.noun and (particular or implied == wanted.unit)
    return not heard.unit  # '40 features' is not said by '40 percent'


def _plain(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word
