"""Exporting stories in any registered format (formats.py), one file a story into a
folder or all of them to one stream, rendering one story at a time so a bank of any
size is never held in memory whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coach.core.errors import InputError
from coach.core.filenames import NamePicker
from coach.core.overview import (
    BusyStory,
    CommonCoverage,
    Overview,
    OverviewEntry,
    build_overview,
)
from coach.core.readiness import Readiness
from coach.core.sheets import Sheet
from coach.core.stories import story_to_dict
from coach.core.templates import TemplateSet
from coach.core.text import visible
from coach.services.export.files import (
    as_bytes,
    as_text,
    prepare_folder,
    refuse_existing,
    write_whole,
)
from coach.services.export.formats import either, format_for, sheet_formats
from coach.services.export.writers import Piece, StoryData
from coach.services.matching import Matcher, common_questions
from coach.services.sheets import category_labels, sheet_for, shown
from coach.services.workspace import Workspace
from coach.store.store import Store

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
    """One export: a format, the stories, and what they need to render. It is the
    `Source` its format's writer draws from."""

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
        self.format = format_for(fmt)
        if overview and not self.format.sheet:
            sheets = either([f.key for f in sheet_formats()])
            raise InputError(f"the overview is a sheet; export it with --format {sheets}")
        self.store = store
        self.workspace = workspace
        self.templates = workspace.templates
        self.fmt = fmt
        self.story_ids = list(story_ids)
        self.overview = overview
        self._readiness = readiness_for(store, self.templates) if overview else None
        self._writer = self.format.writer(workspace)
        self._labels = category_labels(workspace.question_sets) if self.format.sheet else {}
        self.on_story: Callable[[int], None] | None = None
        """Called with the count of stories rendered so far, for progress."""

    # -- what is rendered (the writer's Source) ---------------------------------------

    # The store is read while a template runs: a damaged database is said as one (a
    # StoreError, which the template's error reporting lets through), not as the template's.

    def sheet(self, story_id: int) -> Sheet:
        with self.store.guarded():
            return sheet_for(self.store, story_id, self.templates, self._labels)

    def story_data(self, story_id: int) -> StoryData:
        with self.store.guarded():
            return story_to_dict(self.store.story(story_id), self.templates)

    def title_of(self, story_id: int) -> str | None:
        with self.store.guarded():
            row = self.store.row(story_id)
        return visible(row.title) if row is not None else None

    def bank_overview(self) -> Overview:
        assert self._readiness is not None
        with self.store.guarded():
            return self._overview(self._readiness)

    def _overview(self, readiness: ReadinessOf) -> Overview:
        entries = []
        for start in range(0, len(self.story_ids), OVERVIEW_CHUNK):
            ids = self.story_ids[start : start + OVERVIEW_CHUNK]
            ready = readiness(ids)
            for story_id in ids:
                row = self.store.row(story_id)
                if row is not None:
                    entries.append(
                        OverviewEntry(
                            row.title, row.slug, row.template, row.competencies, ready[story_id]
                        )
                    )
        return shown(build_overview(entries, self._common() if entries else None))

    def _common(self) -> CommonCoverage | None:
        """Which common questions the overview's stories answer (the shipped set when the
        user's file is broken: `coach templates` says why); None without stories."""
        if not self.story_ids:
            return None
        matcher = Matcher(self.store, self.story_ids)  # archived ones too
        report = matcher.coverage(common_questions(self.workspace).questions)
        good, weak, none = (report.of(name) for name in ("good", "weak", "none"))
        return CommonCoverage(
            len(good),
            len(weak),
            len(none),
            tuple(r.question.text for r in none),
            tuple(BusyStory(story.title, n) for story, n in report.busiest),
        )

    def counted(self, ids: Iterable[int]) -> Iterator[int]:
        for done, story_id in enumerate(ids, 1):
            yield story_id
            if self.on_story is not None:
                self.on_story(done)

    # -- one stream -------------------------------------------------------------------

    def stream(self) -> Iterator[Piece]:
        """The whole export as one document, in pieces (`str`, or `bytes` for a binary
        format): sheets one after another (the overview first when asked for), or a
        list of story files (one story alone is written as a mapping, as its file is)."""
        return self._writer.document(self)

    def text(self) -> str:
        """The whole export as one string, for a text format (the sheet preview)."""
        return "".join(as_text(piece) for piece in self.stream())

    def write_stream(self, out: TextIO) -> None:
        """The whole export to `out` (stdout); a binary format's bytes go to its buffer."""
        try:
            if self.format.binary:
                out.flush()
                for piece in self.stream():
                    out.buffer.write(as_bytes(piece, binary=True))
                out.buffer.flush()
            else:
                for piece in self.stream():
                    out.write(as_text(piece))
                out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise InputError(f"cannot write the export ({exc.strerror or exc})") from None

    # -- one file a story -------------------------------------------------------------

    def targets(self, out_dir: Path) -> list[Target]:
        with self.store.guarded():
            return self._targets(out_dir)

    def _targets(self, out_dir: Path) -> list[Target]:
        picker = NamePicker(self.format.suffix)
        found = []
        if self.overview:
            found.append(Target(None, out_dir / picker.pick(OVERVIEW_NAME)))
        for story_id in self.story_ids:
            row = self.store.row(story_id)
            if row is not None:
                found.append(Target(story_id, out_dir / picker.pick(row.slug)))
        return found

    def render_one(self, target: Target) -> Piece:
        if target.story_id is None:
            return self._writer.overview(self)
        return self._writer.story(self, target.story_id)

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
            write_whole(target.path, [self.render_one(target)], binary=self.format.binary)
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
        write_whole(path, self.stream(), binary=self.format.binary)


OVERVIEW_CHUNK = 500
"""Stories whose readiness is worked out at once for the overview."""


def readiness_for(store: Store, templates: TemplateSet) -> ReadinessOf:
    """How ready each story is, for the overview: its checks, its last rated rehearsal's
    ratings and the follow-ups due (coach.services.progress, batched)."""
    from coach.core.clock import utc_now
    from coach.services.progress import story_progress
    from coach.store.progress import StoryBrief

    now = utc_now()

    def some(ids: Sequence[int]) -> dict[int, Readiness]:
        rows = [row for i in ids if (row := store.row(i)) is not None]
        briefs = [StoryBrief(r.id, r.slug, r.title, r.template) for r in rows]
        return {p.id: p.readiness for p in story_progress(store, templates, briefs, now)}

    return some
