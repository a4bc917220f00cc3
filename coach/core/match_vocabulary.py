"""The words `coach match` treats as saying the same thing: concepts of ML work (churn,
fraud, forecasting...), of a project's story (leakage, messy data, a simpler model...) and of
behavioural questions (conflict, failure, learning fast...).

A question and a story match on a concept when each says one of its terms, in any of them:
"predicted which customers would cancel" finds a story tagged churn. Terms are compared after
`stem`, so one form of a word stands for its others (cancel, cancelled, cancelling).
"""

from __future__ import annotations

import re
from functools import lru_cache

from coach.core.match_concepts import BROAD, CONCEPTS, WEAK_MARK, _terms
from coach.core.match_synonyms import SYNONYM_GROUPS

__all__ = ["BROAD", "CONCEPTS"]


SIGNAL_CONCEPTS: dict[str, str] = {
    "data handling": "data_quality",
    "model selection": "model_choice",
    "optimization": "tuning",
    "evaluation": "metric",
    "production": "deployment",
    "business impact": "impact",
    "communication": "explain",
    "collaboration": "collaboration",
    "leadership": "leadership",
    "ownership": "ownership",
    "failure": "failure",
    "feedback": "feedback",
    "learning": "learning",
}
"""The concept each rubric signal (`question_data.SIGNALS`) stands for."""

FIELD_CONCEPTS: dict[str, str] = {
    "impact": "impact",
    "challenges": "challenge",
    "findings": "insight",
    "alternatives": "model_choice",
    "offline_metrics": "metric",
    "online_metrics": "experiment",
    "production": "deployment",
    "tuning": "tuning",
    "leadership": "leadership",
    "plain_pitch": "explain",
}
"""A field of the project form that, once written, tells its story of that concept."""

