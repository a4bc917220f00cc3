"""Vague claims: a change or a quality claimed without saying how much.

A form template lists the words that can make a claim vague (`vague_words`); this
module knows their grammar, so that a word is flagged only where it claims something:

- each clause is judged on its own, and a clause that gives a figure is not vague;
- a change verb with a concrete object is an action, not a claim: "I increased the
  regularization strength" is fine, "we increased engagement" is not;
- an intensifier counts only on a quality ("very happy", not "the very first");
- "much", "far", "slightly" count only on a comparison ("much faster", not "too much");
- "improved the pipeline by adding retries" names what was done and how: not a claim;
- a few claims are known here whatever words the form lists (CLAIMS), in any form that
  lists some: "made a big difference", "performed well", "happier", "more accurate";
- a comparison that names a condition or a task is not a claim ("better when",
  "slower to serve"), nor is a statistical "no significant change" or "robust to".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from coach.core.figures import grouped_alternation, has_figure

INTENSIFIERS = frozenset(
    {"very", "really", "quite", "pretty", "extremely", "highly", "incredibly", "super"}
)
MODIFIERS = frozenset(
    {"much", "far", "slightly", "somewhat", "a bit", "a little", "a lot", "way", "even"}
)
"""Words that say 'more or less' and count only on a comparison: 'much faster'."""
COMPARATIVES = frozenset(
    "better worse faster slower cheaper higher lower larger smaller bigger easier harder "
    "simpler quicker stronger weaker more less fewer greater clearer safer cleaner shorter "
    "longer tighter lighter heavier happier".split()
)
QUALITIES = frozenset(
    "happy pleased satisfied good great accurate precise fast quick slow reliable stable "
    "useful helpful effective efficient successful robust scalable strong solid valuable "
    "impactful popular positive well smooth smoothly cheap expensive poor bad high low "
    "large big small clean important impressive close".split()
)
"""What an intensifier has to qualify to count as vague: 'very happy', 'really fast'."""
CHANGE_VERBS = frozenset(
    "increased decreased reduced lowered raised cut dropped higher lower boosted".split()
)
"""Words that are actions when they take a concrete object (see OUTCOMES)."""
IMPROVERS = CHANGE_VERBS | {
    "improved",
    "enhanced",
    "optimized",
    "optimised",
    "streamlined",
    "sped up",
}
"""Words that are actions when a concrete object and a method follow: 'improved the
pipeline by adding retries'."""
_METHODS = frozenset({"by", "with", "using", "through", "via"})
THINGS = frozenset(
    "it this that which model system tool change launch service pipeline feature product "
    "automation rollout release forecast ranker classifier approach dashboard project fix "
    "update version alert alerts rule rules process".split()
)
"""Subjects that make a change verb a claim whatever it acts on: 'this reduced manual
review' (a person who 'reduced the learning rate' acted; see OUTCOMES)."""
REMOVALS = frozenset({"dropped", "removed"})
"""Change verbs that with any object mean taking it away, not a change in it."""
OUTCOMES = frozenset(
    "revenue sales profit profits margin margins cost costs spend savings churn retention "
    "conversion conversions engagement clicks ctr accuracy precision recall auc performance "
    "quality latency speed throughput uptime downtime errors error waste stock-outs "
    "stockouts efficiency satisfaction nps fraud losses loss time usage adoption "
    "reliability results metrics kpis complaints refunds returns tickets bookings orders "
    "signups sign-ups traffic visits purchases income roi productivity workload risk "
    "delays lateness cancellations defects incidents outages manual review reviews effort "
    "hours toil backlog rework escalations overtime headcount".split()
)
"""What a change verb's object names when the sentence claims an outcome."""
_DETERMINERS = frozenset("the a an our my its their his her your this that these those".split())
_CLAUSE_ENDERS = frozenset(
    "in across over after by for at from to with during since on than and but while as when".split()
)
_CONDITIONS = frozenset({"when", "if", "once", "to", "whenever", "unless"})
_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "you"})
_NEGATIONS = frozenset({"no", "not", "statistically", "stat", "non"})

