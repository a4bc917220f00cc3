"""Why a story matched a question: the words it shares with the question or says otherwise
('churn ~ cancel'), the themes it tells of, then its competencies the question tests."""

from __future__ import annotations

from collections.abc import Mapping

from coach.core import match_vocabulary as vocab
from coach.core.match_query import (
    BODY,
    FIELD_ZONE,
    WHY_LIMIT,
    ZONE_WEIGHTS,
    Query,
    StoryDoc,
    competency_concept,
)


def explain(query: Query, doc: StoryDoc, said: Mapping[str, int] | None = None) -> list[str]:
    """Why the story matched: the question's words it shares or says otherwise ('churn ~
    cancel'), the themes it tells of, then its competencies that the question tests.
    `said` (from `MatchIndex.zones`) is where the story says each key: then only the texts
    needed are read, until each key's word is found."""
    wanted = dict(said) if said is not None else None
    best: dict[str, tuple[int, str]] = {}
    for zone, text, strong_only in doc.zones():
        if wanted is not None:
            if not wanted:
                break
            if zone not in wanted.values():
                continue
        for key, word in vocab.scan(text, strong_only=strong_only):
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
    competencies = [c for c in doc.competencies if competency_concept(c) in query.weights]
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
