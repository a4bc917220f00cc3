"""Stories, their fields and every field's revisions, in one SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.core.clock import now_stamp
from coach.core.stories import Story, parse_dates, slugify
from coach.store.errors import StoreError
from coach.store.search import fts_query

RANK_LIMIT = 1000
"""Searches matching more stories than this are listed newest first, not ranked: ranking
scores every match. Callers count with cap=RANK_LIMIT, then pass ranked=count <= RANK_LIMIT."""

COALESCE_SECONDS = 60
"""Saves by one window within this many seconds of a revision's start extend that revision."""


@dataclass(frozen=True)
class StoryRow:
    """A story's metadata as the bank lists it (no field texts)."""

    id: int
    slug: str
    title: str
    template: str
    company: str
    role: str
    dates: str
    tags: list[str]
    competencies: list[str]
    archived: bool
    updated_at: str


@dataclass(frozen=True)
class Conflict:
    """Another window saved this field since we read it; both texts are in the history."""

    their_text: str
    their_rev: int


@dataclass(frozen=True)
class SaveResult:
    rev: int
    conflict: Conflict | None = None


@dataclass(frozen=True)
class Revision:
    id: int
    text: str
    started_at: str
    saved_at: str
    session: str
    conflict: bool


class SlugTaken(Exception):
    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


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


