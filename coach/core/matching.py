"""Which story answers an interview question: the stories of a bank ranked for a question,
each with the reasons it was chosen.

A question and a story are read into keys: the concepts of `match_vocabulary` they name
(churn, fraud, conflict...) and their other words, stemmed. Where a story says a key counts:
its title, tags, competencies and the questions it says it answers weigh most, what its
goal or situation says less, the rest of its text least. A story's score is the share of the
question's keys it says, each at the weight of the best place it says it (rarer keys of the
bank weigh a little more), so 1.0 is a story that names all of them in its title or tags.
The index is built once for a bank and answers a question by touching only the stories that
say one of its keys.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coach.core import match_vocabulary as vocab
from coach.core.coverage import normalise

LABEL, DEFINING, BODY = 0, 1, 2
ZONE_WEIGHTS = (1.0, 0.7, 0.4)
"""How much a key counts where the story says it: its labels, its defining fields, the rest."""
LABEL_FIELDS = ("question",)
"""Fields a story names its own questions in (the STAR form's "Questions it answers")."""
DEFINING_FIELDS = ("goal", "situation", "task")
"""Fields that say what a story is about."""
FIELD_ZONE = 2
COMPETENCY_ZONE = 1
"""Where a competency counts the concept of its signal ('evaluation' -> metrics): broader
than the concept, so less than a tag naming it."""
"""Where a written form field (FIELD_CONCEPTS) counts its concept: with the story's text."""

CONCEPT_WEIGHT = 1.0
WORD_WEIGHT = 0.5
SIGNAL_WEIGHT = 0.5
IDF_WEIGHT = 0.5
"""A key found in no story weighs 1 + IDF_WEIGHT times as much as one found in every story."""

FIT = 0.35
"""The best story's score from which a story answers the question well (calibrated on the
paraphrases in tests/match_stories)."""
WEAK = 0.2
"""From this score a story is a weak match; below, no story answers the question."""
WHY_LIMIT = 5
OFF_TOPIC = 0.6
POOL = 8


@dataclass(frozen=True)
class StoryDoc:
    """What matching reads of a story."""

    id: int
    slug: str
    title: str
    tags: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)

    def zones(self) -> Iterable[tuple[int, str]]:
        """The story's texts with the zone each counts in."""
        yield LABEL, self.title
        for label in (*self.tags, *self.competencies):
            yield LABEL, label
        for key, text in self.fields.items():
            if key in LABEL_FIELDS:
                yield LABEL, text
            elif key in DEFINING_FIELDS:
                yield DEFINING, text
            else:
                yield BODY, text


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

    @property
    def empty(self) -> bool:
        return not self.weights


def _scan(text: str) -> list[tuple[str, str]]:
    """(key, word as written) for every key `text` says: concepts 'c:NAME', words 't:STEM'."""
    surface = vocab.tokens(text)
    stems = [vocab.stem(t) for t in surface]
    words = vocab.joined(stems)
    # the written word of each joined term: count how many stems each one took
    written: list[str] = []
    at = 0
    for word in words:
        width = word.count("_") + 1
        written.append(" ".join(surface[at : at + width]))
        at += width
    found: list[tuple[str, str]] = []
    for i, word in enumerate(words):
        for concept in vocab.STEM_CONCEPTS.get(word, ()):
            found.append(("c:" + concept, written[i]))
        for concept, phrase in vocab.PHRASE_STARTS.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append(("c:" + concept, " ".join(written[i : i + len(phrase)])))
        if word not in vocab.STOP_STEMS and len(word) > 2 and not word.isdigit():
            found.append(("t:" + word, written[i]))
    return found


