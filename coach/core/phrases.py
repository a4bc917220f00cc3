"""Words from a story that read as English inside an interviewer's question.

A field is quoted in two ways: its opening noun phrase in place of a placeholder ("You chose
gradient-boosted trees: ..."), or a short quotation around a word in it ('You said "waste
went down significantly": ...'). Either is refused (the question then falls back to its
unquoted wording) rather than pasting a fragment of a sentence.
"""

from __future__ import annotations

import re

from coach.core.figures import find_figures, headline_figure

PHRASE_WORDS = 6
"""The longest opening phrase put in place of a placeholder."""
QUOTE_WORDS = 8
"""The longest quotation."""
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
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been it its "
    "this that these those so if then than also very among into over under across through "
    "during within without per via while which who where when after before because since "
    "until".split()
)
_CLAUSE_BREAK = re.compile(
    r"[.;:!?](?=\s|$)|\n|,\s|\s(?:and|but|while|whereas|so)\s", re.IGNORECASE
)
_WORD = re.compile(r"\S+")
_PRONOUN_I = re.compile(r"^I(?:'|’|$)")


def _lower_first(words: list[str]) -> list[str]:
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
    return " ".join(_lower_first(words))


def title_phrase(text: str) -> str:
    """A story's title as written, when it is short enough to say in a question."""
    words = text.split()
    return " ".join(words) if 0 < len(words) <= TITLE_WORDS else ""


def quote_at(text: str, start: int, end: int, max_words: int = QUOTE_WORDS) -> str:
    """A short quotation of `text` around text[start:end], inside its clause.

    Up to three words after the span ('90 million rows') and as many before it as fit
    in `max_words`, with no small word ('a', 'of' ...) at either end.
    """
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = m.end()
    after = _CLAUSE_BREAK.search(text, end)
    clause_end = after.start() if after else len(text)
    before = _WORD.findall(text[clause_start:start])
    middle = text[start:end].split()
    following = _WORD.findall(text[end:clause_end])
    if not middle:
        return ""
    if following and not text[end : end + 1].isspace():
        middle[-1] += following.pop(0)  # the rest of a word the span ends inside
    tail: list[str] = []
    for n, word in enumerate(following[:3]):
        leads_on = n == 0 and word.lower() == "of"  # 'a lot of missing data'
        to_figure = n + 1 < len(following) and any(c.isdigit() for c in following[n + 1])
        if word.lower() in _STOP and not (leads_on or to_figure):
            break
        tail.append(word)
    while tail and tail[-1].lower() in _STOP:
        tail.pop()
    room = max(0, max_words - len(middle) - len(tail))
    before = before[max(0, len(before) - room) :]
    while before and before[0].lower().strip(",") in _STOP:
        before.pop(0)
    words = [*before, *middle, *tail][:max_words]
    words[-1] = words[-1].rstrip(",;:")
    return " ".join(_lower_first(words))


def vague_quote(text: str, vague: tuple[str, ...]) -> str:
    """A quotation around the first of `vague` (words a check found vague) used in `text`."""
    lowered = text.lower()
    found = [
        (m.start(), m.end())
        for word in vague
        if (m := re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", lowered))
    ]
    if not found:
        return ""
    start, end = min(found)
    return quote_at(text, start, end)


def figure_quote(text: str) -> str:
    """A quotation around the figure a listener would ask about first ('' when `text`
    gives none): a value or a rate before a count (see `coach.core.figures`)."""
    figure = headline_figure(find_figures(text))
    return quote_at(text, figure.start, figure.end) if figure is not None else ""
