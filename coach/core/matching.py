"""Which story answers an interview question: the stories of a bank ranked for a question,
each with the reasons it was chosen.

A question and a story are read into keys: the concepts of `match_vocabulary` they name
(churn, fraud, conflict...) and their other words, stemmed. Where a story says a key counts:
its title, tags, competencies and the questions it says it answers weigh most, what its
goal or situation says less, the rest of its text least. A story's score is the share of the
question's keys it says, each at the weight of the best place it says it (rarer keys of the
bank weigh a little more), so 1.0 is a story that names all of them in its title or tags.
A story that says the question's topic only in passing keeps part of its score
(TOPIC_FACTORS), the more of it the less of the question its topics are. Where the bank
has no story that says a word of the question, the bank's words that begin the same stand
in for it; everyday synonyms stand in for each other (`match_query`). The index is built
once for a bank, patched a story at a time as stories change, and answers a question by
touching only the stories that say one of its keys.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from coach.core import match_vocabulary as vocab
from coach.core.match_query import (
    BODY,
    DEFINING,
    LABEL,
    PREFIX,
    STAND_IN_WEIGHT,
    STAND_INS,
    WORD_WEIGHT,
    ZONE_WEIGHTS,
    alike,
    common_prefix,
    stands_in,
    story_keys,
)
from coach.core.match_query import Query as Query
from coach.core.match_query import StoryDoc as StoryDoc
from coach.core.match_query import read_question as read_question

IDF_WEIGHT = 0.5
"""A key found in no story weighs 1 + IDF_WEIGHT times as much as one found in every story."""

FIT = 0.35
"""The best story's score from which a story answers the question well (calibrated on the
paraphrases in tests/match_stories)."""
WEAK = 0.2
"""From this score a story is a weak match; below, no story answers the question."""
OFF_TOPIC = 0.6
TOPIC_FACTORS = (1.0, 0.85, 0.65, OFF_TOPIC)
"""The share of its score a story keeps when the best place it says one of the question's
topics is its labels, its defining fields, the rest of its text, or nowhere: a search
story's passing 'text match' does not make it an answer to a question about text."""
POOL = 8


def _top(scores: list[float], count: int) -> list[int]:
    """The stories of the `count` best positive scores, and every story tied with the last
    (so that ties go to the older story, whatever the slots' order)."""
    best = heapq.nlargest(count, range(len(scores)), key=scores.__getitem__)
    floor = scores[best[-1]] if best else 0.0
    if floor <= 0:
        return [i for i, score in enumerate(scores) if score > 0]
    return [i for i, score in enumerate(scores) if score >= floor]


@dataclass(frozen=True)
class Ranked:
    doc_id: int
    slug: str
    title: str
    score: float


