"""Operations on the whole bank that join the core and the store: import, export, samples."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.core.errors import InputError
from coach.core.storyfiles import LoadedStory, read_story_files, render_story
from coach.core.templates import TemplateSet, load_templates
from coach.paths import samples_dir, shipped_templates_dir, user_templates_dir
from coach.store.store import Store


def templates_in_use() -> TemplateSet:
    """The shipped templates with the user's own laid over them."""
    return load_templates(shipped_templates_dir(), [user_templates_dir()])


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


def write_whole(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_files(
    store: Store,
    story_ids: Sequence[int],
    templates: TemplateSet,
    fmt: str,
    out_dir: Path,
    *,
    force: bool = False,
) -> Iterator[Path]:
    """Write one story file per story into `out_dir`, yielding each path when written.

    Refuses (before writing anything) when a target exists and `force` is not set.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc.strerror})", file=str(out_dir)) from None
    if not os.access(out_dir, os.W_OK):
        raise InputError("cannot write in this folder; choose another --out", file=str(out_dir))
    suffix = "yaml" if fmt == "yaml" else "json"
    targets: list[tuple[int, Path]] = []
    for story_id in story_ids:
        row = store.row(story_id)
        if row is None:
            continue
        targets.append((story_id, out_dir / f"{row.slug}.{suffix}"))
    if not force:
        for _, target in targets:
            if target.exists():
                raise InputError("exists already; add --force to overwrite it", file=str(target))
    for story_id, target in targets:
        try:
            write_whole(target, render_story(store.story(story_id), templates, fmt))
        except OSError as exc:
            raise InputError(f"cannot write ({exc.strerror})", file=str(target)) from None
        yield target
