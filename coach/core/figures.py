"""What counts as a figure: a quantity a listener could check, not a digit in a name.

A figure is a number with a unit or a percent sign, money, a multiple ("3x",
"twice"), a count of things ("40 features", "three teams"), a duration ("6 weeks",
"200 ms"), a fraction ("a third fewer"), a ratio ("one in five"), a metric's value
("0.468") or an end of "from X to Y". Years, quarters, ordinals, versions, times of
day and names with digits in them (F1, S3, p99, GPT-4, Q3, NDCG@10, Python 3.11)
are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_LETTERS = re.compile(r"[A-Za-z]+")
_NEXT_WORD = re.compile(r"(?:\s+|-)([A-Za-z][A-Za-z'’]*)")
_TOKEN_CHARS = frozenset("_.+-'’")
_COMPARATORS = frozenset("=<>≤≥~≈")
_CURRENCY = "$€£¥"

_MAGNITUDES = frozenset({"k", "K", "M", "MM", "m", "B", "bn"})
_SPOKEN_MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_UNITS = frozenset(
    "ms s sec secs min mins h hr hrs d wk wks yr yrs gb mb tb kb pb ghz mhz hz px km kg "
    "mi pp bps qps rps".split()
)
_SPACED_UNITS = _UNITS - {"d", "mi"}
_CAPITAL_UNITS = frozenset({"GB", "MB", "TB", "KB", "PB", "GHz", "MHz", "Hz", "K"})
_PERCENT_WORDS = ("percentage points", "percentage point", "per cent", "percent", "points")
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
_DATE_MARKERS = _DATE_WORDS | frozenset(
    "in since by until till from during early mid late spring summer autumn fall winter "
    "fiscal fy year q1 q2 q3 q4 h1 h2 of".split()
)
_CLOCK = frozenset({"am", "pm", "a.m", "p.m", "o'clock"})
_NOT_COUNTED = (
    _DATE_WORDS
    | _CLOCK
    | frozenset(
        "a an the this that these those my our your his her its their of in on at to for "
        "from by with into onto than as and or but nor so if when while is was are were be "
        "been has have had do did will would can could should i we you he she it they me us "
        "them st nd rd th".split()
    )
)
_CUES = frozenset(
    "of at to below above under over than by reached hit scored was were is are about "
    "around roughly nearly almost approximately exactly only just top vs versus against "
    "= < > ≤ ≥ ~ ≈".split()
)
_LABELS = frozenset(
    "step phase stage chapter figure table layer level page line section part item tier "
    "grade round sprint week day month year number no model gen generation option plan "
    "type class group cluster fold epoch seed batch run trial test version release".split()
)
"""Words that a whole number names rather than counts: 'step 2', 'class 1', 'fold 3'."""
_SPANS = frozenset("minutes hours days weeks months years quarters".split())
"""Units of time that make a number after a label a duration: 'plan 2 weeks', 'run 3 days'."""
_VERSION_WORDS = frozenset(
    "v version release python spark pyspark java scala pandas numpy scikit-learn sklearn "
    "torch pytorch tensorflow keras xgboost lightgbm catboost airflow kubernetes ubuntu "
    "postgres postgresql django react ios android windows gpt llama ruby rust go kotlin "
    "swift php julia matlab r".split()
)

_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion dozen".split()
)
_MULTIPLE_WORDS = frozenset(
    "twice doubled tripled trebled quadrupled halved twofold threefold fourfold fivefold "
    "tenfold".split()
)
_FRACTIONS = frozenset("half third quarter fifth sixth seventh eighth ninth tenth".split())
_FRACTIONS_MANY = frozenset("thirds quarters fifths tenths".split())
_FRACTION_NEXT = frozenset("of fewer more less as the lower higher off".split())
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"


def grouped_alternation(words: frozenset[str]) -> str:
    """A regex alternation of `words` (already escaped) grouped by first character,
    which Python's re scans about twice as fast as a flat one."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_letter.items()))


