"""Which story answers an interview question, and which common questions have a good story,
a weak one or none: what `coach match` and `coach coverage` print, and what the progress
screen and the overview sheet can show.

A `Matcher` is cheap once a store's stories are indexed (`match_cache` keeps each bank's
index and patches it when stories change); ask it `match(...)` for a question or
`coverage(...)` for the common questions. It keeps the store
to read the few stories it explains: in a worker thread, give it that thread's store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coach.core.common_questions import CommonQuestion, CommonQuestions, LoadedQuestions
from coach.core.common_questions import load_common_questions as _load
from coach.core.match_explain import explain
from coach.core.match_query import Query, StoryDoc, read_question
from coach.core.matching import FIT, WEAK, MatchIndex
from coach.paths import shipped_templates_dir
from coach.services.match_cache import cached_index
from coach.services.workspace import Workspace
from coach.store import Store
from coach.store.matching import story_docs

__all__ = [
    "FIT",
    "WEAK",
    "CommonQuestion",
    "CommonQuestions",
    "CoverageReport",
    "CoverageRow",
    "MatchResult",
    "Matcher",
    "StoryMatch",
    "common_questions",
]

LEVELS = ("good", "weak", "none")
MANY = 3
"""A story that is the best match for at least this many common questions is named as such."""


def common_questions(workspace: Workspace) -> LoadedQuestions:
    """The shipped common questions, or the user's own file of that name when it reads well
    (a broken one is in `problems`: the app warns, the command line refuses)."""
    return _load(shipped_templates_dir(), [workspace.user_templates_dir])


def level(score: float) -> str:
    """good, weak or none, for the best story's score."""
    return "good" if score >= FIT else "weak" if score >= WEAK else "none"


@dataclass(frozen=True)
class StoryMatch:
    id: int
    slug: str
    title: str
    score: float
    """0 to 1: the share of the question's meaning the story says, weighted by where."""
    why: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "score": self.score,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class MatchResult:
    question: str
    question_id: str | None
    """The common question's id, when the question is one of them."""
    matches: tuple[StoryMatch, ...]
    fits: bool
    """The best story answers the question well (its score is at least FIT)."""

    @property
    def level(self) -> str:
        return level(self.matches[0].score) if self.matches else "none"

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "matches": [m.to_json() for m in self.matches],
            "fits": self.fits,
        }


@dataclass(frozen=True)
class CoverageRow:
    question: CommonQuestion
    level: str
    """good (a story answers it well), weak (only a weak match) or none."""
    best: StoryMatch | None
    """The best story, when it is at least a weak match."""


@dataclass(frozen=True)
class CoverageReport:
    rows: tuple[CoverageRow, ...]
    """Every common question, in the set's order."""
    busiest: tuple[tuple[StoryMatch, int], ...]
    """Stories that are the best match of MANY or more questions, with how many, most first."""

    def of(self, which: str) -> tuple[CoverageRow, ...]:
        return tuple(r for r in self.rows if r.level == which)

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": {name: len(self.of(name)) for name in LEVELS},
            "questions": [
                {
                    "id": r.question.id,
                    "text": r.question.text,
                    "kind": r.question.kind,
                    "level": r.level,
                    "best": r.best.to_json() if r.best else None,
                }
                for r in self.rows
            ],
            "busiest": [
                {"id": m.id, "slug": m.slug, "title": m.title, "questions": n}
                for m, n in self.busiest
            ],
        }


class Matcher:
    """The active stories of one store (or those of `story_ids`, archived or not),
    indexed for matching questions."""

    def __init__(self, store: Store, story_ids: Iterable[int] | None = None) -> None:
        self.store = store
        self._cached = cached_index(store, story_ids)
        self.index: MatchIndex = self._cached.index

    def __len__(self) -> int:
        return len(self.index)

    def match(
        self,
        question: str,
        *,
        limit: int = 3,
        common: CommonQuestion | None = None,
    ) -> MatchResult:
        """The `limit` stories that answer `question` best, with why; a common question
        brings its themes and signals."""
        themes = common.themes if common else ()
        signals = common.signals if common else ()
        query = read_question(question, themes, signals)
        with self._cached.lock:
            query = self.index.resolve(query)
            ranked = [r for r in self.index.rank(query, limit) if r.score > 0]
            said = {r.doc_id: self.index.zones(query, r.doc_id) for r in ranked}
        docs = {d.id: d for d in story_docs(self.store, [r.doc_id for r in ranked])}
        matches = tuple(
            StoryMatch(r.doc_id, r.slug, r.title, r.score, self._why(query, docs[r.doc_id], said))
            for r in ranked
            if r.doc_id in docs
        )
        fits = bool(matches) and matches[0].score >= FIT
        return MatchResult(question, common.id if common else None, matches, fits)

    def _why(self, query: Query, doc: StoryDoc, said: dict[int, dict[str, int]]) -> tuple[str, ...]:
        return tuple(explain(query, doc, said[doc.id]))

    def match_text(
        self, question: str, questions: CommonQuestions | None, *, limit: int = 3
    ) -> MatchResult:
        """`question` typed, or a common question's id (its text, themes and signals)."""
        common = questions.get(question.strip()) if questions else None
        if common is not None:
            return self.match(common.text, limit=limit, common=common)
        return self.match(question, limit=limit)

    def coverage(self, questions: CommonQuestions) -> CoverageReport:
        """Each common question's best story and how well it answers it."""
        rows: list[CoverageRow] = []
        for question in questions.questions:
            found = self.match(question.text, limit=1, common=question)
            best = found.matches[0] if found.matches else None
            which = found.level
            rows.append(CoverageRow(question, which, best if which != "none" else None))
        counts = Counter(r.best.id for r in rows if r.best is not None)
        stories = {r.best.id: r.best for r in rows if r.best is not None}
        busiest = tuple(
            (stories[story_id], n)
            for story_id, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if n >= MANY
        )
        return CoverageReport(tuple(rows), busiest)
