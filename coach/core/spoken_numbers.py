"""Numbers as speech recognition writes them: "62%", "$3.2M", "9.5 hours", or in words,
"sixty-two percent", "three point two million", "twelve hundred", "two and a half",
"half a million", "point six".

A run of words is read into items: a `Quantity` (its value, its unit and the word it
counts, tied to the word it began at) or a plain word. English only; ordinals and years
are not read.

Owned rather than taken from text2num (alpha2digit): it leaves "two weeks", "a hundred",
"two and a half", "half a million" and "point six" as words, writes "3.2 million" as
"3.2 1000000", and rewrites a string, losing which heard word a number began at, which
the figure matching needs for its times. What is needed here is one small grammar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_DIGITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_TEENS = {
    w: i + 10
    for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: (i + 2) * 10
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0, **_SCALES}
_GLUED = {"k": "thousand", "m": "million", "mm": "million", "b": "billion", "bn": "billion"}
"""Letters glued to digits that are magnitudes: "50k", "$3.2M", "$2bn"."""
_WORD_MULTIPLES = {
    "twice": 2.0,
    "double": 2.0,
    "doubled": 2.0,
    "tripled": 3.0,
    "trebled": 3.0,
    "quadrupled": 4.0,
    "halved": 0.5,
    "twofold": 2.0,
    "threefold": 3.0,
    "fourfold": 4.0,
    "fivefold": 5.0,
    "tenfold": 10.0,
}
_CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp"}
_UNIT_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("percentage", "points"), "points"),
    (("percentage", "point"), "points"),
    (("per", "cent"), "percent"),
)
_UNIT_NAMES = {
    "percent": "percent pct",
    "points": "points pp",
    "multiple": "times x fold",
    "ms": "ms msec millisecond milliseconds",
    "s": "s sec secs second seconds",
    "min": "min mins minute minutes",
    "h": "h hr hrs hour hours",
    "day": "d day days",
    "week": "wk wks week weeks",
    "month": "mo month months",
    "quarter": "quarters",
    "year": "yr yrs year years",
    "kb": "kb kilobyte kilobytes",
    "mb": "mb megabyte megabytes",
    "gb": "gb gig gigs gigabyte gigabytes",
    "tb": "tb terabyte terabytes",
    "pb": "pb petabyte petabytes",
    "usd": "usd dollar dollars bucks",
    "eur": "eur euro euros",
    "gbp": "gbp pound pounds quid",
}
_UNITS = {word: unit for unit, words in _UNIT_NAMES.items() for word in words.split()}
_FUNCTION_WORDS = frozenset(
    "a an the this that these those of in on at to for from by with into onto than as and "
    "or but nor so if when while then is was are were be been being has have had do did "
    "will would can could should may might i we you he she it they me us them my our your "
    "its their up down over under about around roughly nearly almost only just all each "
    "per vs versus against before after which who what where how not no also still again "
    "out off there here now yes well um uh er like".split()
)
"""Words that may follow a number without saying what it counts: 'from 23 to 11 percent'."""

_PART = re.compile(
    r"[$€£%×]|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|[a-z]+(?:['’][a-z]+)*"
)
LEAD_MARKS = "\"'“‘(["
TRAIL_MARKS = ",.;:!?)]\"'”’…"
_NUMERAL = re.compile(r"[\d.,]+")


@dataclass(frozen=True)
class Token:
    """One part of a heard word, lower-cased: '62', 'percent', '$', 'sixty'."""

    text: str
    word: int
    """The index of the word it is part of."""
    stop: bool = False
    """Punctuation follows it: a number does not run on past it ('twenty, three')."""


@dataclass(frozen=True)
class Quantity:
    """A number as said: its value, its unit ('percent', 'usd', 'multiple', 'ms', 'week',
    '' for none) and the word after it when that word could be what it counts ('features')."""

    value: float
    unit: str
    noun: str


Item = Quantity | str


def _tokens(words: Sequence[str]) -> list[Token]:
    """The parts of `words`, each word split at hyphens and where digits meet letters
    ("sixty-two", "3.2M", "40ms", "$1.8M", "23%,"), with glued magnitudes and signs
    spelled out: "%" is "percent", "M" after digits "million", "x" after digits "times"."""
    found: list[Token] = []
    for index, raw in enumerate(words):
        text = raw.strip().lstrip(LEAD_MARKS)
        bare = text.rstrip(TRAIL_MARKS)
        stop = len(bare) < len(text)
        parts = _PART.findall(bare.lower())
        for k, part in enumerate(parts):
            glued = k > 0 and bool(_NUMERAL.fullmatch(parts[k - 1]))
            part = _spelled(part, glued)
            found.append(Token(part, index, stop and k == len(parts) - 1))
    return found


def _spelled(part: str, glued: bool) -> str:
    if part == "%":
        return "percent"
    if part == "×" or (glued and part == "x"):
        return "times"
    if glued and part in _GLUED:
        return _GLUED[part]
    return part


def _number_word(word: str) -> bool:
    """`word` (lower-cased) is part of a number said in words: 'six', 'forty', 'hundred'."""
    return word in _DIGITS or word in _TEENS or word in _TENS or word in _MULTIPLIERS


def _numeral(text: str) -> float | None:
    if not _NUMERAL.fullmatch(text) or not any(c.isdigit() for c in text):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


class _Reader:
    """Reads the number that starts at a token, if any."""

    def __init__(self, parts: Sequence[Token]) -> None:
        self.parts = parts

    def text(self, i: int) -> str:
        return self.parts[i].text if 0 <= i < len(self.parts) else ""

    def runs_on(self, i: int) -> bool:
        """Token `i` exists and no punctuation ends the token before it."""
        return 0 < i < len(self.parts) and not self.parts[i - 1].stop

    def number(self, i: int) -> tuple[float, int] | None:
        """The value of the number starting at token `i` and the index after it."""
        word = self.text(i)
        numeral = _numeral(word)
        if numeral is not None:
            value, j, worded = numeral, i + 1, False
            if self.text(j) == "hundred" and self.runs_on(j) and numeral < 100:
                value, j = value * 100, j + 1
        elif word in ("a", "an") and self.text(i + 1) in _MULTIPLIERS and self.runs_on(i + 1):
            value, j, worded = self._words(i + 1, start=1.0)
        elif word == "half" and self.text(i + 1) in ("a", "an") and self.runs_on(i + 2):
            if not (self.text(i + 2) in _SCALES or self.text(i + 2) in _UNITS):
                return None
            value, j, worded = 0.5, i + 2, False
        elif word == "point" and self._decimal_digits(i + 1) and self.runs_on(i + 1):
            value, j = self._decimals(i + 1)
            return self._scaled(value, j)
        elif _number_word(word) and word not in _MULTIPLIERS:
            value, j, worded = self._words(i)
        else:
            return None
        if self.text(j) == "point" and self.runs_on(j) and self._decimal_digits(j + 1):
            fraction, j = self._decimals(j + 1)
            value, worded = value + fraction, False
        elif [self.text(k) for k in range(j, j + 3)] == ["and", "a", "half"] and all(
            self.runs_on(k) for k in range(j, j + 3)
        ):
            value, j, worded = value + 0.5, j + 3, False
        if not worded:
            value, j = self._scaled(value, j)
        return value, j

    def _words(self, i: int, start: float | None = None) -> tuple[float, int, bool]:
        """A whole number in words from token `i` ('one thousand two hundred and five');
        `start` is the value already read ('a' of 'a hundred')."""
        total, group = 0.0, start or 0.0
        last = "unit" if start is not None else ""
        top = float("inf")
        j = i
        while j < len(self.parts):
            word = self.text(j)
            if j > i and not self.runs_on(j):
                break
            if word == "and" and last in ("hundred", "scale") and self._small(j + 1):
                j += 1
                continue
            if word in _DIGITS and last in ("", "tens", "hundred", "scale"):
                group, last = group + _DIGITS[word], "unit"
            elif word in _TEENS and last in ("", "hundred", "scale"):
                group, last = group + _TEENS[word], "teen"
            elif word in _TENS and last in ("", "hundred", "scale"):
                group, last = group + _TENS[word], "tens"
            elif word == "hundred" and last in ("unit", "teen", "tens") and group < 100:
                group, last = group * 100, "hundred"
            elif word == "dozen" and last in ("unit", "teen", "tens"):
                group, last = group * 12, "dozen"
            elif word in _SCALES and last not in ("", "scale") and _SCALES[word] < top:
                top = _SCALES[word]
                total, group, last = total + group * top, 0.0, "scale"
            else:
                break
            j += 1
        return total + group, j, last in ("scale", "hundred", "dozen")

    def _small(self, i: int) -> bool:
        word = self.text(i)
        return word in _DIGITS or word in _TEENS or word in _TENS

    def _decimal_digits(self, i: int) -> bool:
        word = self.text(i)
        return word in _DIGITS or word == "oh" or (word.isdigit() and self.runs_on(i))

    def _decimals(self, i: int) -> tuple[float, int]:
        """'six eight' or '68' after 'point': 0.68, and the index after the digits."""
        if self.text(i).isdigit():
            return float("0." + self.text(i)), i + 1
        digits = ""
        j = i
        while (self.text(j) in _DIGITS or self.text(j) == "oh") and (j == i or self.runs_on(j)):
            digits += str(_DIGITS.get(self.text(j), 0))
            j += 1
        return float("0." + digits), j

    def _scaled(self, value: float, j: int) -> tuple[float, int]:
        """'3.2' then 'million', '2.5' then 'thousand': the value times its magnitudes."""
        top = float("inf")
        while self.text(j) in _SCALES and self.runs_on(j) and _SCALES[self.text(j)] < top:
            top = _SCALES[self.text(j)]
            value, j = value * top, j + 1
        return value, j

    def unit(self, j: int) -> tuple[str, int]:
        """The unit said at token `j` ('percent', 'per cent', 'ms', 'dollars'), if any."""
        if not self.runs_on(j):
            return "", j
        for phrase, unit in _UNIT_PHRASES:
            span = range(j, j + len(phrase))
            if tuple(self.text(k) for k in span) == phrase and all(self.runs_on(k) for k in span):
                return unit, j + len(phrase)
        unit = _UNITS.get(self.text(j), "")
        return (unit, j + 1) if unit else ("", j)

    def noun(self, j: int) -> str:
        """The word at `j` when it could be what the number counts ('40 features')."""
        word = self.text(j)
        if not self.runs_on(j) or not word.isalpha() or word in _FUNCTION_WORDS:
            return ""
        return "" if _number_word(word) or word in ("point", "half") else word


@dataclass(frozen=True)
class Said:
    """A quantity or a plain word, and the words it spans (indices, both included)."""

    item: Item
    first: int
    last: int


def read(words: Sequence[str]) -> list[Said]:
    """The quantities and plain words in `words`, as a recogniser or a story writes them,
    in order."""
    parts = _tokens(words)
    reader = _Reader(parts)
    found: list[Said] = []
    i = 0
    while i < len(parts):
        word = parts[i].text
        start = i
        currency = _CURRENCY_SIGNS.get(word, "")
        if currency:
            i += 1  # '$' then '3.2': the sign is part of the quantity
        number = reader.number(i)
        if number is None and word in _WORD_MULTIPLES:
            number, currency = (_WORD_MULTIPLES[word], i + 1), "multiple"
        if number is None or number[1] <= i:
            found.append(Said(word, parts[start].word, parts[start].word))
            i = start + 1
            continue
        value, j = number
        unit, j = reader.unit(j)
        quantity = Quantity(value, currency or unit, reader.noun(j))
        found.append(Said(quantity, parts[start].word, parts[j - 1].word))
        i = j
    return found


def spoken_value(text: str) -> float | None:
    """The value of the number `text` says ('sixty-two' 62, 'three point two million'
    3200000, '1,200' 1200), or None when it says no number or says more than one."""
    said = read(text.split())
    if len(said) == 1 and isinstance(said[0].item, Quantity):
        return said[0].item.value
    return None


def spoken_length(word: str) -> int:
    """How many words a heard word takes to say: 1 for a word, and for one with digits the
    words it is read as, a compound of tens and ones ('twenty-three') being one word, the
    way it is written out. "1,200" is four ('one thousand two hundred'), "23%" two, "9.5"
    three, "0.81" four ('zero point eight one'), "$3.2M" five ('three point two million
    dollars'); a four-digit whole number without a comma from 1900 to 1999 or 2010 to 2099
    is read as a year ('twenty twenty-three', two)."""
    parts = [t.text for t in _tokens([word])]
    if not any(c.isdigit() for c in word) or not parts:
        return 1
    return sum(_numeral_length(part) if _numeral(part) is not None else 1 for part in parts)


def _numeral_length(text: str) -> int:
    whole, _, fraction = text.replace(",", "").partition(".")
    if "," not in text and not fraction and len(whole) == 4:
        if 1900 <= int(whole) <= 1999 or 2010 <= int(whole) <= 2099:
            return 2
    said = (_whole_length(int(whole)) if whole else 0) + (1 + len(fraction) if fraction else 0)
    return max(said, 1)


def _whole_length(number: int) -> int:
    """Words in a whole number written out: 'one thousand two hundred' is four."""
    if number == 0:
        return 1
    count, scale = 0, 0
    while number:
        number, group = divmod(number, 1000)
        hundreds, rest = divmod(group, 100)
        count += (2 if hundreds else 0) + (1 if rest else 0) + (1 if group and scale else 0)
        scale += 1
    return count