def _fast_keys(text: str) -> set[str]:
    """The keys of `text` (as `_scan`, without the written words), for building an index."""
    words = vocab.joined([vocab.stem(t) for t in vocab.tokens(text)])
    found: set[str] = set()
    concepts, starts, stop = vocab.STEM_CONCEPTS, vocab.PHRASE_STARTS, vocab.STOP_STEMS
    for i, word in enumerate(words):
        if word in concepts:
            found.update("c:" + c for c in concepts[word])
        if word in starts:
            for concept, phrase in starts[word]:
                if tuple(words[i : i + len(phrase)]) == phrase:
                    found.add("c:" + concept)
        if word not in stop and len(word) > 2 and not word.isdigit():
            found.add("t:" + word)
    return found


def _competency_concept(competency: str) -> str | None:
    concept = vocab.SIGNAL_CONCEPTS.get(normalise(competency))
    return "c:" + concept if concept else None


def story_keys(doc: StoryDoc) -> dict[str, int]:
    """Every key a story says -> the best zone it says it in."""
    best: dict[str, int] = {}
    for zone, text in doc.zones():
        for key in _fast_keys(text):
            if best.get(key, BODY + 1) > zone:
                best[key] = zone
    for competency in doc.competencies:
        concept = _competency_concept(competency)
        if concept is not None and best.get(concept, BODY + 1) > COMPETENCY_ZONE:
            best[concept] = COMPETENCY_ZONE
    for name, concept in vocab.FIELD_CONCEPTS.items():
        if doc.fields.get(name, "").strip() and best.get("c:" + concept, BODY + 1) > FIELD_ZONE:
            best["c:" + concept] = FIELD_ZONE
    return best


def read_question(text: str, themes: Sequence[str] = (), signals: Sequence[str] = ()) -> Query:
    """A question's keys: the concepts it names and its given themes weigh CONCEPT_WEIGHT,
    its other words WORD_WEIGHT, the concepts of the signals it tests SIGNAL_WEIGHT."""
    weights: dict[str, float] = {}
    said: dict[str, str] = {}
    scanned = _scan(text)
    in_concept = {part for k, w in scanned if k.startswith("c:") for part in w.split()}
    for key, word in scanned:
        if key.startswith("t:") and word in in_concept:
            continue
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
    return Query(text, weights, said, tuple(signals), frozenset(topics))


@dataclass(frozen=True)
class Ranked:
    doc_id: int
    slug: str
    title: str
    score: float