_SIZES = (
    r"real|big|huge|massive|major|great|noticeable|clear|substantial|dramatic|meaningful|visible"
    r"|tangible|positive|measurable|significant|considerable|marked"
)
CLAIMS = (
    rf"\b(?:made|makes|make|making)\s+(?:a|an|all the|such a)\s+(?:(?:{_SIZES}|very|world of)"
    rf"\s+){{0,2}}difference\b|\ba\s+(?:{_SIZES})\s+difference\b"
    r"|\b(?:performed|performing|worked|working|did|doing|went|scored|ran|held up|landed"
    r"|generali[sz]ed|turned out)\s+(?:(?:really|very|quite|pretty|extremely|reasonably|fairly"
    r"|surprisingly|remarkably|so)\s+)?well\b|\bwell[- ]received\b|\bhappier\b"
    r"|\b(?:more|less)\s+(?:accurate|precise|reliable|stable|robust|efficient|effective|useful"
    r"|helpful|satisfied|engaged|productive|confident|responsive|scalable|profitable|trusted"
    r"|maintainable)\b"
)
"""Claims of change or quality known here whatever the form lists: 'made a big difference',
'performed well' (not the general 'works well on tabular data'), 'customers were happier',
'more accurate'."""
_CLAIM = re.compile(CLAIMS)

_CLAUSE = re.compile(
    r"[.!?](?=\s|$)|[;\n]|\s[—–-]\s|:\s|,?\s+(?:and|but|while|whereas|although|though|yet)\s+"
    r"|,\s*(?:which|so)\s+"
)
"""Where a clause ends, in lowered text: a sentence's end, a semicolon or colon, a dash,
or a joining word ('and', 'but', ', which')."""
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[;\n]")
_WORD = re.compile(r"[a-z][a-z'’-]*")
_WIDENERS = MODIFIERS | INTENSIFIERS


