"""What `coach match` reads of the bank: the active stories with their fields, and (for
comparison) the stories FTS5's BM25 ranks for a question's words."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from coach.core.matching import StoryDoc
from coach.store.reading import StoryReader


def story_docs(store: StoryReader, ids: Iterable[int] | None = None) -> Iterator[StoryDoc]:
    """The active stories (or those of `ids`, archived or not) as matching reads them, in id
    order: two queries, whatever the count."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted is not None and not wanted:
        return
    if wanted is None:
        where, params = "WHERE s.archived = 0", []
    else:
        where, params = f"WHERE s.id IN ({','.join('?' * len(wanted))})", wanted
    fields: dict[int, dict[str, str]] = {}
    with store.guarded():
        rows = store.conn.execute(
            f"SELECT f.story_id, f.key, f.text FROM fields f JOIN stories s ON s.id = f.story_id "
            f"{where} AND f.text != '' ORDER BY f.story_id, f.id",
            params,
        )
        for story_id, key, text in rows:
            fields.setdefault(story_id, {})[key] = text
        stories = store.conn.execute(
            f"SELECT s.id, s.slug, s.title, s.tags, s.competencies FROM stories s {where} "
            "ORDER BY s.id",
            params,
        ).fetchall()
    for story_id, slug, title, tags, competencies in stories:
        yield StoryDoc(
            id=story_id,
            slug=slug,
            title=title,
            tags=tuple(json.loads(tags)),
            competencies=tuple(json.loads(competencies)),
            fields=fields.get(story_id, {}),
        )


def story_versions(store: StoryReader, ids: Iterable[int] | None = None) -> dict[int, str]:
    """Each active story's (or each of `ids`') id -> when it last changed: every write to a
    story or its fields, archiving included, gives it a new time (to the microsecond)."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted is None:
        sql, params = "SELECT id, updated_at FROM stories WHERE archived = 0", []
    else:
        sql = f"SELECT id, updated_at FROM stories WHERE id IN ({','.join('?' * len(wanted))})"
        params = wanted
    with store.guarded():
        return {int(r[0]): str(r[1]) for r in store.conn.execute(sql, params)}


def bm25_ranking(store: StoryReader, words: Sequence[str], limit: int) -> list[int]:
    """The active stories FTS5 ranks best for any of `words` (BM25 alone), best first."""
    terms = [w for w in dict.fromkeys(w.lower() for w in words) if w.isalnum()]
    if not terms:
        return []
    query = " OR ".join(f'"{t}"*' if len(t) > 1 else f'"{t}"' for t in terms)
    with store.guarded():
        rows = store.conn.execute(
            "SELECT s.id FROM story_search JOIN stories s ON s.id = story_search.rowid "
            "WHERE story_search MATCH ? AND s.archived = 0 ORDER BY bm25(story_search) LIMIT ?",
            [query, limit],
        ).fetchall()
    return [int(r[0]) for r in rows]
