"""How `coach match` reads a story and a question: a story into the keys it says and the
zone each is said in (its labels, what it is about, the rest), a question into weighted keys
(the concepts it names, its other words, and the everyday synonyms that may stand in for
them). `matching` ranks a bank's stories with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coach.core import match_vocabulary as vocab
from coach.core.coverage import normalise
from coach.core.match_themes import THEMES

LABEL, DEFINING, BODY = 0, 1, 2
ZONE_WEIGHTS = (1.0, 0.7, 0.4)
"""How much a key counts where the story says it: its labels, its defining fields, the rest."""
LABEL_FIELDS = ("question",)
"""Fields a story names its own questions in (the STAR form's "Questions it answers")."""
DEFINING_FIELDS = ("goal", "situation", "task", "plain_pitch", "role")
"""Fields that say what a story is about (the plain pitch says it in everyday words, as a
question about an unfamiliar field is asked; the role names the field itself)."""
PLAIN_FIELDS = ("plain_pitch", "role")
"""Defining fields where a weak term (`match_themes.WEAK_MARK`) names no concept, as in the
rest of a story's text: a pitch's passing 'complaints' is no story about text."""
FIELD_ZONE = 2
"""Where a written form field (FIELD_CONCEPTS) counts its concept: with the story's text."""
COMPETENCY_ZONE = 1
"""Where a competency counts the concept of its signal ('evaluation' -> metrics): broader
than the concept, so less than a tag naming it."""

CONCEPT_WEIGHT = 1.0
WORD_WEIGHT = 0.5
SIGNAL_WEIGHT = 0.35
WHY_LIMIT = 5
STAND_IN_WEIGHT = 0.7
"""What a word counts for, of the weight of the question's word it stands in for: an everyday
synonym (`match_synonyms`: 'quicker' for 'fast'), or, when no story says the question's
word, a word that begins the same ('private' for 'privacy', 'researchers' for 'research').
A story that says both counts the better one."""
STAND_INS = 3
"""At most this many stand-ins for one word of the question."""


@dataclass(frozen=True)
class StoryDoc:
    """What matching reads of a story."""

    id: int
    slug: str
    title: str
    tags: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)

    def zones(self) -> Iterable[tuple[int, str, bool]]:
        """The story's texts with the zone each counts in, and whether only its strong
        terms name concepts there."""
        yield LABEL, self.title, False
        for label in (*self.tags, *self.competencies):
            yield LABEL, label, False
        for key, text in self.fields.items():
            if key in LABEL_FIELDS:
                yield LABEL, text, False
            elif key in DEFINING_FIELDS:
                yield DEFINING, text, key in PLAIN_FIELDS
            else:
                yield BODY, text, True


@dataclass(frozen=True)
class Query:
    """A question read into weighted keys, with the words that said each."""

    text: str
    weights: dict[str, float]
    said: dict[str, str]
    """key -> the question's word for it ('' for a theme or signal it was given)."""
    signals: tuple[str, ...] = ()
    topics: frozenset[str] = frozenset()
    """The concepts the question is about (its themes, or those it names): a story that
    says none of them scores OFF_TOPIC of what it would."""
    behind: tuple[tuple[str, str, str], ...] = ()
    """(word key, word, concept key) for each word that named a field's concept: the word
    counts again where no story of the bank tells of its concept. None for a behavioural
    theme ('junior' in a bank with no mentoring story is no mentoring story: the question
    is a gap to write) nor for a common question: it is about its themes."""
    stand_ins: Mapping[str, str] = field(default_factory=dict)
    """Key of the bank -> the question's key it stands for (`MatchIndex.resolve`): it adds
    to a story's score but not to the question's total."""
    resolved: bool = False
    themed: bool = False
    """Its topics are the themes it was given (a common question's)."""

    @property
    def empty(self) -> bool:
        return not self.weights

    def root(self, key: str) -> str:
        """The question's own key a stand-in stands for, through stand-ins of stand-ins."""
        while key in self.stand_ins:
            key = self.stand_ins[key]
        return key

    @property
    def topic_share(self) -> float:
        """How much of the question its topics are: a topic named in passing among many
        words no concept knows (a question about an unfamiliar field) scales a story that
        does not tell of it down less. A common question is all about its themes."""
        if self.themed:
            return 1.0
        own = [w for k, w in self.weights.items() if k not in self.stand_ins]
        topic = sum(self.weights.get(k, 0.0) for k in self.topics)
        return min(1.0, topic / sum(own)) if own else 1.0