_KEYWORD = re.compile(
    r"\b(?:"
    + grouped_alternation(_COUNT_WORDS | _MULTIPLE_WORDS | _FRACTIONS | _FRACTIONS_MANY | {"one"})
    + rf")(?:-(?:{_DIGIT_WORDS}))?\b"
)
_DIGITS = "0123456789"
_RATIO_TAIL = re.compile(rf"\s+(?:in|out\s+of)\s+(?:\d+|{_DIGIT_WORDS})\b")
_RANGE_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and|or|to|-|–|—)\s*")


@dataclass(frozen=True)
class Figure:
    """One quantity in a text: where it is, what it says, and what kind it is."""

    start: int
    end: int
    text: str
    kind: str
    """money, percent, multiple, unit, count, fraction, ratio, value (a metric's value or
    a number after 'at', 'below' ...) or range (an end of 'from X to Y' or of a list
    whose last number is a figure, as in '1, 7 and 364 days')."""


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    """A figure kind, or 'bare' (a whole number alone) or 'year', which are not figures."""


def _prev_span(text: str, start: int) -> tuple[int, str]:
    """Where the word just before `start` begins, and the word as written: '' after
    punctuation or at the start of the text; a comparator such as '<' counts as a word."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in _TOKEN_CHARS):
        begin -= 1
    token = text[begin:end]
    if not token and end > 0 and text[end - 1] in _COMPARATORS:
        return end - 1, text[end - 1]
    return begin, token if token[:1].isalpha() else ""


def _prev_token(text: str, start: int) -> str:
    return _prev_span(text, start)[1]


def _prev_word(text: str, start: int) -> str:
    return _prev_token(text, start).lower()


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A digit that belongs to a name, code, version or date: F1, S3, p99, GPT-4,
    NDCG@10, 1.2.3, 9:30, 12/03."""
    before = text[start - 1] if start else ""
    if before.isalnum() or (before and before in "_@#/\\."):
        return True
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        return True
    return text[end : end + 1] in ".:/" and text[end + 1 : end + 2].isdigit()


def _year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def _suffix(text: str, end: int, number: str) -> tuple[int, str]:
    """Where the figure ends and what follows it: '%', 'M', ' ms', ' million', 'x'; the
    kind 'name' when letters are glued to it that make it an ordinal or a name (3rd, 3D)."""
    glued = _LETTERS.match(text, end)
    if glued:
        word = glued.group(0)
        if word in _MAGNITUDES:
            return glued.end(), "magnitude"
        if word in ("x", "X"):
            return glued.end(), "multiple"
        if word == "s" and (_year(number) or len(number) == 2):
            return end, "name"  # the 1990s, the 80s
        unit = word in _UNITS or word in _CAPITAL_UNITS
        return (glued.end(), "unit") if unit else (end, "name")
    gap = 1 if text[end : end + 1] == " " else 0
    rest = text[end + gap : end + gap + 20]
    if rest[:1] in ("%", "‰"):
        return end + gap + 1, "percent"
    if rest[:1] == "×":
        return end + gap + 1, "multiple"
    spaced = _LETTERS.match(rest)
    if not gap or not spaced:
        return end, ""
    token = spaced.group(0)
    lowered = rest.lower()
    for words in _PERCENT_WORDS:
        if lowered.startswith(words) and not lowered[len(words) : len(words) + 1].isalpha():
            return end + gap + len(words), "percent"
    if token.lower() in _SPOKEN_MAGNITUDES:
        return end + gap + len(token), "magnitude"
    if token.lower() == "times":
        return end + gap + len(token), "multiple"
    if token.lower() in _SPACED_UNITS:
        return end + gap + len(token), "unit"
    return end, ""


