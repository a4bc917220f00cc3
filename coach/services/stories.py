"""The story bank: import and samples, and the store's story types for the screens and
commands above (which never import the store themselves)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from coach.core.checks import completeness, lint_story
from coach.core.dismissals import Checked, Dismissal, apply_dismissals, can_dismiss, dismissal
from coach.core.errors import InputError
from coach.core.findings import Finding
from coach.core.storyfiles import LoadedStory, read_story_files
from coach.core.templates import TemplateSet
from coach.paths import samples_dir
from coach.store import Conflict, SaveResult, Store, StoreError, StoryRow
from coach.store import dismissals as dismissal_rows
from coach.store.store import RANK_LIMIT, Revision

__all__ = [
    "RANK_LIMIT",
    "Checked",
    "Conflict",
    "Dismissal",
    "ImportReport",
    "Revision",
    "SaveResult",
    "Store",
    "StoreError",
    "StoryRow",
    "checked",
    "checked_stories",
    "dismiss_findings",
    "dismissals_by_field",
    "import_loaded",
    "import_paths",
    "load_samples",
    "remove_samples",
    "sample_ids",
    "undo_dismissals",
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


SAMPLE_TAG = "sample"
"""The tag every sample story gets when loaded, so that they can be removed in one go."""


def load_samples(store: Store, templates: TemplateSet) -> ImportReport:
    """The shipped sample stories, tagged `sample`, leaving any story of the same slug alone."""
    loaded = read_story_files([samples_dir()], templates)
    for item in loaded:
        if SAMPLE_TAG not in item.story.tags:
            item.story.tags = [*item.story.tags, SAMPLE_TAG]
    return import_loaded(store, loaded, existing="skip")


def sample_ids(store: Store) -> list[int]:
    """The stories tagged `sample`, active or archived (a sample the user untagged is theirs)."""
    return [row.id for row in store.list_stories(tag=SAMPLE_TAG, archived=None)]


def remove_samples(store: Store) -> int:
    """Delete every story tagged `sample`, in one transaction; how many there were."""
    ids = sample_ids(store)
    with store.write():
        for story_id in ids:
            store.delete(story_id)
    return len(ids)


# -- the checks as the user sees them: with the findings they dismissed ------------------


class _Story(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def template(self) -> str: ...


def checked(store: Store, templates: TemplateSet, story_id: int) -> Checked:
    """One story's checks (as `coach show` and `coach lint` print them) without the findings
    the user dismissed on their field's current text. Its form must be installed."""
    row = store.row(story_id)
    if row is None:
        raise KeyError(story_id)
    return checked_stories(store, templates, [row], strict=True)[story_id]


def checked_stories(
    store: Store, templates: TemplateSet, stories: Sequence[_Story], *, strict: bool = False
) -> dict[int, Checked]:
    """The checks of many stories (a page of the bank, every story) by id, with their
    dismissals applied: two queries, whatever the count. A story whose form is not
    installed counts as unchecked, or, when `strict`, is an InputError."""
    ids = [s.id for s in stories]
    fields = store.fields_for(ids)
    waved = dismissal_rows.for_stories(store, ids)
    found: dict[int, Checked] = {}
    for story in stories:
        texts = fields[story.id]
        if strict:
            done = lint_story(templates.get(story.template), texts)
        else:
            done = completeness(templates, story.template, texts)
        found[story.id] = apply_dismissals(done, texts, waved[story.id])
    return found


def dismissals_by_field(store: Store, story_id: int) -> dict[str, list[Dismissal]]:
    """A story's dismissals, by field key (for its form)."""
    found: dict[str, list[Dismissal]] = {}
    for d in dismissal_rows.for_story(store, story_id):
        found.setdefault(d.key, []).append(d)
    return found


def dismiss_findings(
    store: Store, story_id: int, findings: Sequence[Finding], text: str
) -> list[Dismissal]:
    """Dismiss ("I mean it") these findings of one field while it says `text`; findings
    that cannot be dismissed (an empty required field) are left. Stored at once."""
    made = [dismissal(f, text) for f in findings if can_dismiss(f)]
    if made:
        dismissal_rows.dismiss(store, story_id, made)
    return made


def undo_dismissals(store: Store, story_id: int, key: str) -> int:
    """Bring back every finding dismissed on one field; how many there were."""
    return dismissal_rows.undo(store, story_id, key)
