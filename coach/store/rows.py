"""What the store hands back: a story's row, a field's revisions, the outcome of a save."""

from __future__ import annotations

from dataclasses import dataclass


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
class Revision:
    id: int
    text: str
    started_at: str
    saved_at: str
    session: str
    conflict: bool


@dataclass(frozen=True)
class Conflict:
    """Another window saved this field since we read it; both texts are in the history."""

    their_text: str
    their_rev: int


@dataclass(frozen=True)
class SaveResult:
    rev: int
    conflict: Conflict | None = None