def _version(text: str, start: int, number: str) -> bool:
    """'Python 3.11', 'XGBoost 1.7', 'version 2.0': a release, not a quantity. A decimal
    after a metric ('AUC 0.81', 'BLEU 31.2', 'Accuracy 92.1') stays a value: a version
    follows a known tool or a CamelCase name."""
    if _prev_word(text, start) in _VERSION_WORDS:
        return True
    name = re.search(r"([A-Za-z]+) $", text[max(0, start - 40) : start])
    if not name or float(number.replace(",", "")) < 1:
        return False
    token = name.group(1)
    inner = token[1:]
    return (
        token[0].isupper() and any(c.isupper() for c in inner) and any(c.islower() for c in inner)
    )


def _classify(text: str, match: re.Match[str]) -> _Candidate | None:
    start, end = match.span()
    number = match.group(0)
    if _in_a_name(text, start, end) or _next_word(text, end) in _CLOCK:
        return None
    after, kind = _suffix(text, end, number)
    if kind == "name":
        return None
    if start and text[start - 1] == "×":
        return _Candidate(start - 1, after, "multiple")
    for first in (start - 1, start - 2):
        if first >= 0 and text[first] in _CURRENCY and text[first + 1 : start].strip() == "":
            return _Candidate(first, after, "money")
    if kind == "magnitude":
        return _Candidate(start, after, "count" if _next_word(text, after) else "value")
    if kind:
        return _Candidate(start, after, kind)
    if "." in number:
        return None if _version(text, start, number) else _Candidate(start, end, "value")
    token = _prev_token(text, start)
    prev, following = token.lower(), _next_word(text, end)
    counted = bool(following) and following not in _NOT_COUNTED
    if _year(number) and (prev in _DATE_MARKERS or not counted):
        return _Candidate(start, end, "year")
    if following in _DATE_WORDS or prev in _DATE_WORDS:
        return _Candidate(start, end, "bare")  # "3 March", "on June 12": a date
    if prev in _LABELS and following not in _SPANS:
        return _Candidate(start, end, "bare")  # "Phase 3 went live", but "plan 2 weeks"
    times = _NEXT_WORD.match(text, end)
    if times and following == "times":
        return _Candidate(start, times.end(), "multiple")
    ratio = _RATIO_TAIL.match(text, end) if following in ("in", "out") else None
    if ratio:
        return _Candidate(start, ratio.end(), "ratio")
    if counted:
        return _Candidate(start, end, "multiple" if following == "fold" else "count")
    if prev in _CUES:
        return _Candidate(start, end, "value")
    if not token or prev in _LABELS or token[0].isupper():
        return _Candidate(start, end, "bare")  # "Step 2", "Python 3", "layer 4", "1. First"
    return _Candidate(start, end, "value")  # "kept 48", "the first model needed 140"


def _link_ranges(text: str, found: list[_Candidate]) -> None:
    """'from 61 to 68', 'between 5 and 10', '1, 7 and 364 days': each end is a figure."""
    for here, there in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
        if here.kind != "bare" or there.kind == "year":
            continue
        if not _RANGE_GAP.fullmatch(text, here.end, there.start):
            continue
        if there.kind != "bare" or _prev_word(text, here.start) in ("from", "between"):
            here.kind = "range"
            if there.kind == "bare":
                there.kind = "range"


def _word_figure(low: str, start: int, end: int) -> _Candidate | None:
    """A figure written in words at low[start:end] (lowered text): 'three teams', 'twice',
    'a third fewer', 'one in five', 'by half'."""
    word = low[start:end].split("-")[0]
    following = _NEXT_WORD.match(low, end)
    after = following.group(1) if following else ""
    begun, prev = _prev_span(low, start)
    if word in _MULTIPLE_WORDS:
        return _Candidate(start, end, "multiple")
    if word == "one" or (word in _COUNT_WORDS and after in ("in", "out")):
        tail = _RATIO_TAIL.match(low, end)
        return _Candidate(start, tail.end(), "ratio") if tail else None
    if word in _COUNT_WORDS:
        if following and after in ("times", "percent"):
            return _Candidate(start, following.end(), "multiple" if after == "times" else "percent")
        if low[end : end + 1] == "-" and after + "s" not in _SPANS:
            return None  # a 'two-tower' model, a 'three-way' split: a name, not a count
        counted = after and after not in _NOT_COUNTED and after not in _FRACTIONS_MANY
        return _Candidate(start, end, "count") if counted else None
    if word == "half" and prev in ("by", "in"):
        return _Candidate(begun, end, "fraction")
    if word == "half" and after in ("of", "as", "the"):
        return _Candidate(start, end, "fraction")
    owner = prev in ("a", "one") if word in _FRACTIONS else prev in _COUNT_WORDS
    if owner and after in _FRACTION_NEXT:
        return _Candidate(begun, end, "fraction")
    return None


