"""What a figure in a story is about, so that a question quotes the figure it asks about.

An impact question asks about the effect ('churn fell from 2.4% to 2.1%'), not the test
that measured it ('a 6-week test on 50% of users'); a question on retraining asks about a
threshold ('retrain when PSI passes 0.2'), not the latency. Each figure gets one role,
read from its kind (see `coach.core.figures`) and the words of its clause:

effect        a change or a comparison: 'fell 12%', 'from 21% to 24%', '0.58 against 0.22'
reference     what an effect is compared with: the '0.22' of '0.58 against 0.22'
money         '$1.8M a year', '2 million dollars'
threshold     a limit that triggers something: 'retrain when PSI passes 0.2'
latency       '38 ms p99', 'answers within 2 seconds'
duration      '6 weeks', 'a 13-week backtest', 'twelve minutes'
share         who was exposed: 'on 20% of traffic', 'to 10% of routes'
size          a count of things: '2 million customers', '40 features'
significance  'p < 0.01'
value         any other value or rate: 'accuracy was 99.2%', 'AUC 0.81'
"""

from __future__ import annotations

import re

from coach.core.figures import Figure, has_comparison
from coach.core.quotes import clause_bounds

WANTED: dict[str, tuple[str, ...]] = {
    "business_impact": ("effect", "money", "value", "latency"),
    "result": ("effect", "money", "value", "latency"),
    "online_eval": ("effect", "value"),
    "offline_eval": ("effect", "value"),
    "baseline": ("effect", "value"),
    "alternatives": ("effect", "value"),
    "drift": ("threshold",),
    "production": ("threshold", "latency"),
    "cost_latency": ("latency", "money"),
    "data": ("size",),
    "data_quality": ("size", "share", "value"),
    "ab_design": ("duration", "share", "size"),
}
"""The roles of the figures a question of each category asks about, the likeliest first.
A category not listed here takes the first value, rate or amount the text gives."""

_TIME_WORDS = frozenset(
    "second seconds sec secs minute minutes min mins hour hours hr hrs h day days d week "
    "weeks wk wks month months year years yr yrs quarter quarters night nights sprint "
    "sprints".split()
)
_LATENCY_UNITS = frozenset({"ms", "millisecond", "milliseconds"})
_SECONDS = frozenset({"s", "sec", "secs", "second", "seconds"})
_MONEY_WORDS = frozenset("dollars dollar euros euro pounds pound usd eur gbp".split())
_POPULATION = frozenset(
    "traffic users customers visitors sessions routes stores accounts members markets "
    "regions countries requests players households merchants sellers buyers drivers riders "
    "patients shops branches devices searches queries".split()
)
_EXPOSED_BY = frozenset("to on for in with across over among".split())
_SIGNIFICANCE = re.compile(r"\bp(?:[- ]?values?)?\s*(?:[<>=≤≥]|of|at)\s*$", re.IGNORECASE)
_LIMIT = re.compile(
    r"(?:\b(?:passes|passed|pass|exceeds?|exceeded|crosses|crossed|above|below|under|over|"
    r"beyond|reaches|hits|tops|threshold|cut-?off|limit|at least|at most|more than|less "
    r"than|fewer than)|[<>≤≥])\s*(?:of\s+|at\s+|is\s+|the\s+top\s+|the\s+bottom\s+)?$",
    re.IGNORECASE,
)
_TRIGGER = re.compile(
    r"\b(?:when|whenever|if|once|unless|threshold|alert\w*|alarm\w*|trigger\w*|retrain\w*|"
    r"flag\w*|cut-?off|page[sd]?|rollback|roll back)\b",
    re.IGNORECASE,
)
_LATENCY_WORDS = re.compile(
    r"\b(?:latency|p\d{2}|respond\w*|response|answers?|budget|slas?)\b", re.IGNORECASE
)
_REFERENCE = re.compile(
    r"\b(?:against|versus|vs\.?|than|compared\s+(?:with|to)|relative\s+to|over)\s*$",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:sav(?:es?|ed|ing)|cut(?:s|ting)?|reduc(?:es?|ed|ing)|increas(?:es?|ed|ing)|"
    r"decreas(?:es?|ed|ing)|lower(?:s|ed|ing)?|rais(?:es?|ed|ing)|lift(?:s|ed|ing)?|"
    r"improv(?:es?|ed|ing)|boost(?:s|ed|ing)?|grew|grows?|rose|rises?|fell|falls?|"
    r"dropp?(?:s|ed|ing)?|shrank|shrunk|halved|doubled|tripled|gained|up|down|by)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:in|within|over|for|after|during|across)\s+(?:(?:a|an|the|about|around|roughly)\s+)*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;:!?](?=\s|$)|\n")
