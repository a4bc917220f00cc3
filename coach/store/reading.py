"""Reading the story bank: listing, counting and searching stories, their fields and
revisions, and the labels in use. Store (coach/store/store.py) adds the writes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coach.core.stories import Story
from coach.store.errors import DamagedDatabase, said
from coach.store.rows import Revision, StoryRow
from coach.store.search import fts_query

RANK_LIMIT = 1000
"""Searches matching more stories than this are listed newest first, not ranked: ranking
scores every match. Callers count with cap=RANK_LIMIT, then pass ranked=count <= RANK_LIMIT."""

_ROW_COLUMNS = (
    "s.id, s.slug, s.title, s.template, s.company, s.role, s.dates, s.tags, "
    "s.competencies, s.archived, s.updated_at"
)


def _row(r: sqlite3.Row | tuple[Any, ...]) -> StoryRow:
    return StoryRow(
        id=r[0],
        slug=r[1],
        title=r[2],
        template=r[3],
        company=r[4],
        role=r[5],
        dates=r[6],
        tags=json.loads(r[7]),
        competencies=json.loads(r[8]),
        archived=bool(r[9]),
        updated_at=r[10],
    )


class StoryReader:
    """Every query of stories, fields and revisions, over one connection."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.damage: str | None = None
        """What was said when the file was found damaged: nothing more is written."""

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """SQLite's errors said as a StoreError, in one line (the file damaged, the disk
        full, the folder read-only); a damaged file is remembered, and no longer written."""
        try:
            yield
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
            if type(exc) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise  # a constraint or a misuse: the caller's to handle, not the file's
            error = said(exc, self.path)
            if isinstance(error, DamagedDatabase):
                self.damage = str(error)
            raise error from None

    def is_empty(self) -> bool:
        found = self.conn.execute("SELECT EXISTS (SELECT 1 FROM stories)").fetchone()
        return not found[0]

    def any_unfinished_mock(self) -> bool:
        """Whether any mock interview is left unfinished (or is being given in another
        window): one query, so that start-up imports the mock only when there is one."""
        found = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM mocks WHERE status = 'unfinished')"
        ).fetchone()
        return bool(found[0])

    def _where(
        self,
        search: str | None,
        tag: str | None,
        template: str | None,
        competency: str | None,
        archived: bool | None,
    ) -> tuple[str, str, list[Any]]:
        """(FROM clause, WHERE clause, parameters). When searching, the full-text index is
        the outer loop (CROSS JOIN fixes the order): one index lookup, not one per story."""
        source = "stories s"
        clauses: list[str] = []
        params: list[Any] = []
        query = fts_query(search) if search else None
        if query:
            source = "story_search CROSS JOIN stories s ON s.id = story_search.rowid"
            clauses.append("story_search MATCH ?")
            params.append(query)
        if archived is not None:
            clauses.append("s.archived = ?")
            params.append(int(archived))
        if tag:
            clauses.append(
                "s.id IN (SELECT story_id FROM labels WHERE kind = 'tags' AND value = ?)"
            )
            params.append(tag)
        if competency:
            clauses.append(
                "s.id IN (SELECT story_id FROM labels WHERE kind = 'competencies' AND value = ?)"
            )
            params.append(competency)
        if template:
            clauses.append("s.template = ?")
            params.append(template)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return source, where, params

    def list_stories(
        self,
        *,
        search: str | None = None,
        tag: str | None = None,
        template: str | None = None,
        competency: str | None = None,
        archived: bool | None = False,
        limit: int | None = None,
        offset: int = 0,
        ranked: bool = True,
    ) -> list[StoryRow]:
        """Stories matching every filter given: best match first when searching and `ranked`,
        else newest first. (Ranking scores every match: callers skip it for broad searches.)"""
        with self.guarded():
            return self._list(search, tag, template, competency, archived, limit, offset, ranked)

    def _list(
        self,
        search: str | None,
        tag: str | None,
        template: str | None,
        competency: str | None,
        archived: bool | None,
        limit: int | None,
        offset: int,
        ranked: bool,
    ) -> list[StoryRow]:
        source, where, params = self._where(search, tag, template, competency, archived)
        searching = source != "stories s"
        order = "s.updated_at DESC, s.id DESC"
        if searching:
            order = "story_search.rank, s.id DESC" if ranked else "story_search.rowid DESC"
        sql = f"SELECT {_ROW_COLUMNS} FROM {source}{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_row(r) for r in self.conn.execute(sql, params)]

    def count_stories(
        self,
        *,
        search: str | None = None,
        tag: str | None = None,
        template: str | None = None,
        competency: str | None = None,
        archived: bool | None = False,
        cap: int | None = None,
    ) -> int:
        """How many stories match; with `cap`, counting stops at cap + 1."""
        source, where, params = self._where(search, tag, template, competency, archived)
        sql = f"SELECT count(*) FROM {source}{where}"
        if cap is not None:
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {source}{where} LIMIT ?)"
            params.append(cap + 1)
        with self.guarded():
            return int(self.conn.execute(sql, params).fetchone()[0])

    def row(self, story_id: int) -> StoryRow | None:
        r = self.conn.execute(f"SELECT {_ROW_COLUMNS} FROM stories s WHERE id = ?", [story_id])
        found = r.fetchone()
        return _row(found) if found else None

    def find(self, ident: str) -> StoryRow | None:
        """A story by id (digits) or slug."""
        # ASCII digits only (an Arabic-Indic slug is a slug); SQLite's integers are 64-bit
        if ident.isascii() and ident.isdigit() and int(ident) < 2**63:
            found = self.row(int(ident))
            if found:
                return found
        r = self.conn.execute(f"SELECT {_ROW_COLUMNS} FROM stories s WHERE slug = ?", [ident])
        hit = r.fetchone()
        return _row(hit) if hit else None

    def fields(self, story_id: int) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT key, text FROM fields WHERE story_id = ? AND text != '' ORDER BY id",
            [story_id],
        )
        return {k: t for k, t in rows}

    def fields_for(self, story_ids: Iterable[int]) -> dict[int, dict[str, str]]:
        ids = list(story_ids)
        out: dict[int, dict[str, str]] = {i: {} for i in ids}
        if not ids:
            return out
        marks = ",".join("?" * len(ids))
        sql = f"SELECT story_id, key, text FROM fields WHERE story_id IN ({marks}) AND text != ''"
        for story_id, key, text in self.conn.execute(sql, ids):
            out[story_id][key] = text
        return out

    def story(self, story_id: int) -> Story:
        row = self.row(story_id)
        if row is None:
            raise KeyError(story_id)
        return Story(
            id=row.id,
            slug=row.slug,
            title=row.title,
            template=row.template,
            company=row.company,
            role=row.role,
            dates=row.dates,
            tags=row.tags,
            competencies=row.competencies,
            archived=row.archived,
            updated_at=row.updated_at,
            fields=self.fields(story_id),
        )

    def field_state(self, story_id: int, key: str) -> tuple[str, int]:
        """The field's current text and revision number (0 when never saved)."""
        r = self.conn.execute(
            "SELECT text, rev FROM fields WHERE story_id = ? AND key = ?", [story_id, key]
        ).fetchone()
        return (r[0], r[1]) if r else ("", 0)

    def revisions(self, story_id: int, key: str) -> list[Revision]:
        """Every saved version of a field, newest first."""
        rows = self.conn.execute(
            "SELECT id, text, started_at, saved_at, session, conflict FROM revisions "
            "WHERE story_id = ? AND key = ? ORDER BY id DESC",
            [story_id, key],
        )
        return [Revision(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def distinct(self, column: str) -> list[str]:
        """Every tag or competency in use, sorted."""
        if column not in ("tags", "competencies"):
            raise ValueError(column)
        sql = "SELECT DISTINCT value FROM labels WHERE kind = ? ORDER BY value"
        return [r[0] for r in self.conn.execute(sql, [column])]