STOPWORDS = frozenset(
    """
    a about above after again all also am an and any are as at be been before being both but
    by can could did do does doing done during each either else ever every example for from
    gave get give given go going got had has have having he her here hers him his how i if in
    into is it its just let like made make me might more most much must my myself no nor not
    now of off on once one only or other our ours out over own please really same say she
    should so some something such tell than that the their them then there these they thing
    things this those through time times to too told under until up us very walk was way we
    were what when where which while who whom why will with would you your yours yourself
    full back built build good best big use used new
    describe explain share talk recall situation experience project projects work worked
    working job role company kind sort ever particular specific instance occasion moment
    because well need needed people person someone anyone everyone reason around change
    changed first last next many per plan planned show shows showed moving move moved put
    handle handled group part down look looking looked took take taking happen happened
    able lot lots little knew know known whole keep kept stay across within without toward
    towards getting went came come
    yet using uses still even though although however already rather quite almost perhaps
    maybe often usually sometimes always never whether against among via okay ok get gets
    makes making want wanted wants try tried trying tries seem seemed seems stuff actually
    basically pretty enough yes notice noticed noticing right lot around onto upon besides
    help helped helping helps
    see sees saw seen
    """.split()
)
"""Words of how a question is asked, not of what it asks ('tell me about a time you...'),
the words of any story's telling ('people', 'changed', 'first', 'because') and function
and filler words ('yet', 'using', 'still'): shared, they say nothing of the story being
the one asked for.
'own' and 'explain' stay out of STOPWORDS' reach when a concept names them."""

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SUFFIXES = (
    ("izations", "ize"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ions", ""),
    ("ion", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("sses", "ss"),
    ("eed", "ee"),
    ("est", ""),
    ("ed", ""),
    ("ly", ""),
)
_RESTORES_E = ("ings", "ing", "ed")
"""Suffixes that may have taken a word's final e: 'rated' and 'pricing' are 'rate' and
'price' again, not 'rat' and 'pric'."""
_VOWELS = frozenset("aeiou")


KEPT_APART: dict[str, str] = {
    "better": "better",
    "billion": "billion",
    "billions": "billion",
    "million": "million",
    "millions": "million",
    "product": "product#",
    "products": "product#",
    "conversation": "conversat",
    "conversations": "conversat",
    "engine": "engine",
    "engines": "engine",
    "mapping": "mapping",
    "rating": "rating",
    "ratings": "rating",
    "directly": "directly",
    "direction": "direction",
    "object": "object",
    "objects": "object",
    "objected": "objection",
    "objection": "objection",
    "objections": "objection",
    "find": "find",
    "finds": "find",
    "faster": "faster",
    "fastest": "faster",
    "designer": "designer",
    "designers": "designer",
    "target": "target#",
    "targets": "target#",
    "judge": "judge#",
    "judged": "judge#",
    "judges": "judge#",
    "cluster": "cluster",
    "clusters": "cluster",
    "shifts": "shifts",
    "missed": "missed",
    "fair": "fair#",
    "comment": "comment",
    "comments": "comment",
    "judgments": "judgments",
    "judgements": "judgments",
    "miss": "missed",
    "listing": "listing",
    "listings": "listing",
    "embedded": "embedded",
}
"""Words the suffix rules would merge with an unrelated word, and the stem each keeps:
'better' is no 'bet', 'billions' no 'billing', a 'product' no 'production', a 'conversation'
no 'conversion', an 'engine' no 'engineer', an 'object' no 'objection', a 'target' no
'targeting', 'faster' no 'fast' (learning fast is no latency), night 'shifts' no shift of
the data, a 'missed' date no missing data, 'listings' for sale no list, 'embedded'
hardware no embeddings."""


_ASKING = re.compile(
    r"\b(?:decid\w*|choos\w*|chose|pick\w*|select\w*)\s+(?=(?:which|what|whether|how|who)\b)",
    re.IGNORECASE,
)


def unframed(question: str) -> str:
    """The question without a verb of choosing before what was chosen ('decide which
    metric', 'choose what to charge'): it asks for the choice, and says nothing of a
    judgement call or of choosing a model."""
    return _ASKING.sub("", question)


def tokens(text: str) -> list[str]:
    """The words of `text`, lower-cased; 'A/B' becomes one word, 'ab'."""
    lowered = text.lower().replace("a/b", "ab")
    return [t.replace("’", "'").split("'")[0] for t in _TOKEN.findall(lowered)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, the same for a word's usual forms: cancel, cancels, cancelled,
    cancelling and cancellation all give 'cancel'. Only ever compared with itself."""
    if word in KEPT_APART:
        return KEPT_APART[word]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            if suffix in _RESTORES_E and _short_syllable(word):
                word += "e"
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if word.endswith("y"):
        word = word[:-1] + "i"
    while len(word) > 5 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    if word.endswith("er") and len(word) >= 5:
        word = word[:-2] + "r"
    return word


def _short_syllable(word: str) -> bool:
    """A stem of one short syllable ending consonant-vowel-consonant ('rat', 'pric',
    'scal'): the e its suffix took is put back, so that it is no other word's stem."""
    return (
        3 <= len(word) <= 4
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and not any(c in _VOWELS for c in word[:-2])
    )


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


COMPOUNDS = _terms(
    "machine learning, deep learning, reinforcement learning, transfer learning, active "
    "learning, learning to rank, learning-to-rank, learning rate, learning rates, grid search, "
    "random search, decision threshold, decision tree, decision trees, test set, leave out, "
    "left out, very first, my own, our own, on my own, team member, team members, "
    "production line, assembly line, took charge, take charge, in charge, error rate, "
    "conversion rate, churn rate, learned ranking, learned model, learned models, learn from, "
    "learned from, learnt from, learning from"
)
"""Phrases that are one term, never their words: 'machine learning' says nothing of
learning fast, 'grid search' nothing of search ranking, labels to learn from nothing of
learning a tool."""


def _compounds() -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for term in COMPOUNDS:
        parts = tuple(stem(t) for t in tokens(term))
        found.setdefault(parts[0], []).append(parts)
    return {first: tuple(sorted(p, key=len, reverse=True)) for first, p in found.items()}


_COMPOUND_STARTS = _compounds()


def joined(words: list[str]) -> list[str]:
    """Stems with every compound made one term ('machine learning' -> 'machin_learn')."""
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        for parts in _COMPOUND_STARTS.get(word, ()):
            if tuple(words[i : i + len(parts)]) == parts:
                out.append("_".join(parts))
                i += len(parts)
                break
        else:
            out.append(word)
            i += 1
    return out


def _compile() -> tuple[
    dict[str, tuple[str, ...]],
    dict[str, tuple[tuple[str, ...], ...]],
    frozenset[tuple[str, tuple[str, ...]]],
]:
    single: dict[str, list[str]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    weak: set[tuple[str, tuple[str, ...]]] = set()
    strong: set[tuple[str, tuple[str, ...]]] = set()
    for key, (_, terms) in CONCEPTS.items():
        for term in terms:
            parts = tuple(joined(stems(term.lstrip(WEAK_MARK))))
            (weak if term.startswith(WEAK_MARK) else strong).add((key, parts))
            if len(parts) == 1:
                found = single.setdefault(parts[0], [])
                if key not in found:
                    found.append(key)
            elif parts:
                phrases.setdefault(key, []).append(parts)
    return (
        {s: tuple(keys) for s, keys in single.items()},
        {k: tuple(p) for k, p in phrases.items()},
        frozenset(weak - strong),
    )


STEM_CONCEPTS, PHRASES, WEAK = _compile()
"""Stem -> the concepts a single word names; concept -> its phrases, as stem tuples; the
(concept, term) pairs that name the concept only where a story says what it is about."""
PHRASE_STARTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
for _key, _phrases in PHRASES.items():
    for _phrase in _phrases:
        PHRASE_STARTS[_phrase[0]] = (*PHRASE_STARTS.get(_phrase[0], ()), (_key, _phrase))
"""A phrase's first stem -> (concept, phrase) pairs, to look for phrases only where they may be."""

STOP_STEMS = frozenset(stem(w) for w in STOPWORDS) - frozenset(STEM_CONCEPTS)
"""The stems of STOPWORDS that name no concept."""

SYNONYMS: dict[str, str] = {
    joined(stems(term))[0]: group for group, terms in SYNONYM_GROUPS.items() for term in terms
}
"""Stem (or compound) -> its group of everyday synonyms ('s:GROUP' keys)."""


def scan(text: str, strong_only: bool = False) -> list[tuple[str, str]]:
    """(key, word as written) for every key `text` says: concepts 'c:NAME', words 't:STEM'.
    With `strong_only`, a WEAK term names no concept (the body of a story: a churn story's
    retention discounts are no pricing story)."""
    surface = tokens(text)
    words = joined([stem(t) for t in surface])
    # the written word of each joined term: count how many stems each one took
    written: list[str] = []
    at = 0
    for word in words:
        width = word.count("_") + 1
        written.append(" ".join(surface[at : at + width]))
        at += width
    weak = WEAK if strong_only else frozenset()
    found: list[tuple[str, str]] = []
    for i, word in enumerate(words):
        for concept in STEM_CONCEPTS.get(word, ()):
            if (concept, (word,)) not in weak:
                found.append(("c:" + concept, written[i]))
        for concept, phrase in PHRASE_STARTS.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase and (concept, phrase) not in weak:
                found.append(("c:" + concept, " ".join(written[i : i + len(phrase)])))
        if word not in STOP_STEMS and len(word) > 2 and not word.isdigit():
            found.append(("t:" + word, written[i]))
        if word in SYNONYMS:
            found.append(("s:" + SYNONYMS[word], written[i]))
    return found


def text_keys(text: str, strong_only: bool = False) -> set[str]:
    """The keys of `text` (as `scan`, without the written words), for building an index."""
    words = joined([stem(t) for t in tokens(text)])
    found: set[str] = set()
    concepts, starts, stop = STEM_CONCEPTS, PHRASE_STARTS, STOP_STEMS
    weak = WEAK if strong_only else frozenset()
    for i, word in enumerate(words):
        if word in concepts:
            found.update("c:" + c for c in concepts[word] if (c, (word,)) not in weak)
        if word in starts:
            for concept, phrase in starts[word]:
                if tuple(words[i : i + len(phrase)]) == phrase and (concept, phrase) not in weak:
                    found.add("c:" + concept)
        if word not in stop and len(word) > 2 and not word.isdigit():
            found.add("t:" + word)
        if word in SYNONYMS:
            found.add("s:" + SYNONYMS[word])
    return found


def label(concept: str) -> str:
    return CONCEPTS[concept][0]
