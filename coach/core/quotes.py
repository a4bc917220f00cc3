"""Cutting a quotation out of a story's text: whole phrases that read as English inside a
question, or nothing.

A quote lies inside one clause (a sentence, or the part of it between commas, 'and',
'but', a colon or a dash). It starts where a phrase starts: the clause's first word
(after 'and', 'then' ...), the word after a leading 'within two weeks' or 'after
launch', after 'that', 'when', 'if' ..., after a verb of change ('lifted', 'cut'), or,
failing those, at the quoted words themselves. It ends at the clause's end, before a
preposition or a conjunction, or just after a figure. A leading 'the' or 'a' is kept;
'I learned that' is left out (the question asks for the lesson, not the framing); a
cut that leaves a tautology ('I learned that it is better to learn') is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_WORDS = 12
"""The longest quotation, in words."""

_BREAK = re.compile(
    r"[.;:!?]+(?=[\s\"”’)]|$)|\n|[()\[\]\"“”—–]|\s-\s|,(?=\s)"
    r"|\s(?:and|but|while|whereas|so|or|yet)(?=\s)",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset("vs e.g i.e etc approx incl cf no fig".split())
_WORD = re.compile(r"\S+")
_FIGURE_START = re.compile(r"[$€£¥]?\d|[$€£¥]?\.\d")
_PRONOUN_I = re.compile(r"^I(?:'|’|$)")
_LEAD_IN = re.compile(
    r"^(?:i|we)\s+(?:have\s+|had\s+|now\s+|then\s+)?(?:learned|learnt|realised|realized|"
    r"found|discovered|noticed|saw|see|think|thought|believe|felt|feel|know|knew|understood|"
    r"understand|concluded|decided)\s+that\s+",
    re.IGNORECASE,
)

_PREPOSITIONS = frozenset(
    "of to in on at by for with from into onto over under within without across through "
    "throughout during per via after before since until against than among between about "
    "around beyond toward towards upon behind despite like".split()
)
_CONJUNCTIONS = frozenset(
    "and or but nor so yet because although though whereas while if when whenever once "
    "unless that which who whom whose where as".split()
)
_AUXILIARIES = frozenset(
    "is was were are am be been being has had have did does do will would could can "
    "should might must shall may not".split()
)
_BAD_START = _PREPOSITIONS | _CONJUNCTIONS | _AUXILIARIES
_CONNECTORS = frozenset("and but so or then also plus yet".split())
"""Words a clause may open with that a quote leaves out."""
_SUBORDINATORS = frozenset(
    "when whenever if once because since while whereas until unless where though although".split()
)
"""A quote may start just after one of these: what follows is a clause of its own."""
_SAYING = frozenset(
    "said showed shown found learned learnt realised realized noticed saw knew decided "
    "agreed proved confirmed meant means shows says suggested suggests argued explained "
    "is was".split()
)
"""'that' after one of these opens a clause ('showed that churn fell'); after a noun it
opens a description ('searches that ended in a message')."""
_CHANGE_VERBS = frozenset(
    "lifted raised cut reduced increased decreased improved boosted lowered halved doubled "
    "tripled saved grew drove brought trimmed shortened sped".split()
)
"""A quote may start just after one of these: what follows names what changed."""
_TIME_NOUNS = frozenset(
    "launch rollout release go-live production week weeks month months day days year years "
    "quarter quarters night nights".split()
)
_ENDLESS = frozenset(
    "a an the this that these those my our your their its his her of to and or but with "
    "for in on at by from as than into per very more less most about around roughly "
    "nearly almost over under".split()
)
"""A quote never ends on one of these."""
_NOUN_LINKS = frozenset("of against than per".split())
"""Words that keep a phrase that starts at a figure going: '0.6% of transactions', '0.468
against 0.412', '$900k per year'."""
_BOUND = frozenset("of to than".split())
"""Words that finish the phrase before them: a quote does not end just before one ('0.6% |
of transactions', 'better | to learn by doing', 'worse | than the baseline')."""
_RANGE_WORDS = frozenset({"to", "and", "or", "-", "–"})


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return self.text.lower().strip(",;:'\"’‘()")

    @property
    def core_end(self) -> int:
        """Where the word ends without the punctuation after it."""
        return self.start + len(self.text.rstrip(",;:.)'\"’”"))


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where clauses end: sentence ends (not 'vs.' or 'e.g.'), commas and 'and' not
    inside a list of numbers, brackets, dashes and quotation marks."""
    found: list[tuple[int, int]] = []
    for match in _BREAK.finditer(text):
        start, end = match.span()
        mark = match.group(0)
        if mark[0] == ":" and len(text[found[-1][1] if found else 0 : start].split()) <= 4:
            continue  # 'Accuracy: 94%', 'NDCG@10 on debiased clicks: 0.468'
        if mark[0] == ".":
            head = text[:start].rsplit(None, 1)
            if head and head[-1].lower().strip("(") in _ABBREVIATIONS:
                continue
        if mark in (",",) or mark[:1].isspace():
            if _FIGURE_START.match(text[end:].lstrip()):
                continue  # '1, 7 and 364 days', 'between 5 and 10 ms'
        found.append((start, end))
    return found


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` that holds text[start:end]."""
    begin, stop = 0, len(text)
    for b_start, b_end in _breaks(text):
        if b_end <= start:
            begin = b_end
        elif b_start >= end:
            stop = b_start
            break
    return begin, stop


def _words(text: str, begin: int, stop: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, begin, stop)]


def _good_start(word: Word) -> bool:
    return word.bare not in _BAD_START and bool(word.bare)


