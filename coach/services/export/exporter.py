"""Exporting stories: sheets (Markdown, HTML) and story files (YAML, JSON), one file a
story into a folder or all of them to one stream, rendering one story at a time so a
bank of any size is never held in memory whole."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from coach.core.errors import InputError
from coach.core.filenames import NamePicker
from coach.core.overview import Overview, OverviewEntry, build_overview
from coach.core.readiness import Readiness
from coach.core.sheets import Sheet
from coach.core.stories import story_to_dict
from coach.core.storyfiles import dump_yaml, render_story
from coach.core.templates import TemplateSet
from coach.render.sheets import SHEET_FORMATS, SheetWriter
from coach.services.sheets import category_labels, sheet_for
from coach.services.workspace import Workspace
from coach.store.store import Store

FORMATS = ("md", "html", "yaml", "json")
SUFFIXES = {
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
}
"""An --out ending in one of its format's suffixes is one file holding the whole export."""
OVERWRITE_HINT = "add --force to overwrite it, or choose another --out"
ReadinessOf = Callable[[Sequence[int]], dict[int, Readiness]]
"""Story ids -> how ready each is (for the overview)."""
OVERVIEW_NAME = "overview"


@dataclass(frozen=True)
class Target:
    story_id: int | None
    """None for the bank overview."""
    path: Path


class Exporter:
    """One export: a format, the stories, and what they need to render."""

    def __init__(
        self,
        workspace: Workspace,
        store: Store,
        fmt: str,
        story_ids: Sequence[int],
        *,
        overview: bool = False,
    ) -> None:
        """`store` is the calling thread's own connection to the workspace's database."""
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
        if overview and fmt not in SHEET_FORMATS:
            raise InputError("the overview is a sheet; export it with --format md or html")
        self.store = store
        self.templates = workspace.templates
        self.fmt = fmt
        self.story_ids = list(story_ids)
        self.overview = overview
        self._readiness = readiness_for(store, self.templates) if overview else None
        sheets = fmt in SHEET_FORMATS
        self._writer = SheetWriter(fmt, workspace.sheet_dirs) if sheets else None
        self._labels = category_labels(workspace.question_sets) if sheets else {}
        self.on_story: Callable[[int], None] | None = None
        """Called with the count of stories rendered so far, for progress."""

    # -- what is rendered -------------------------------------------------------------

    def sheet(self, story_id: int) -> Sheet:
        return sheet_for(self.store, story_id, self.templates, self._labels)

    def bank_overview(self) -> Overview:
        assert self._readiness is not None
        entries = []
        for start in range(0, len(self.story_ids), OVERVIEW_CHUNK):
            ids = self.story_ids[start : start + OVERVIEW_CHUNK]
            ready = self._readiness(ids)
            for story_id in ids:
                row = self.store.row(story_id)
                if row is not None:
                    entries.append(
                        OverviewEntry(
                            row.title, row.slug, row.template, row.competencies, ready[story_id]
                        )
                    )
        return build_overview(entries)

    def _counted(self, ids: Iterable[int]) -> Iterator[int]:
        for done, story_id in enumerate(ids, 1):
            yield story_id
            if self.on_story is not None:
                self.on_story(done)

    def _sheets(self, ids: Iterable[int]) -> Iterator[Sheet]:
        for story_id in self._counted(ids):
            yield self.sheet(story_id)

    def _data(self, story_id: int) -> dict[str, Any]:
        return story_to_dict(self.store.story(story_id), self.templates)

    # -- one stream -------------------------------------------------------------------

    def stream(self) -> Iterator[str]:
        """The whole export as one document, in pieces: sheets one after another (the
        overview first when asked for), or a YAML/JSON list of stories (one story alone
        is written as a mapping, as a story file is)."""
        if self._writer is not None:
            overview = self.bank_overview() if self.overview else None
            title = "Story bank overview" if overview else "Story sheets"
            if len(self.story_ids) == 1 and not overview:
                row = self.store.row(self.story_ids[0])
                title = row.title if row else title
            yield from self._writer.stream(self._sheets(self.story_ids), overview, title)
            return
        ids = self.story_ids
        if len(ids) == 1:
            yield render_story(self.store.story(ids[0]), self.templates, self.fmt)
            return
        if self.fmt == "yaml":
            if not ids:
                yield "[]\n"
            for story_id in self._counted(ids):
                yield dump_yaml([self._data(story_id)])
            return
        yield "["
        for i, story_id in enumerate(self._counted(ids)):
            text = json.dumps(self._data(story_id), ensure_ascii=False, indent=2)
            yield ("," if i else "") + "\n  " + text.replace("\n", "\n  ")
        yield "\n]\n" if ids else "]\n"

    def write_stream(self, out: TextIO) -> None:
        try:
            for piece in self.stream():
                out.write(piece)
            out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise InputError(f"cannot write the export ({exc.strerror or exc})") from None

    # -- one file a story -------------------------------------------------------------

    def targets(self, out_dir: Path) -> list[Target]:
        picker = NamePicker(self.fmt)
        found = []
        if self.overview:
            found.append(Target(None, out_dir / picker.pick(OVERVIEW_NAME)))
        for story_id in self.story_ids:
            row = self.store.row(story_id)
            if row is not None:
                found.append(Target(story_id, out_dir / picker.pick(row.slug)))
        return found

    def render_one(self, target: Target) -> str:
        if self._writer is None:
            assert target.story_id is not None
            return render_story(self.store.story(target.story_id), self.templates, self.fmt)
        if target.story_id is None:
            return self._writer.render([], self.bank_overview())
        return self._writer.render([self.sheet(target.story_id)])

    def write_files(
        self, out_dir: Path, *, force: bool = False, hint: str = OVERWRITE_HINT
    ) -> Iterator[Path]:
        """Write one file a story (and the overview) into `out_dir`, yielding each path
        once it is written whole. Refuses before writing anything when a file exists
        and `force` is not set."""
        prepare_folder(out_dir)
        targets = self.targets(out_dir)
        if not force:
            for target in targets:
                refuse_existing(target.path, hint)
        for target in targets:
            write_whole(target.path, [self.render_one(target)])
            yield target.path

    def write_document(
        self, path: Path, *, force: bool = False, hint: str = OVERWRITE_HINT
    ) -> None:
        """The whole export as one file (to print, or to import at once), streamed into
        a temporary file and renamed into place when complete."""
        prepare_folder(path.parent)
        if path.is_dir():
            raise InputError("is a folder; give the file's name", file=str(path))
        if not force:
            refuse_existing(path, hint)
        write_whole(path, self.stream())