class MatchIndex:
    """Every active story's keys, by key: built once, asked many questions. The stories
    come in id order (as `store.matching.story_docs` gives them)."""

    def __init__(self, docs: Iterable[StoryDoc]) -> None:
        self.ids: list[int] = []
        self.slugs: list[str] = []
        self.titles: list[str] = []
        self.postings: dict[str, tuple[list[int], list[int], list[int]]] = {}
        for index, doc in enumerate(docs):
            self.ids.append(doc.id)
            self.slugs.append(doc.slug)
            self.titles.append(doc.title)
            for key, zone in story_keys(doc).items():
                lists = self.postings.get(key)
                if lists is None:
                    lists = self.postings[key] = ([], [], [])
                lists[zone].append(index)

    def __len__(self) -> int:
        return len(self.ids)

    def _idf_factor(self, key: str) -> float:
        """1 for a key every story says, up to 1 + IDF_WEIGHT for one none says."""
        n = len(self.ids)
        lists = self.postings.get(key)
        df = sum(len(z) for z in lists) if lists else 0
        most = math.log(1 + (n + 0.5) / 0.5)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return 1 + IDF_WEIGHT * (idf / most if most > 0 else 1.0)

    def _on_topic(self, query: Query, index: int) -> bool:
        for key in query.topics:
            for members in self.postings.get(key, ()):
                at = bisect_left(members, index)
                if at < len(members) and members[at] == index:
                    return True
        return False

    def _best(self, query: Query, scores: list[float], limit: int) -> list[int]:
        """The `limit` best stories once those off the question's topics are scaled down:
        from a pool of the best by raw score, which holds the answer whenever it holds
        `limit` stories on topic (every story outside it scores less than they do)."""
        pool = heapq.nlargest(limit * POOL, range(len(scores)), key=scores.__getitem__)
        pool = [i for i in pool if scores[i] > 0]
        if query.topics:
            on_topic = [i for i in pool if self._on_topic(query, i)]
            if len(on_topic) < limit and len(pool) == limit * POOL:
                pool = [i for i, score in enumerate(scores) if score > 0]
            for i in pool:
                if not self._on_topic(query, i):
                    scores[i] *= OFF_TOPIC
        return sorted(pool, key=lambda i: (-scores[i], i))[:limit]

    def zones(self, query: Query, story_id: int) -> dict[str, int]:
        """Where the story says each of the question's keys (its best zone)."""
        index = bisect_left(self.ids, story_id)
        found: dict[str, int] = {}
        for key in query.weights:
            for zone, members in enumerate(self.postings.get(key, ())):
                at = bisect_left(members, index)
                if at < len(members) and members[at] == index:
                    found[key] = zone
                    break
        return found

    def rank(self, query: Query, limit: int) -> list[Ranked]:
        """The `limit` best stories for the question, best first (ties: the older story)."""
        if query.empty or not self.ids or limit <= 0:
            return []
        scores = [0.0] * len(self.ids)
        total = 0.0
        for key, weight in query.weights.items():
            weight *= self._idf_factor(key)
            total += weight
            for zone, members in enumerate(self.postings.get(key, ())):
                gain = weight * ZONE_WEIGHTS[zone]
                for i in members:
                    scores[i] += gain
        best = self._best(query, scores, limit)
        return [
            Ranked(self.ids[i], self.slugs[i], self.titles[i], round(scores[i] / total, 3))
            for i in best
        ]


def explain(query: Query, doc: StoryDoc, said: Mapping[str, int] | None = None) -> list[str]:
    """Why the story matched: the question's words it shares or says otherwise ('churn ~
    cancel'), the themes it tells of, then its competencies that the question tests.
    `said` (from `MatchIndex.zones`) is where the story says each key: then only the texts
    needed are read, until each key's word is found."""
    wanted = dict(said) if said is not None else None
    best: dict[str, tuple[int, str]] = {}
    for zone, text in doc.zones():
        if wanted is not None:
            if not wanted:
                break
            if zone not in wanted.values():
                continue
        for key, word in _scan(text):
            if key in query.weights and best.get(key, (BODY + 1, ""))[0] > zone:
                best[key] = (zone, word)
                if wanted is not None and wanted.get(key) == zone:
                    del wanted[key]
    for name, concept in vocab.FIELD_CONCEPTS.items():
        key = "c:" + concept
        if key in query.weights and key not in best and doc.fields.get(name, "").strip():
            best[key] = (FIELD_ZONE, "")
    ordered = sorted(best, key=lambda k: -query.weights[k] * ZONE_WEIGHTS[best[k][0]])
    why: list[str] = []
    competencies = [c for c in doc.competencies if _competency_concept(c) in query.weights]
    for key in ordered:
        zone, story_word = best[key]
        asked = query.said.get(key, "")
        if key.startswith("c:") and not asked:
            if story_word:
                why.append(f"{vocab.label(key[2:])}: {story_word.lower()}")
            else:
                why.append(f"{vocab.label(key[2:])}: its {_field_for(key[2:])}")
        elif vocab.stem(story_word.lower()) == vocab.stem(asked.lower()) or not story_word:
            why.append(asked.lower())
        else:
            why.append(f"{story_word.lower()} ~ {asked.lower()}")
    why = list(dict.fromkeys(why))[: WHY_LIMIT - min(len(competencies), 2)]
    return why + [f"competency: {c}" for c in competencies]


def _field_for(concept: str) -> str:
    name = next(k for k, c in vocab.FIELD_CONCEPTS.items() if c == concept)
    return name.replace("_", " ")