_GLUED_UNIT = re.compile(r"[\d.,]\s*([A-Za-z]+)$")
_MAGNITUDES = frozenset("k m mm b bn hundred thousand million billion trillion".split())
_NEXT = re.compile(r"(?:\s+|-)([A-Za-z]+)")


def _next_word(text: str, end: int) -> str:
    match = _NEXT.match(text, end)
    return match.group(1).lower() if match else ""


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    for word in reversed(words):
        bare = word.lower().strip(",;:'\"")
        if bare not in ("about", "around", "roughly", "nearly", "almost", "only", "just"):
            return bare
    return ""


def _unit(figure: Figure, text: str) -> str:
    """The unit a figure is measured in: the word glued to it ('40 ms', '38ms') or, for a
    bare number ('6', 'two'), the word after it ('weeks' in '6 weeks', '13-week')."""
    glued = _GLUED_UNIT.search(figure.text)
    own = glued.group(1).lower() if glued else ""
    return own if own and own not in _MAGNITUDES else _next_word(text, figure.end)


def figure_role(text: str, figure: Figure) -> str:
    """The role of `figure` in `text` (see the module's docstring)."""
    begin, stop = clause_bounds(text, figure.start, figure.end)
    clause, lead = text[begin:stop], text[begin : figure.start]
    unit = _unit(figure, text)
    if _SIGNIFICANCE.search(lead):
        return "significance"
    if figure.kind == "money" or unit in _MONEY_WORDS:
        return "money"
    if unit in _LATENCY_UNITS or (unit in _SECONDS and _LATENCY_WORDS.search(clause)):
        return "latency"
    if _LIMIT.search(lead) and _TRIGGER.search(clause):
        return "threshold"
    if _changed(lead):
        return "effect"  # 'saves the team 20 hours a week', 'cut review time by 30%'
    if unit in _TIME_WORDS and figure.kind in ("count", "unit", "value"):
        return "duration"
    if figure.kind == "percent" and _word_before(text, figure.start) in _EXPOSED_BY:
        counted = re.match(r"\s+of\s+(?:the\s+|our\s+|all\s+)?([a-z]+)", text[figure.end :])
        if counted and counted.group(1) in _POPULATION:
            return "share"
    if figure.kind == "count":
        return "size"
    if _REFERENCE.search(lead):
        return "reference"
    if figure.kind in ("multiple", "range", "fraction") or has_comparison(
        _sentence(text, figure), []
    ):
        return "effect"
    return "value"


def _changed(lead: str) -> bool:
    """A verb of change comes before the figure in its clause, and no 'in' or 'within'
    that would make the figure when it changed ('within two weeks')."""
    return bool(_CHANGE.search(lead)) and not _WHEN.search(lead)


def _sentence(text: str, figure: Figure) -> str:
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, figure.start):
        begin = match.end()
    after = _SENTENCE_END.search(text, figure.end)
    return text[begin : after.start() if after else len(text)]


def fitting_figures(text: str, figures: list[Figure], about: str) -> list[Figure]:
    """The figures of `text` a question of category `about` asks about, the likeliest
    first; for a category with no roles (or none given), the values, rates and amounts
    before the counts."""
    wanted = WANTED.get(about)
    if wanted is None:
        first = [f for f in figures if f.kind in ("value", "percent", "money", "unit")]
        return first + [f for f in figures if f not in first]
    roles = [(figure_role(text, f), f) for f in figures]
    return [f for role in wanted for r, f in roles if r == role]