def is_document(out: Path, fmt: str) -> bool:
    """Does --out name one file for the whole export (by its suffix) rather than a folder?
    A name ending in another format's suffix is refused rather than made a folder."""
    suffix = out.suffix.lower()
    if out.is_dir() or not suffix:
        return False
    if suffix in SUFFIXES[fmt]:
        return True
    other = next((f for f, known in SUFFIXES.items() if suffix in known), None)
    if other is not None:
        raise InputError(
            f"ends in {suffix} but the format is {fmt}; add --format {other}, "
            f"or name it ...{SUFFIXES[fmt][0]}",
            file=str(out),
        )
    return False


def refuse_existing(path: Path, hint: str) -> None:
    if path.exists():
        raise InputError(f"exists already; {hint}", file=str(path))


def prepare_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("is a file, not a folder; choose a folder for --out", file=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc.strerror})", file=str(out_dir)) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError("cannot write in this folder; choose another --out", file=str(out_dir))


_SYNC = getattr(os, "fdatasync", os.fsync)
"""fdatasync where there is one: the file's data, without a second flush of its times."""


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new temporary file next to `path`, made with mode 0666 so the umask applies as
    it does to any new file (mkstemp would make it 0600); if `path` exists, its own
    permissions are kept."""
    import secrets

    for _ in range(100):
        tmp = path.with_name(f".coach-{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        return fd, tmp
    raise FileExistsError(f"no free temporary name beside {path}")


def write_whole(path: Path, pieces: Iterable[str]) -> None:
    """Write a file whole or not at all: a temporary file beside it, synced, then renamed
    over the target. On any failure (a full disk, a broken template, a stop) the
    temporary file is removed and the target left as it was."""
    try:
        fd, tmp = _create_beside(path)
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror or exc})", file=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            _SYNC(handle.fileno())  # the data on disk before the rename makes it visible
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write ({exc.strerror or exc})", file=str(path)) from None
        raise


OVERVIEW_CHUNK = 500
"""Stories whose readiness is worked out at once for the overview."""


def readiness_for(store: Store, templates: TemplateSet) -> ReadinessOf:
    """How ready each story is, for the overview: its checks, its last rated rehearsal's
    ratings and the follow-ups due (coach.services.progress, batched)."""
    from coach.core.clock import utc_now
    from coach.services.progress import story_progress
    from coach.store.stats import StoryBrief

    now = utc_now()

    def some(ids: Sequence[int]) -> dict[int, Readiness]:
        rows = [row for i in ids if (row := store.row(i)) is not None]
        briefs = [StoryBrief(r.id, r.slug, r.title, r.template) for r in rows]
        return {p.id: p.readiness for p in story_progress(store, templates, briefs, now)}

    return some