def _word_figures(text: str) -> Iterator[_Candidate]:
    """Figures written in words (see `_word_figure`), in order."""
    low = text.lower()
    if len(low) != len(text):
        low = text  # a character whose lower case is longer: match as written
    for match in _KEYWORD.finditer(low):
        if (found := _word_figure(low, *match.span())) is not None:
            yield found


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, none overlapping."""
    numbers = _NUMBER.finditer(text) if any(d in text for d in _DIGITS) else ()
    digits = [c for m in numbers if (c := _classify(text, m)) is not None]
    _link_ranges(text, digits)
    candidates = [c for c in digits if c.kind not in ("bare", "year")]
    candidates += _word_figures(text)
    candidates.sort(key=lambda c: (c.start, -c.end))
    figures: list[Figure] = []
    for c in candidates:
        if not figures or c.start >= figures[-1].end:
            figures.append(Figure(c.start, c.end, text[c.start : c.end], c.kind))
    return figures


def has_figure(text: str) -> bool:
    """Whether `text` gives at least one quantity (see the module's docstring). Stops at
    the first one: the form checks a long field on every key press."""
    digits: list[_Candidate] = []
    for match in _NUMBER.finditer(text) if any(d in text for d in _DIGITS) else ():
        found = _classify(text, match)
        if found is not None and found.kind not in ("bare", "year"):
            return True
        if found is not None:
            digits.append(found)
    _link_ranges(text, digits)
    if any(c.kind == "range" for c in digits):
        return True
    return next(_word_figures(text), None) is not None


_COMPARING = frozenset(
    "vs versus against than baseline baselines benchmark control holdout before previous "
    "previously prior old existing former legacy beat beats uplift lift up down rose risen "
    "fell fallen grew grown dropped declined increased decreased reduced cut lowered raised "
    "improved gained lost saved saving shrank more fewer less higher lower extra".split()
)
"""A word that sets a figure against something: a baseline, the old system, a change."""
_COMPARING_PHRASE = re.compile(
    r"\b(?:from\s+\S+(?:\s+\S+)?\s+to|compared\s+(?:with|to)|in\s+comparison|relative\s+to"
    r"|hold-out|a/b|status\s+quo|instead\s+of)\b",
    re.IGNORECASE,
)
_PHRASE_START = frozenset("from compared comparison relative hold a quo instead".split())
_WORD = re.compile(r"\w+")


def has_comparison(text: str, figures: list[Figure] | None = None) -> bool:
    """Whether `text` sets its figures against something: a baseline, the old system, a
    control group, 'from X to Y', or a change ('rose 9%', '3x', 'a third fewer').
    `figures` are the text's, when already found. Its words are looked up in a set, and
    only a text with a phrase's word is searched for phrases: one regular expression of
    every word was most of the time the bank took to check a page of stories."""
    words = set(_WORD.findall(text.lower()))
    if not _COMPARING.isdisjoint(words) or any(w.startswith("outperform") for w in words):
        return True
    if not _PHRASE_START.isdisjoint(words) and _COMPARING_PHRASE.search(text):
        return True
    found = find_figures(text) if figures is None else figures
    return any(f.kind in ("multiple", "range", "fraction") for f in found)


def headline_figure(figures: list[Figure]) -> Figure | None:
    """The figure a reader asks 'against what?' about: a value or a rate before a count."""
    for figure in figures:
        if figure.kind in ("value", "percent", "money", "unit"):
            return figure
    return figures[0] if figures else None
