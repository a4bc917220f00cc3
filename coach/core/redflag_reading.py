"""How the red-flag rules read a story: its spoken fields as one lower-cased text, cut into
sentences only where a rule's cues appear, and how a sentence tells a trigger: negated
('instead of a random split'), or owned up to as a mistake the user caught and put right
('we found that two features were recorded after cancellation … I rolled the model back').
The rules are in coach.core.redflags, their words in coach.core.redflag_words.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from coach.core import redflag_words as w
from coach.core.templates import FormTemplate

NEGATION = (
    r"\b(?:not|no|never|without|avoid\w*|instead|rather|nor|neither|none|nothing|exclud\w*"
    r"|prevent\w*|refus\w*)\b|n't\b"
)
"""Words that, just before a trigger in its clause, turn it into what was not done."""

TOLD_AS_A_MISTAKE = (
    r"\bleak\w*|\bmistakes?\b|\baccident\w*|\bwrongly\b|\bbugs?\b|\bflaw\w*|\binflat\w*"
    r"|\boverstat\w*|\bover-?optimistic|too good to be true|\bshould(?: not|n't)? have\b"
    r"|\b(?:would|could|might)(?: not|n't)? have\b|\b(?:would|could|might)'ve\b"
    r"|\bif (?:i|we|you) had\b|\bre-?did\b|\bredo\b|\bre-?ran\b|\bturned out\b"
    r"|\breali[sz]\w*|\blessons?\b|\b(?:i|we) learn(?:ed|t)\b"
    r"|\b(?:removed|dropped|excluded|took out|threw out)\s+(?:the|that|this|it|those|these|them)\b"
    r"|\brolled\s+(?:\w+\s+){0,2}back\b|\brolled[- ]back\b|\breverted\b"
)
"""The story tells the mistake as one it caught (or a what-if): a strength, not a flag."""

CAUGHT = (
    r"(?<!nobody )(?<!never )(?<!not )\b(?:(?:found|saw|learned|learnt|worked out|figured out)"
    r"\s+(?:out\s+)?that|(?:found|caught|traced|uncovered)\s+(?:(?:a|an|the|this|that|two|some"
    r"|one)\s+)?(?:\w+\s+)?(?:leak\w*|bugs?|problems?|issues?|errors?|mistakes?|flaws?)"
    r"|noticed|spotted|discovered)\b"
)
"""A mistake coming to light: 'we found that', 'I noticed', 'caught the bug' (not 'caught
more fraud'); with PUT_RIGHT after it, later in the field or in the next, it is owned up to."""
PUT_RIGHT = (
    r"\brolled\s+(?:\w+\s+){0,2}back\b|\brolled[- ]back\b|\b(?:reverted|removed|dropped|deleted"
    r"|excluded|fixed|rebuilt|rewrote|recomputed|replaced|corrected|patched|pulled)\b"
    r"|\b(?:took|taken|threw|thrown)\s+(?:\w+\s+){0,3}?out\b|\bre-?trained\b(?!\s+(?:it\s+"
    r"|the model\s+)?(?:every|each|weekly|monthly|daily|nightly|when|if|on a|automatically))"
)

CLAUSE_BREAK = r"[,;:()]|\s[-–—]\s|\b(?:and|but|because|so|which|while|whereas|then)\b"

_READING = frozenset({"NEGATION", "TOLD_AS_A_MISTAKE", "CAUGHT", "PUT_RIGHT", "CLAUSE_BREAK"})

NEVER_SPOKEN = frozenset({"prep"})
"""Sections read for nothing: the STAR 'question' lists what an interviewer asks."""


@functools.cache
def rx(name: str) -> re.Pattern[str]:
    """The pattern of that name here or in coach.core.redflag_words, compiled when first
    needed: most stories never reach most rules, and compiling them all cost 40 ms at
    start-up."""
    found = globals()[name] if name in _READING else getattr(w, name)
    assert name.isupper() and isinstance(found, str), name
    return re.compile(found)


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    key: str
    """The field it is in."""
    text: str
    """Lower-cased, with straight apostrophes."""
    following: str = ""
    """The next sentence of the same field, where a caught mistake is often owned up to."""
    index: int = 0
    """Its place among the story's sentences."""

    @property
    def told_as_mistake(self) -> bool:
        return bool(rx("TOLD_AS_A_MISTAKE").search(self.text + " " + self.following))

    def clause_at(self, pos: int) -> str:
        """The clause of this sentence around position `pos`."""
        start, end = 0, len(self.text)
        for m in rx("CLAUSE_BREAK").finditer(self.text):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return self.text[start:end]

    def negated(self, pos: int) -> bool:
        """A negation among the five words before `pos`, in the same clause."""
        before = self.text[:pos]
        breaks = list(rx("CLAUSE_BREAK").finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
        return bool(rx("NEGATION").search(" ".join(before.split()[-5:])))


class StoryText:
    """The spoken fields of a story, lower-cased, read as one text; a sentence is cut out
    only where a rule's cues appear (most of a long story never is)."""

    def __init__(self, template: FormTemplate, fields: Mapping[str, str]) -> None:
        self.fields = {
            spec.key: fields.get(spec.key, "").replace("’", "'").lower()
            for spec in template.fields
            if spec.section not in NEVER_SPOKEN and fields.get(spec.key, "").strip()
        }
        self.text = "\n".join(self.fields.values())
        self._keys = list(self.fields)
        self._field_starts = list(
            itertools.accumulate((len(v) + 1 for v in self.fields.values()), initial=0)
        )
        self._starts: list[int] = []
        self._made: dict[int, Sentence | None] = {}
        self._has: dict[str, bool] = {}

    def has(self, name: str) -> bool:
        """The story's text matches pattern `name` (asked once per story)."""
        if name not in self._has:
            self._has[name] = bool(rx(name).search(self.text))
        return self._has[name]

    def cued(self, name: str) -> list[Sentence]:
        """The sentences, in order, that hold a cue of each group of `name`
        (redflag_table.CUES). Questions the story asks are never among them."""
        first, *others = w.CUES[name]
        text = self.text
        hits: set[int] = set()
        for cue in first:
            pos = text.find(cue)
            if pos == -1:
                continue
            starts = self._sentence_starts()
            while pos != -1:
                hits.add(bisect.bisect_right(starts, pos) - 1)
                pos = text.find(cue, pos + 1)
        return [
            s
            for i in sorted(hits)
            if (s := self._sentence(i)) is not None
            and all(any(cue in s.text for cue in group) for group in others)
        ]

    def all_sentences(self) -> Iterator[Sentence]:
        for i in range(len(self._sentence_starts())):
            if (s := self._sentence(i)) is not None:
                yield s

    def _sentence_starts(self) -> list[int]:
        if not self._starts:
            self._starts = [0, *(m.end() for m in _SENTENCE_END.finditer(self.text))]
        return self._starts

    def _part(self, i: int) -> str:
        starts = self._sentence_starts()
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return self.text[starts[i] : end].strip()

    def _sentence(self, i: int) -> Sentence | None:
        """Sentence `i` (None for a gap between fields, or a question: asked, not claimed)."""
        if i not in self._made:
            text = self._part(i)
            if not text or text.endswith("?"):
                self._made[i] = None
            else:
                starts = self._sentence_starts()
                field = bisect.bisect_right(self._field_starts, starts[i]) - 1
                same_field = i + 1 < len(starts) and starts[i + 1] < self._field_starts[field + 1]
                following = self._part(i + 1) if same_field else ""
                self._made[i] = Sentence(self._keys[field], text, following, i)
        return self._made[i]

    def owned_up(self, s: Sentence) -> bool:
        """The story tells the mistake in `s` as its own: as a mistake (in `s` or the next
        sentence), or found (in the sentence before, `s` or the next, even across a field's
        end) and then put right, later in that field or in the next one."""
        return s.told_as_mistake or self._caught_and_fixed(s.index)

    def _caught_and_fixed(self, i: int) -> bool:
        starts = self._sentence_starts()
        before, after = self._spoken(i, -1), self._spoken(i, 1)
        begin = starts[before] if before is not None else starts[i]
        end = starts[after + 1] if after is not None and after + 1 < len(starts) else len(self.text)
        caught = rx("CAUGHT").search(self.text, begin, end)
        if caught is None:
            return False
        field = bisect.bisect_right(self._field_starts, caught.start()) - 1
        stop = self._field_starts[min(field + 2, len(self._field_starts) - 1)]
        return rx("PUT_RIGHT").search(self.text, caught.end(), stop) is not None

    def _spoken(self, i: int, step: int) -> int | None:
        """The sentence next to `i` in direction `step`, over the gap between two fields."""
        starts = self._sentence_starts()
        i += step
        while 0 <= i < len(starts) and not self._part(i):
            i += step
        return i if 0 <= i < len(starts) else None
