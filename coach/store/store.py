"""Stories, their fields and every field's revisions, in one SQLite file: the Store, with
every write. The reads are in coach/store/reading.py, the rows it hands back in rows.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coach.core.clock import now_stamp
from coach.core.stories import Story, parse_dates, slugify
from coach.safefiles import create_temp, reason
from coach.store.errors import DamagedDatabase, SlugTaken, StoreError, damaged, is_damage, said
from coach.store.reading import RANK_LIMIT, StoryReader
from coach.store.rows import Conflict, Revision, SaveResult, StoryRow

__all__ = [
    "COALESCE_SECONDS",
    "RANK_LIMIT",
    "Conflict",
    "Revision",
    "SaveResult",
    "SlugTaken",
    "Store",
    "StoryRow",
    "backup_to",
]

COALESCE_SECONDS = 60
"""Saves by one window within this many seconds of a revision's start extend that revision."""

BUSY_TIMEOUT_MS = 10000
"""How long a write waits for another window's lock, unless told otherwise (patience())."""
"""Saves by one window within this many seconds of a revision's start extend that revision."""


class Store(StoryReader):
    """The story bank. One Store per thread: its connection belongs to the thread using it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path,
        session: str | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(conn, path)
        self.session = session or os.urandom(16).hex()
        self.read_only = read_only
        """Opened only to read (a reading command): every write is refused."""

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the lock at once so two windows never deadlock.
        A failure rolls it all back and is said as what happened (a full disk, a read-only
        folder, a damaged file: StoreError); a file known to be damaged is not written."""
        if self.conn.in_transaction:
            yield self.conn
            return
        if self.read_only:
            raise StoreError(f"{self.path}: opened only to read it; nothing was written")
        if self.damage is not None:
            raise DamagedDatabase(self.damage)
        with self.guarded():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Wait at most `seconds` (not the usual 10 s) for another window's write lock in
        this block: the app retries on a timer rather than freeze while it waits."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    # -- writing -----------------------------------------------------------------

    def _free_slug(self, wanted: str, *, exclude: int | None = None) -> str:
        base, n, slug = wanted, 1, wanted
        while True:
            hit = self.conn.execute("SELECT id FROM stories WHERE slug = ?", [slug]).fetchone()
            if hit is None or hit[0] == exclude:
                return slug
            n += 1
            slug = f"{base[:55].rstrip('-')}-{n}"

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

    def create_story(self, story: Story, *, keep_slug: bool = False, keep_id: bool = False) -> int:
        """Insert a story with its fields; a taken slug gets a number unless keep_slug.
        With keep_id, under `story.id` (a story deleted in another window, put back)."""
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
            if keep_id and story.id is not None:
                values["id"] = story.id
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
        self.keep_revision(story_id, key, text, stamp, coalesce=coalesce)
        return rev

    def keep_revision(
        self,
        story_id: int,
        key: str,
        text: str,
        stamp: str,
        *,
        coalesce: bool,
        conflict: bool = False,
    ) -> None:
        """Add a text to the history of `key` (a field, or a detail such as 'details.title'):
        typing saved by this window within COALESCE_SECONDS extends its last revision."""
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
                return
        self.conn.execute(
            "INSERT INTO revisions (story_id, key, text, started_at, saved_at, session, typing, "
            "conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [story_id, key, text, stamp, stamp, self.session, int(coalesce), int(conflict)],
        )

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
        backup_to(self.conn, target, source=self.path)

    def check_whole(self) -> None:
        """Check the whole file for damage (about 1 ms a megabyte); a damaged one is
        remembered and refused (DamagedDatabase), so that nothing is written into it."""
        with self.guarded():
            found = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        verdict = " ".join(str(found).split())
        if verdict != "ok":
            error = damaged(self.path, verdict)
            self.damage = str(error)
            raise error


def backup_to(conn: sqlite3.Connection, target: Path, *, source: Path) -> None:
    """A consistent copy of an open database at `target`, via SQLite's backup API.

    Written under a temporary name of its own (made new, never through a link), checked
    whole, then renamed: an unfinished or failed backup is never named like one. Says
    what went wrong as a StoreError (the disk full, the folder read-only, `source` damaged).
    """
    try:
        fd, tmp = create_temp(target.parent)
    except OSError as exc:
        raise StoreError(f"can't write to {target.parent}: {reason(exc)}") from None
    try:
        from urllib.parse import quote  # only for backups

        uri = f"file:{quote(str(tmp.absolute()))}?nofollow=1"
        dest = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            dest.execute("PRAGMA journal_mode = OFF")  # a copy no one reads before the rename
            conn.backup(dest)
            verdict = " ".join(str(dest.execute("PRAGMA quick_check(1)").fetchone()[0]).split())
        finally:
            dest.close()
        if verdict != "ok":
            raise damaged(source, verdict)
        os.fsync(fd)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise (damaged(source, str(exc)) if is_damage(exc) else said(exc, target)) from None
        if isinstance(exc, OSError):
            raise StoreError(f"{target}: the backup was not written ({reason(exc)})") from None
        raise
    finally:
        os.close(fd)