class Store:
    """The story bank. One Store per thread: its connection belongs to the thread using it."""

    def __init__(self, conn: sqlite3.Connection, *, path: Path, session: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.session = session or os.urandom(16).hex()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the lock at once so two windows never deadlock."""
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: could not write just now ({exc}); try again") from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading -----------------------------------------------------------------

    def is_empty(self) -> bool:
        found = self.conn.execute("SELECT EXISTS (SELECT 1 FROM stories)").fetchone()
        return not found[0]

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
        return int(self.conn.execute(sql, params).fetchone()[0])

    def row(self, story_id: int) -> StoryRow | None:
        r = self.conn.execute(f"SELECT {_ROW_COLUMNS} FROM stories s WHERE id = ?", [story_id])
        found = r.fetchone()
        return _row(found) if found else None

    def find(self, ident: str) -> StoryRow | None:
        """A story by id (digits) or slug."""
        if ident.isdigit():
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

    # -- writing -----------------------------------------------------------------

    def _free_slug(self, wanted: str, *, exclude: int | None = None) -> str:
        base, n, slug = wanted, 1, wanted
        while True:
            hit = self.conn.execute("SELECT id FROM stories WHERE slug = ?", [slug]).fetchone()
            if hit is None or hit[0] == exclude:
                return slug
            n += 1
            slug = f"{base[:55]}-{n}"

    def _relabel(self, story_id: int, story: Story) -> None:
        """Keep the labels table (tags and competencies, indexed for filters) in step."""
        self.conn.execute("DELETE FROM labels WHERE story_id = ?", [story_id])
        self.conn.executemany(
            "INSERT OR IGNORE INTO labels (kind, value, story_id) VALUES (?, ?, ?)",
            [("tags", v, story_id) for v in story.tags]
            + [("competencies", v, story_id) for v in story.competencies],
        )

    def _reindex(self, story_id: int) -> None:
        row = self.row(story_id)
        if row is None:
            return
        head = " ".join([row.title, row.company, row.role, *row.tags, *row.competencies])
        body = "\n".join(self.fields(story_id).values())
        self.conn.execute("DELETE FROM story_search WHERE rowid = ?", [story_id])
        self.conn.execute(
            "INSERT INTO story_search (rowid, title, body) VALUES (?, ?, ?)", [story_id, head, body]
        )

    def _meta_values(self, story: Story) -> dict[str, Any]:
        start, end = parse_dates(story.dates) if story.dates else (None, None)
        return {
            "title": story.title,
            "template": story.template,
            "company": story.company,
            "role": story.role,
            "dates": story.dates,
            "date_start": start,
            "date_end": end,
            "tags": json.dumps(story.tags, ensure_ascii=False),
            "competencies": json.dumps(story.competencies, ensure_ascii=False),
            "archived": int(story.archived),
        }

    def create_story(self, story: Story, *, keep_slug: bool = False) -> int:
        """Insert a story with its fields; a taken slug gets a number unless keep_slug."""
        with self.write() as conn:
            wanted = story.slug or slugify(story.title)
            slug = wanted if keep_slug else self._free_slug(wanted)
            if keep_slug and self.find(slug) is not None:
                raise SlugTaken(slug)
            stamp = now_stamp()
            values = self._meta_values(story) | {
                "slug": slug,
                "created_at": stamp,
                "updated_at": stamp,
            }
            cols = ", ".join(values)
            marks = ", ".join("?" * len(values))
            cur = conn.execute(
                f"INSERT INTO stories ({cols}) VALUES ({marks})", list(values.values())
            )
            story_id = int(cur.lastrowid or 0)
            self._relabel(story_id, story)
            for key, text in story.fields.items():
                if text.strip():
                    self._write_field(story_id, key, text, stamp, coalesce=False)
            self._reindex(story_id)
        return story_id

    def replace_story(self, story_id: int, story: Story) -> None:
        """Overwrite a story's metadata and fields; old texts stay in the revisions."""
        with self.write():
            self.update_meta(story_id, story)
            current = self.fields(story_id)
            stamp = now_stamp()
            for key in set(current) | set(story.fields):
                text = story.fields.get(key, "")
                if current.get(key, "") != text:
                    self._write_field(story_id, key, text, stamp, coalesce=False)
            self._reindex(story_id)

    def update_meta(self, story_id: int, story: Story, only: Iterable[str] | None = None) -> str:
        """Save title, company, role, dates, tags, competencies, template; returns the slug.

        With `only`, just those details are written, so that another window's change to
        another detail of the same story is kept.
        """
        with self.write() as conn:
            values = self._meta_values(story)
            if only is not None:
                keep = set(only) | ({"date_start", "date_end"} if "dates" in only else set())
                values = {k: v for k, v in values.items() if k in keep}
            values["updated_at"] = now_stamp()
            if story.slug:
                values["slug"] = self._free_slug(story.slug, exclude=story_id)
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE stories SET {sets} WHERE id = ?", [*values.values(), story_id])
            saved = self.row(story_id)
            if saved is not None:
                merged = Story(
                    title=saved.title,
                    template=saved.template,
                    tags=saved.tags,
                    competencies=saved.competencies,
                )
                self._relabel(story_id, merged)
            self._reindex(story_id)
        row = self.row(story_id)
        return row.slug if row else ""

    def _write_field(
        self, story_id: int, key: str, text: str, stamp: str, *, coalesce: bool
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO fields (story_id, key, text, rev, updated_at) VALUES (?, ?, ?, 1, ?) "
            "ON CONFLICT (story_id, key) DO UPDATE SET text = excluded.text, rev = rev + 1, "
            "updated_at = excluded.updated_at RETURNING rev",
            [story_id, key, text, stamp],
        )
        rev = int(cur.fetchone()[0])
        last = self.conn.execute(
            "SELECT id, session, started_at, conflict, typing FROM revisions "
            "WHERE story_id = ? AND key = ? ORDER BY id DESC LIMIT 1",
            [story_id, key],
        ).fetchone()
        if coalesce and last and last[1] == self.session and not last[3] and last[4]:
            started = dt.datetime.fromisoformat(last[2])
            if (dt.datetime.fromisoformat(stamp) - started).total_seconds() < COALESCE_SECONDS:
                self.conn.execute(
                    "UPDATE revisions SET text = ?, saved_at = ? WHERE id = ?",
                    [text, stamp, last[0]],
                )
                return rev
        self.conn.execute(
            "INSERT INTO revisions (story_id, key, text, started_at, saved_at, session, typing) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [story_id, key, text, stamp, stamp, self.session, int(coalesce)],
        )
        return rev

    def save_field(
        self, story_id: int, key: str, text: str, base_rev: int, *, new_revision: bool = False
    ) -> SaveResult:
        """Save one field's text typed on top of revision `base_rev`.

        If another window saved a different text since then, ours still becomes current,
        theirs stays in the history, and the result says so: nothing is silently lost.
        """
        with self.write() as conn:
            current, rev = self.field_state(story_id, key)
            if rev == base_rev and current == text:
                return SaveResult(rev)
            conflict = None
            if rev != base_rev and current != text:
                conflict = Conflict(their_text=current, their_rev=rev)
            stamp = now_stamp()
            coalesce = conflict is None and not new_revision
            new_rev = self._write_field(story_id, key, text, stamp, coalesce=coalesce)
            if conflict is not None:
                conn.execute(
                    "UPDATE revisions SET conflict = 1 WHERE id = (SELECT max(id) FROM revisions "
                    "WHERE story_id = ? AND key = ?)",
                    [story_id, key],
                )
            conn.execute("UPDATE stories SET updated_at = ? WHERE id = ?", [stamp, story_id])
            self._reindex(story_id)
        return SaveResult(new_rev, conflict)

    def set_archived(self, story_id: int, archived: bool) -> None:
        with self.write() as conn:
            conn.execute(
                "UPDATE stories SET archived = ?, updated_at = ? WHERE id = ?",
                [int(archived), now_stamp(), story_id],
            )

    def duplicate(self, story_id: int) -> int:
        story = self.story(story_id)
        story.title = f"Copy of {story.title}"
        story.slug = ""
        story.archived = False
        return self.create_story(story)

    def delete(self, story_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM story_search WHERE rowid = ?", [story_id])
            conn.execute("DELETE FROM stories WHERE id = ?", [story_id])

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database, even while other windows write."""
        backup_to(self.conn, target)


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database at `target`, via SQLite's backup API."""
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