@lru_cache(maxsize=32)
def _pattern(vague_words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not vague_words:
        return None
    words = frozenset(re.escape(w.lower()) for w in vague_words)
    return re.compile(r"\b(?:" + grouped_alternation(words) + r")(?![\w-])")


def _words_after(clause: str, end: int, limit: int = 5) -> list[str]:
    return _WORD.findall(clause, end)[:limit]


def _word_before(clause: str, start: int) -> str:
    words = _WORD.findall(clause, 0, start)
    return words[-1] if words else ""


_AFTER_AMOUNT = frozenset(
    "of in over since after during within across for by this last once when while".split()
)
"""Words after 'a lot' that make it an amount said vaguely: 'a lot of', 'dropped a lot in
two months' (not 'a lot more', which the comparative decides)."""


def _intransitive(after: list[str]) -> bool:
    """Nothing is acted on: 'sales dropped', 'fell sharply', 'rose in May', 'dropped a lot'."""
    return (
        not after
        or after[0] in _CLAUSE_ENDERS
        or after[0].endswith("ly")
        or after[:2] in (["a", "lot"], ["a", "bit"], ["a", "little"])
    )


def _change_is_claimed(after: list[str]) -> bool:
    """A change verb claims an outcome unless it acts on something concrete that is not
    one: 'sales dropped', 'cut costs' are claims; 'cut the feature list' is an action."""
    if _intransitive(after):
        return True
    phrase = after[1:] if after[0] in _DETERMINERS else after
    for word in phrase[:4]:
        if word in _CLAUSE_ENDERS:
            break
        if word in OUTCOMES:
            return True
    return False


def _acts_by_a_method(after: list[str]) -> bool:
    """A concrete object and how it was acted on: 'the pipeline by adding retries'."""
    if _intransitive(after):
        return False
    for at, word in enumerate(after):
        if word in OUTCOMES:
            return False
        if word in _METHODS:
            return 0 < at < len(after) - 1
    return False


def _claims(term: str, clause: str, start: int, end: int, vague: frozenset[str]) -> bool:
    """Whether the vague word at clause[start:end] makes a claim here."""
    after = [] if clause[end : end + 1] in (",", ")") else _words_after(clause, end, 8)
    following = after[0] if after else ""
    if _CLAIM.fullmatch(term):  # not 'more useful as a feature', 'happier to wait'
        return following not in _CONDITIONS and (following != "as" or after[1:3] == ["a", "result"])
    if term in INTENSIFIERS:
        return following in QUALITIES or following in vague
    if term in MODIFIERS:
        if term == "a lot" and (following in _AFTER_AMOUNT or not following):
            return True  # 'a lot of', and 'dropped a lot in May' (how much, said vaguely)
        return following in COMPARATIVES
    if term in COMPARATIVES and following in _CONDITIONS:
        return False
    if term.startswith("significant") and (
        _word_before(clause, start) in _NEGATIONS or following == "at"
    ):
        return False
    if term == "robust" and following == "to":
        return False
    if after[:1] == ["to"] and after[1:2] and after[1] in _PRONOUNS:
        return False  # "the call fell to me"
    if term in REMOVALS and not _intransitive(after):
        return False  # "I dropped accuracy as a metric" removes it
    if term in CHANGE_VERBS and _word_before(clause, start) in THINGS:
        return True
    if term in IMPROVERS and _acts_by_a_method(after):
        return False
    if term in CHANGE_VERBS:
        return _change_is_claimed(after)
    return True


def _phrase(clause: str, start: int, end: int) -> tuple[int, int]:
    """Widen a vague word over the modifiers around it: 'slightly worse', 'a lot more
    reliable', 'went down significantly'."""
    term = clause[start:end]
    while True:
        head = clause[:start].rstrip()
        words = head.rsplit(" ", 2)
        two = " ".join(words[-2:])
        if len(words) > 1 and two in _WIDENERS:
            start = len(head) - len(two)
        elif words[-1] in _WIDENERS:
            start = len(head) - len(words[-1])
        else:
            break
    after = _WORD.match(clause, end + 1) if clause[end : end + 1] == " " else None
    widen = COMPARATIVES | (QUALITIES if term in INTENSIFIERS else frozenset())
    if after and (after.group(0).endswith("ly") or after.group(0) in widen):
        end = after.end()
        if after.group(0) in ("more", "less"):
            following = _WORD.match(clause, end + 1)
            end = following.end() if following else end
    return start, end


def _by_clause(
    lowered: str, matches: list[re.Match[str]]
) -> Iterator[tuple[int, int, list[re.Match[str]]]]:
    """The clauses that hold a vague word, as (start, end, the words' matches). Only the
    sentences with one are cut into clauses: a long field is checked on every key press."""
    done = i = 0
    while i < len(matches):
        first = matches[i]
        ends = list(_SENTENCE_END.finditer(lowered, done, first.start()))
        begin = ends[-1].end() if ends else done
        after = _SENTENCE_END.search(lowered, first.end())
        stop = after.start() if after else len(lowered)
        cuts = [begin, *(p for m in _CLAUSE.finditer(lowered, begin, stop) for p in m.span()), stop]
        j = i
        while j < len(matches) and matches[j].start() < stop:
            j += 1
        for start, end in zip(cuts[::2], cuts[1::2], strict=True):
            inside = [m for m in matches[i:j] if start <= m.start() < end]
            if inside:
                yield start, end, inside
        done, i = stop, j


def _known_claims(lowered: str, listed: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The CLAIMS in `lowered` that hold none of the form's words (that word is quoted)."""
    starts = [m.start() for m in listed]
    for claim in _CLAIM.finditer(lowered):
        at = bisect_left(starts, claim.end())
        if at == 0 or listed[at - 1].end() <= claim.start():
            yield claim


_DURATION = re.compile(
    r"\b(?:in|over|within|after|during|for)\s+(?:the\s+)?(?:first\s+|last\s+|next\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:days?|weeks?|months?|quarters?|years?|hours?|sprints?)\b",
    re.IGNORECASE,
)
"""When a change happened ('in two months') says nothing of how much it was."""


def vague_phrases(text: str, vague_words: tuple[str, ...]) -> list[str]:
    """The vague claims in `text`, as short phrases in order of first use, each from a
    clause that gives no figure."""
    pattern = _pattern(vague_words)
    if pattern is None:
        return []
    lowered = text.lower()
    listed = [m for m in pattern.finditer(lowered) if lowered[m.start() - 1 : m.start()] != "-"]
    matches = sorted([*listed, *_known_claims(lowered, listed)], key=lambda m: m.start())
    if not matches:
        return []
    vague = frozenset(w.lower() for w in vague_words)
    source = text if len(lowered) == len(text) else lowered
    found: list[str] = []
    for begin, stop, inside in _by_clause(lowered, matches):
        clause = lowered[begin:stop]
        spots = [(m.start() - begin, m.end() - begin) for m in inside]
        claims = [(a, b) for a, b in spots if _claims(clause[a:b], clause, a, b, vague)]
        if not claims or has_figure(_DURATION.sub(" ", source[begin:stop])):
            continue
        spans: list[tuple[int, int]] = []
        for spot in claims:
            start, end = _phrase(clause, *spot)
            if spans and start <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        for start, end in spans:
            phrase = clause[start:end].strip()
            if phrase not in found:
                found.append(phrase)
    return found
