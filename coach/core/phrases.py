"""Words from a story that read as English inside an interviewer's question.

A field is quoted in two ways: its opening noun phrase in place of a placeholder ("You chose
gradient-boosted trees: ..."), or a short quotation around a word in it ('You said "waste
went down significantly": ...'). Either is refused (the question then falls back to its
unquoted wording) rather than pasting a fragment of a sentence.
"""

from __future__ import annotations

import re

from coach.core.figure_roles import fitting_figures
from coach.core.figures import Figure, find_figures
from coach.core.quotes import lower_first, quote_around

PHRASE_WORDS = 6
"""The longest opening phrase put in place of a placeholder."""
TITLE_WORDS = 10

_HARD_END = re.compile(r"[.;:!?](?=\s|$)|[()\[\]\n—–\"“”]|\s-\s")
_CLAUSE_END = re.compile(
    r",|\s(?:because|which|that|who|so|since|while|where|when|but|whereas|although|though|"
    r"then|and then|as|if|to|with|using|via|through|across|over|on|for|in|from|into|by|at|"
    r"after|before|against|per|under|within|trained|fitted|fit|predicting|running|built|"
    r"tuned|served|deployed|based)\s",
    re.IGNORECASE,
)
_SUBJECT_VERB = re.compile(
    r"^(?:i|we|my team|our team|the team|they)\s+(?:\w+ly\s+)?"
    r"(?:chose|picked|selected|used|went with|settled on|tried|tuned|trained|built|fitted|"
    r"fit|ran|deployed|adopted|compared|started with|opted for|relied on|employed|"
    r"implemented|searched|swept|optimi[sz]ed|varied|adjusted|set)\s+",
    re.IGNORECASE,
)
_LEAD_VERB = re.compile(
    r"^(?:chose|picked|selected|used|went with|settled on|tried|tuned|trained|built|fitted|"
    r"ran|deployed|adopted|compared|implemented|searched|optimi[sz]ed|varied)\s+",
    re.IGNORECASE,
)
_NOT_A_NOUN_PHRASE = frozenset(
    "i we they he she it is was were are be been has had have did does do will would could "
    "can should might must not no never".split()
)
_BAD_START = frozenset(
    "and or but because so if when then also to with by as of just only mostly".split()
)


def noun_phrase(text: str, max_words: int = PHRASE_WORDS) -> str:
    """The opening noun phrase of a field, to drop into a question ('' when there is none).

    Strips a leading 'I chose' or 'We tuned', stops at a comma, a clause or a preposition,
    and refuses a clause ('The model is exported') or a phrase too long to say in passing.
    """
    head = _HARD_END.split(" ".join(text.split()), maxsplit=1)[0].strip()
    head = _SUBJECT_VERB.sub("", head, count=1)
    head = _LEAD_VERB.sub("", head, count=1)
    head = _CLAUSE_END.split(f"{head} ", maxsplit=1)[0].strip()
    words = head.split()
    if not words or len(words) > max_words:
        return ""
    lowered = [w.lower() for w in words]
    if lowered[0] in _BAD_START or lowered[0].endswith("ly"):
        return ""
    if any(w in _NOT_A_NOUN_PHRASE for w in lowered) and words != ["I"]:
        return ""
    return " ".join(lower_first(words))


def title_phrase(text: str) -> str:
    """A story's title as written, when it is short enough to say in a question."""
    words = text.split()
    return " ".join(words) if 0 < len(words) <= TITLE_WORDS else ""


def vague_quote(text: str, vague: tuple[str, ...]) -> str:
    """A quotation around the first of `vague` (words a check found vague) used in `text`,
    as a whole phrase ('' when there is none to cut)."""
    lowered = text.lower()
    found = [
        (m.start(), m.end())
        for word in vague
        if (m := re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", lowered))
    ]
    if not found:
        return ""
    start, end = min(found)
    return quote_around(text, start, end, _figure_ends(find_figures(text)))


def figure_quote(text: str, about: str = "") -> str:
    """A quotation around the figure a question of category `about` asks about: the effect
    for an impact question, the threshold for a retraining one (see
    `coach.core.figure_roles`). '' when the text gives no such figure or no whole phrase
    around it: the question then falls back to its unquoted wording."""
    figures = find_figures(text)
    ends = _figure_ends(figures)
    for figure in fitting_figures(text, figures, about):
        if quoted := quote_around(text, figure.start, figure.end, ends):
            return quoted
    return ""


def _figure_ends(figures: list[Figure]) -> dict[int, str]:
    return {f.end: f.kind for f in figures}
