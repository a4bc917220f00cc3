"""The story bank: import and samples, and the store's story types for the screens and
commands above (which never import the store themselves)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.core.errors import InputError
from coach.core.storyfiles import LoadedStory, read_story_files
from coach.core.templates import TemplateSet
from coach.paths import samples_dir
from coach.store import Conflict, SaveResult, Store, StoreError, StoryRow
from coach.store.store import RANK_LIMIT, Revision

__all__ = [
    "RANK_LIMIT",
    "Conflict",
    "ImportReport",
    "Revision",
    "SaveResult",
    "Store",
    "StoreError",
    "StoryRow",
    "import_loaded",
    "import_paths",
    "load_samples",
]


@dataclass(frozen=True)
class ImportReport:
    created: list[str]
    replaced: list[str]
    skipped: list[str]


def import_loaded(
    store: Store, loaded: Sequence[LoadedStory], *, existing: str = "error"
) -> ImportReport:
    """Add stories in one transaction. `existing` says what a taken slug gets:
    'error' (refuse the whole import), 'replace' (update that story) or 'skip'."""
    created: list[str] = []
    replaced: list[str] = []
    skipped: list[str] = []
    with store.write():
        for item in loaded:
            found = store.find(item.story.slug)
            if found is None:
                store.create_story(item.story, keep_slug=True)
                created.append(item.story.slug)
            elif existing == "replace":
                store.replace_story(found.id, item.story)
                replaced.append(item.story.slug)
            elif existing == "skip":
                skipped.append(item.story.slug)
            else:
                raise InputError(
                    f"story {item.story.slug!r} is already in the bank; use --replace to "
                    "update it, or give this one another slug",
                    file=item.file,
                    line=item.line,
                    field="slug",
                )
    return ImportReport(created, replaced, skipped)


def import_paths(
    store: Store, paths: Sequence[Path], templates: TemplateSet, *, existing: str = "error"
) -> ImportReport:
    return import_loaded(store, read_story_files(paths, templates), existing=existing)


def load_samples(store: Store, templates: TemplateSet) -> ImportReport:
    """The shipped sample stories, leaving any story of the same slug alone."""
    return import_paths(store, [samples_dir()], templates, existing="skip")