class MatchIndex:
    """Every active story's keys, by key: built once, asked many questions, and kept up to
    date a story at a time (`add`, `remove`). A story's slot is its place in the index: a
    story added later takes a new slot, a removed one leaves its slot empty."""

    def __init__(self, docs: Iterable[StoryDoc]) -> None:
        self._ids: list[int] = []
        """Slot -> story id (-1 for a slot left empty)."""
        self._slugs: list[str] = []
        self._titles: list[str] = []
        self._labels: list[frozenset[str]] = []
        """Slot -> the specific concepts the story names in its labels (`focus`)."""
        self._slot: dict[int, int] = {}
        self.postings: dict[str, tuple[list[int], list[int], list[int]]] = {}
        """Key -> the slots of the stories that say it, by zone, in slot order."""
        self._starts: dict[str, set[str]] = {}
        """The first PREFIX letters of a word -> the word keys of the bank that begin so."""
        for doc in docs:
            self.add(doc)

    @property
    def ids(self) -> list[int]:
        """The stories indexed, in id order."""
        return sorted(self._slot)

    @property
    def titles(self) -> list[str]:
        """Their titles, in the order of `ids`."""
        return [self._titles[self._slot[i]] for i in self.ids]

    def add(self, doc: StoryDoc) -> None:
        """Index a story (in place of what it said before, if it was indexed)."""
        if doc.id in self._slot:
            self.remove([doc.id])
        slot = len(self._ids)
        self._slot[doc.id] = slot
        self._ids.append(doc.id)
        self._slugs.append(doc.slug)
        self._titles.append(doc.title)
        keys = story_keys(doc)
        self._labels.append(
            frozenset(
                k
                for k, z in keys.items()
                if z == LABEL and k.startswith("c:") and k[2:] not in vocab.BROAD
            )
        )
        for key, zone in keys.items():
            lists = self.postings.get(key)
            if lists is None:
                lists = self.postings[key] = ([], [], [])
                if stands_in(key):
                    self._starts.setdefault(key[2 : 2 + PREFIX], set()).add(key)
            lists[zone].append(slot)

    def remove(self, story_ids: Iterable[int]) -> None:
        """Forget these stories (those indexed): one pass over the keys, whatever the count."""
        slots = sorted(self._slot.pop(i) for i in set(story_ids) if i in self._slot)
        if not slots:
            return
        for slot in slots:
            self._ids[slot] = -1
        dead, first = set(slots), slots[0]
        for lists in self.postings.values():
            for members in lists:
                if not members or members[-1] < first:
                    continue
                if len(slots) == 1:
                    at = bisect_left(members, first)
                    if at < len(members) and members[at] == first:
                        del members[at]
                else:
                    members[:] = [m for m in members if m not in dead]
        if len(self._ids) > 2 * len(self._slot) + 64:
            self._compact()

    def _compact(self) -> None:
        """Close up the empty slots."""
        keep = [s for s, story_id in enumerate(self._ids) if story_id >= 0]
        moved = {old: new for new, old in enumerate(keep)}
        self._ids = [self._ids[s] for s in keep]
        self._slugs = [self._slugs[s] for s in keep]
        self._titles = [self._titles[s] for s in keep]
        self._labels = [self._labels[s] for s in keep]
        self._slot = {story_id: s for s, story_id in enumerate(self._ids)}
        for key, lists in list(self.postings.items()):
            if not any(lists):
                del self.postings[key]
                continue
            for members in lists:
                members[:] = [moved[m] for m in members]

    def __len__(self) -> int:
        return len(self._slot)

    def _idf_factor(self, key: str) -> float:
        """1 for a key every story says, up to 1 + IDF_WEIGHT for one none says."""
        n = len(self._slot)
        lists = self.postings.get(key)
        df = sum(len(z) for z in lists) if lists else 0
        most = math.log(1 + (n + 0.5) / 0.5)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return 1 + IDF_WEIGHT * (idf / most if most > 0 else 1.0)

    def _topic_factor(self, query: Query, index: int) -> float:
        """How much of its score a story keeps for where it says the question's topics:
        all of it in its labels or what it is about, less in passing, OFF_TOPIC if never.
        A BROAD topic (impact, a hard problem) counts wherever it is told. The same for
        any order of the topics."""
        best = BODY + 1
        for key in query.topics:
            broad = key[2:] in vocab.BROAD
            for zone, members in enumerate(self.postings.get(key, ())):
                if zone >= best and not broad:
                    break
                at = bisect_left(members, index)
                if at < len(members) and members[at] == index:
                    best = min(best, LABEL if broad else zone)
                    break
        return TOPIC_FACTORS[best]

    def _topic_zones(self, query: Query) -> dict[int, int]:
        """Every story that says one of the question's topics -> the best zone it says it in
        (a BROAD topic counts as a label); the same for any order of the topics."""
        said = sorted(
            ((LABEL if key[2:] in vocab.BROAD else zone), key, zone)
            for key in query.topics
            if key in self.postings
            for zone in (BODY, DEFINING, LABEL)
        )
        found: dict[int, int] = {}
        for counts, key, zone in reversed(said):  # the better zone written last
            found.update(dict.fromkeys(self.postings[key][zone], counts))
        return found

    def _best(self, query: Query, scores: list[float], total: float, limit: int) -> list[int]:
        """The `limit` best stories once those off the question's topics are scaled down:
        from a pool of the best by raw score, which holds the answer whenever `limit` of its
        stories keep at least the pool's lowest raw score (no story outside it can beat them)."""
        pool = _top(scores, limit * POOL)
        if query.topics:
            share = query.topic_share
            factors = self._factors(query, pool, share)
            floor = min((scores[i] for i in pool), default=0.0)
            sure = sum(scores[i] * f >= floor for i, f in factors.items())
            if sure < limit and len(pool) >= limit * POOL:
                every = self._factors(query, range(len(scores)), share)
                scores[:] = [score * every[i] for i, score in enumerate(scores)]
                pool = _top(scores, limit * POOL)
            else:
                for i in pool:
                    scores[i] *= factors[i]
        rounded = {i: round(scores[i] / total, 3) for i in pool}
        cut = min(heapq.nlargest(limit, rounded.values()), default=0.0)
        return sorted(
            (i for i in pool if rounded[i] >= cut),
            key=lambda i: (-rounded[i], -self._focus(query, i), self._ids[i]),
        )[:limit]

    def _factors(self, query: Query, slots: Iterable[int], share: float) -> dict[int, float]:
        """Each story's topic factor, softened by the topics' `share` of the question: read
        story by story, or (much quicker a story) from the topics' postings unless these are
        many times more than the stories."""
        slots = list(slots)
        said = sum(len(m) for k in query.topics for m in self.postings.get(k, ()))
        if len(slots) * 20 <= said:
            return {i: 1 - (1 - self._topic_factor(query, i)) * share for i in slots}
        zones = self._topic_zones(query)
        scale = [1 - (1 - f) * share for f in TOPIC_FACTORS]
        return {i: scale[zones.get(i, BODY + 1)] for i in slots}

    def _focus(self, query: Query, index: int) -> float:
        """The share of the specific concepts a story names in its labels that the question
        is about: between stories of the same score, the one about the question first (a
        pricing story before a disagreement story whose title names prices)."""
        labels = self._labels[index]
        return len(labels & query.topics) / len(labels) if labels else 0.0

    def zones(self, query: Query, story_id: int) -> dict[str, int]:
        """Where the story says each of the question's keys (its best zone)."""
        index = self._slot.get(story_id, -1)
        found: dict[str, int] = {}
        for key in query.weights:
            for zone, members in enumerate(self.postings.get(key, ())):
                at = bisect_left(members, index)
                if at < len(members) and members[at] == index:
                    found[key] = zone
                    break
        return found

    def _said(self, key: str) -> bool:
        return any(self.postings.get(key, ()))

    def resolve(self, query: Query) -> Query:
        """The question as this bank can answer it: the words of a concept no story tells of
        count as words, and a word no story says borrows the words of the bank that begin
        as it does (STAND_IN_WEIGHT of its weight)."""
        if query.resolved:
            return query
        weights, said = dict(query.weights), dict(query.said)
        stand_ins: dict[str, str] = {}
        for key, word, concept in query.behind:
            if key not in weights and not self._said(concept):
                weights[key], said[key] = WORD_WEIGHT, word
                stand_ins[key] = concept
        stand_ins.update(query.stand_ins)
        for key in [k for k in weights if stands_in(k) and not self._said(k)]:
            found = [
                k
                for k in self._starts.get(key[2 : 2 + PREFIX], ())
                if k not in weights and alike(key[2:], k[2:]) and self._said(k)
            ]
            for near in sorted(found, key=lambda k: (-common_prefix(key, k), k))[:STAND_INS]:
                weights[near] = min(weights[key], WORD_WEIGHT) * STAND_IN_WEIGHT
                said[near] = said[key]
                stand_ins[near] = key
        return replace(query, weights=weights, said=said, stand_ins=stand_ins, resolved=True)

    def rank(self, query: Query, limit: int) -> list[Ranked]:
        """The `limit` best stories for the question, best first (ties: the older story)."""
        if query.empty or not self._slot or limit <= 0:
            return []
        query = self.resolve(query)
        scores = [0.0] * len(self._ids)
        total = 0.0
        stood_for = {query.root(k) for k in query.stand_ins}
        gains: dict[str, dict[int, float]] = {}
        for key, weight in query.weights.items():
            if key in query.stand_ins:
                continue
            weight *= self._idf_factor(key)
            total += weight
            kept = gains.setdefault(key, {}) if key in stood_for else None
            for zone, members in enumerate(self.postings.get(key, ())):
                gain = weight * ZONE_WEIGHTS[zone]
                for i in members:
                    scores[i] += gain
                if kept is not None:
                    kept.update(dict.fromkeys(members, gain))
        for key in query.stand_ins:
            weight = query.weights[key] * self._idf_factor(key)
            counted = gains.setdefault(query.root(key), {})
            for zone, members in enumerate(self.postings.get(key, ())):
                gain = weight * ZONE_WEIGHTS[zone]
                for i in members:
                    had = counted.get(i, 0.0)
                    if gain > had:
                        scores[i] += gain - had
                        counted[i] = gain
        best = self._best(query, scores, total, limit)
        return [
            Ranked(self._ids[i], self._slugs[i], self._titles[i], round(scores[i] / total, 3))
            for i in best
        ]