def _lead_in_skip(words: list[Word], k: int) -> int:
    """The word after 'I learned that' (or the like) opening at `k`, else `k`."""
    tail = " ".join(w.text for w in words[k : k + 5])
    match = _LEAD_IN.match(tail)
    if not match:
        return k
    return k + len(match.group(0).split())


def _starts(words: list[Word], first: int, figure_ends: dict[int, str]) -> list[int]:
    """Word indices a quote may start at before the quoted words (index `first`), earliest
    first. `figure_ends` maps words that end a figure to the figure's kind."""
    found: list[int] = []
    k = 0
    while k < first and words[k].bare in _CONNECTORS:
        k += 1
    if k < first and words[k].bare in _PREPOSITIONS:
        # 'Within two weeks false blocks fell ...': skip a short opening phrase of time
        skip = next(
            (
                j + 1
                for j in range(k + 1, min(k + 5, first))
                if figure_ends.get(j, "count") != "count" or words[j].bare in _TIME_NOUNS
            ),
            None,
        )
        k = skip if skip is not None else first
    if k < first:
        found.append(k)
    for j in range(first):
        said = words[j].bare == "that" and j > 0 and words[j - 1].bare in _SAYING
        if (
            said
            or words[j].bare in _SUBORDINATORS
            or (words[j].bare in _CHANGE_VERBS and not _FIGURE_START.match(words[j + 1].text))
        ):
            found.append(j + 1)
    found = [_lead_in_skip(words, s) for s in found]
    return sorted({s for s in found if s < first and _good_start(words[s])})


def _ends(words: list[Word], last: int, figure_ends: dict[int, str]) -> list[int]:
    """Word indices a quote may end before, after the quoted words (index `last`), longest
    first. `figure_ends` maps words that end a figure to the figure's kind."""
    found = {len(words)}
    for p in range(last + 1, len(words)):
        following = words[p].bare
        ranged = following in _RANGE_WORDS and p + 1 < len(words)
        if ranged and _FIGURE_START.match(words[p + 1].text):
            continue  # 'from 2.4% | to 2.1%'
        boundary = following in _PREPOSITIONS - _BOUND or following in _CONJUNCTIONS
        after_figure = figure_ends.get(p - 1, "count") != "count" and not _modifier(words, p - 1)
        after_words = p == last + 1 and p - 1 not in figure_ends
        ends_here = boundary or ((after_figure or after_words) and following not in _BOUND)
        if ends_here and words[p - 1].bare not in _ENDLESS:
            found.add(p)
    return sorted(found, reverse=True)


def _modifier(words: list[Word], i: int) -> bool:
    """The figure ending at word `i` describes the next word: 'a 3% lift', 'the 40 ms budget'."""
    head = words[i].text.split("-")[0]
    return i > 0 and words[i - 1].bare in ("a", "an", "the") and len(head) == len(words[i].text)


def _stem(word: str) -> str:
    return word[:5] if len(word) >= 5 else word


def _tautology(words: list[Word]) -> bool:
    """A word said twice in different forms ('learned ... learn'), the sign of a quote
    that says nothing."""
    seen: dict[str, str] = {}
    for word in words:
        bare = word.bare
        if len(bare) < 4 or bare in _BAD_START or not bare.isalpha():
            continue
        other = seen.setdefault(_stem(bare), bare)
        short, long = sorted((bare, other), key=len)
        plural = long in (f"{short}s", f"{short}es")
        if short != long and long.startswith(short) and not plural:
            return True
    return False


def lower_first(words: list[str]) -> list[str]:
    """Lower a capitalised first word to read mid-sentence; keep 'I', acronyms, names
    written with inner capitals ('XGBoost', 'LightGBM') and names of two capitalised words."""
    first = words[0]
    name = len(words) > 1 and words[1][:1].isupper()  # 'Acme Corp', 'Random Forest'
    if (
        first[:1].isupper()
        and first[1:] == first[1:].lower()
        and not _PRONOUN_I.match(first)
        and not name
    ):
        words[0] = first.lower()
    return words


def _say(words: list[Word]) -> str:
    said = [w.text for w in words]
    said[-1] = said[-1].rstrip(",;:")
    return " ".join(lower_first(said))


def quote_around(
    text: str,
    start: int,
    end: int,
    figures: dict[int, str] | None = None,
    max_words: int = QUOTE_WORDS,
) -> str:
    """A quotation of `text` around text[start:end] that reads as a whole phrase, or ''.

    `figures` maps where each figure of the text ends (a character offset) to its kind,
    so that a quote may end just after one ('fell from 2.4% to 2.1%') but not between a
    count and what it counts ('40 | features').
    """
    begin, stop = clause_bounds(text, start, end)
    words = _words(text, begin, stop)
    inside = [i for i, w in enumerate(words) if w.end > start and w.start < end]
    if not inside:
        return ""
    first, last = inside[0], inside[-1]
    if last - first + 1 > max_words:
        return ""
    kinds = figures or {}
    figure_ends = {i: kinds[w.core_end] for i, w in enumerate(words) if w.core_end in kinds}
    starts = _starts(words, first, figure_ends)
    ends = _ends(words, last, figure_ends)
    for stop_at in ends:
        for begin_at in starts:
            chosen = words[begin_at:stop_at]
            if len(chosen) <= max_words and not _tautology(chosen):
                return _say(chosen)
    own = first - 1 if first and words[first - 1].bare in ("a", "an", "the", "our") else first
    if last + 1 < len(words) and words[last + 1].bare in _PREPOSITIONS - _NOUN_LINKS:
        ends = [last + 1]  # the quoted words alone: '7 in the end' says nothing
    for stop_at in ends:
        chosen = words[own:stop_at]
        alone = own == 0 or len(chosen) > 1
        if alone and len(chosen) <= max_words and not _tautology(chosen):
            return _say(chosen)
    return ""