def competency_concept(competency: str) -> str | None:
    concept = vocab.SIGNAL_CONCEPTS.get(normalise(competency))
    return "c:" + concept if concept else None


def story_keys(doc: StoryDoc) -> dict[str, int]:
    """Every key a story says -> the best zone it says it in."""
    best: dict[str, int] = {}
    for zone, text, strong_only in doc.zones():
        for key in vocab.text_keys(text, strong_only=strong_only):
            if best.get(key, BODY + 1) > zone:
                best[key] = zone
    for competency in doc.competencies:
        concept = competency_concept(competency)
        if concept is not None and best.get(concept, BODY + 1) > COMPETENCY_ZONE:
            best[concept] = COMPETENCY_ZONE
    for name, concept in vocab.FIELD_CONCEPTS.items():
        if doc.fields.get(name, "").strip() and best.get("c:" + concept, BODY + 1) > FIELD_ZONE:
            best["c:" + concept] = FIELD_ZONE
    return best


def read_question(text: str, themes: Sequence[str] = (), signals: Sequence[str] = ()) -> Query:
    """A question's keys: the concepts it names and its given themes weigh CONCEPT_WEIGHT,
    its other words WORD_WEIGHT, the concepts of the signals it tests SIGNAL_WEIGHT. A word
    of an everyday synonym group (`match_synonyms`) brings the group, a stand-in for it at
    STAND_IN_WEIGHT of a word."""
    weights: dict[str, float] = {}
    said: dict[str, str] = {}
    scanned = vocab.scan(vocab.unframed(text))
    in_concept = {part for k, w in scanned if k.startswith("c:") for part in w.split()}
    in_phrase = {part for k, w in scanned if k.startswith("c:") and " " in w for part in w.split()}
    behind = [
        (key, word, concept)
        for key, word in scanned
        if key.startswith("t:") and word in in_concept
        for concept, said_by in scanned
        if concept.startswith("c:") and concept[2:] not in THEMES and word in said_by.split()
    ]
    for key, word in scanned:
        if key.startswith("s:") or (key.startswith("t:") and word in in_concept):
            continue
        if key.startswith("c:") and " " not in word and word in in_phrase:
            continue  # 'part of the picture' is no picture
        weight = WORD_WEIGHT
        if key.startswith("c:"):
            weight = SIGNAL_WEIGHT if key[2:] in vocab.BROAD else CONCEPT_WEIGHT
        if weights.get(key, 0.0) < weight:
            weights[key], said[key] = weight, word
    for theme in themes:
        key = "c:" + theme
        if weights.get(key, 0.0) < CONCEPT_WEIGHT:
            weights[key] = CONCEPT_WEIGHT
        said.setdefault(key, "")
    for signal in signals:
        concept = vocab.SIGNAL_CONCEPTS.get(signal)
        if concept is not None and weights.get("c:" + concept, 0.0) < SIGNAL_WEIGHT:
            weights["c:" + concept] = SIGNAL_WEIGHT
            said.setdefault("c:" + concept, "")
    named = {k for k in weights if k.startswith("c:")}
    topics = {"c:" + t for t in themes} or {k for k in named if k[2:] not in vocab.BROAD} or named
    kept = () if themes else tuple(b for b in behind if b[2] in weights)
    stand_ins: dict[str, str] = {}
    for key, word in scanned:
        if key.startswith("s:") and key not in weights:
            owners = [k for k, w in scanned if k in weights and word in (w, *w.split())]
            weights[key], said[key] = WORD_WEIGHT * STAND_IN_WEIGHT, word
            if owners:
                stand_ins[key] = owners[-1]
    return Query(
        text,
        weights,
        said,
        tuple(signals),
        frozenset(topics),
        kept,
        stand_ins,
        themed=bool(themes),
    )


PREFIX = 5
"""The letters a word and its stand-in begin with alike, at least."""
_KEPT_APART = frozenset(vocab.KEPT_APART.values())


def stands_in(key: str) -> bool:
    """A word of PREFIX letters or more, neither a compound ('learning to rank' is no
    'learning') nor one kept apart from its look-alikes ('embedded', 'product')."""
    return (
        key.startswith("t:")
        and len(key) >= 2 + PREFIX
        and "_" not in key
        and key[2:] not in _KEPT_APART
    )


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def alike(a: str, b: str) -> bool:
    """Two stems that differ only after PREFIX letters and in their last letter or two:
    'privaci' and 'privat', 'quickr' and 'quick', 'researchr' and 'research'."""
    return common_prefix(a, b) >= max(PREFIX, min(len(a), len(b)) - 1)
