"""Writing a story from its form: a field, the details, a story put back after another
window deleted it. Each write waits only a moment for another window's lock (WRITE_WAIT):
the app keeps what was typed and tries again on its timer, so it never freezes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from coach.core.clock import now_stamp
from coach.core.stories import Story
from coach.store import SaveResult, Store, StoreError, StoryRow
from coach.store.rows import Revision

WRITE_WAIT = 0.05
"""Seconds an app's write waits for another window's lock before it is retried later."""

DETAILS = ("title", "company", "role", "dates", "tags", "competencies")
"""The details of a story, each with a history of its own under 'details.KEY'."""


class StoryGone(StoreError):
    """The story was deleted (in another window) while it was being written."""


@contextmanager
def briefly(store: Store) -> Iterator[None]:
    """Writes in this block wait at most WRITE_WAIT for another window's lock."""
    with store.patience(WRITE_WAIT):
        yield


def _must_exist(store: Store, story_id: int) -> None:
    if store.row(story_id) is None:
        raise StoryGone(f"story {story_id} was deleted in another window")


def save_field(
    store: Store, story_id: int, key: str, text: str, rev: int, *, new_revision: bool = False
) -> SaveResult:
    """Save a field typed on top of revision `rev` (see Store.save_field); StoryGone if the
    story was deleted meanwhile, StoreError if the database is busy, full or read-only."""
    with briefly(store), store.write():
        _must_exist(store, story_id)
        return store.save_field(story_id, key, text, rev, new_revision=new_revision)


def detail_text(story: Story | StoryRow, key: str) -> str:
    """One detail as text: a list (tags, competencies) comma separated."""
    value = getattr(story, key)
    return ", ".join(value) if isinstance(value, list) else str(value)


@dataclass(frozen=True)
class DetailsSaved:
    changed: list[str]
    """The details written."""
    conflicts: list[str]
    """The details another window had changed too: ours is current, theirs in the history."""


def save_details(store: Store, story_id: int, base: Story, new: Story) -> DetailsSaved:
    """Save the details that differ between `base` (as loaded or last saved here) and `new`.

    Like a field: each detail keeps a history ('details.title'...), and a detail another
    window changed since `base` is not silently lost: ours becomes current, theirs stays
    in the history, and the result names it.
    """
    changed = [k for k in DETAILS if detail_text(new, k) != detail_text(base, k)]
    conflicts: list[str] = []
    if not changed:
        return DetailsSaved(changed, conflicts)
    with briefly(store), store.write():
        row = store.row(story_id)
        if row is None:
            raise StoryGone(f"story {story_id} was deleted in another window")
        stamp = now_stamp()
        for key in changed:
            theirs, ours = detail_text(row, key), detail_text(new, key)
            clash = theirs not in (detail_text(base, key), ours)
            if clash:
                conflicts.append(key)
            history = store.revisions(story_id, f"details.{key}")
            if not history or history[0].text != theirs:
                store.keep_revision(story_id, f"details.{key}", theirs, stamp, coalesce=False)
            store.keep_revision(
                story_id, f"details.{key}", ours, stamp, coalesce=not clash, conflict=clash
            )
        store.update_meta(story_id, dataclasses.replace(new, slug=""), only=changed)
    return DetailsSaved(changed, conflicts)


def detail_revisions(store: Store, story_id: int, key: str) -> list[Revision]:
    """The history of one detail, newest first."""
    return store.revisions(story_id, f"details.{key}")


def put_back(store: Store, story: Story, *, as_new: bool) -> int:
    """A story deleted in another window, written again from what its form holds: under its
    old id and slug, or `as_new` as a copy of its own. Its new id."""
    with briefly(store):
        if as_new or story.id is None or store.row(story.id) is not None:
            copy = dataclasses.replace(story, id=None, slug="", title=f"Copy of {story.title}")
            return store.create_story(copy)
        return store.create_story(story, keep_id=True)
