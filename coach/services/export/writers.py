"""How an export format turns stories into its pieces: one story's file, the overview's
file, or everything as one document. A writer draws from a `Source` (the Exporter),
which reads each story only when the writer reaches it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from coach.core.errors import InputError
from coach.core.storyfiles import dump_yaml
from coach.core.text import json_visible

if TYPE_CHECKING:
    from coach.core.overview import Overview
    from coach.core.sheets import Sheet
    from coach.render.sheets import SheetWriter
    from coach.services.workspace import Workspace

Piece = str | bytes
"""A piece of an export: text for a text format, bytes for a binary one."""
StoryData = dict[str, Any]
"""A story in its story-file form (coach.core.stories.story_to_dict)."""


class Source(Protocol):
    """What a writer draws from: the export's stories, each read when it is reached."""

    @property
    def story_ids(self) -> Sequence[int]: ...

    @property
    def overview(self) -> bool:
        """Was the bank overview asked for (sheet formats only)?"""
        ...

    def counted(self, ids: Iterable[int]) -> Iterator[int]:
        """`ids` as given, reporting progress after each one."""
        ...

    def title_of(self, story_id: int) -> str | None: ...

    def sheet(self, story_id: int) -> Sheet: ...

    def story_data(self, story_id: int) -> StoryData: ...

    def bank_overview(self) -> Overview: ...


class Writer(Protocol):
    """One export's renderer, made by its format's `writer` for the workspace in use.
    Every piece it gives is `str` for a text format and `bytes` for a binary one."""

    def story(self, source: Source, story_id: int) -> Piece:
        """One story's own file."""
        ...

    def overview(self, source: Source) -> Piece:
        """The bank overview's own file (sheet formats only)."""
        ...

    def document(self, source: Source) -> Iterator[Piece]:
        """The whole export as one document, in pieces, a story at a time."""
        ...


class SheetFiles:
    """Sheets drawn by one format's sheet templates (document.<template>.j2 and what it
    includes), the user's own before the shipped ones."""

    def __init__(self, template: str, workspace: Workspace) -> None:
        from coach.render.sheets import SheetWriter  # Jinja2 loads only when sheets are drawn

        self.sheets: SheetWriter = SheetWriter(template, workspace.sheet_dirs)

    def story(self, source: Source, story_id: int) -> str:
        return self.sheets.render([source.sheet(story_id)])

    def overview(self, source: Source) -> str:
        return self.sheets.render([], source.bank_overview())

    def document(self, source: Source) -> Iterator[str]:
        """The overview first when asked for, then the sheets one after another."""
        overview = source.bank_overview() if source.overview else None
        title = "Story bank overview" if overview else "Story sheets"
        ids = source.story_ids
        if len(ids) == 1 and not overview:
            found = source.title_of(ids[0])
            title = found if found is not None else title
        sheets = (source.sheet(story_id) for story_id in source.counted(ids))
        yield from self.sheets.stream(sheets, overview, title)


class StoryFiles:
    """Story files that re-import: one story as a mapping, several as a list."""

    def __init__(
        self,
        dump: Callable[[StoryData], str],
        dump_list: Callable[[Iterable[StoryData]], Iterator[str]],
    ) -> None:
        self.dump = dump
        self.dump_list = dump_list

    def story(self, source: Source, story_id: int) -> str:
        return self.dump(source.story_data(story_id))

    def overview(self, source: Source) -> str:
        raise InputError("the overview is a sheet; story files have none")

    def document(self, source: Source) -> Iterator[str]:
        """One story alone is written as a mapping, as its own story file is."""
        ids = source.story_ids
        if len(ids) == 1:
            yield self.dump(source.story_data(ids[0]))
            return
        yield from self.dump_list(source.story_data(i) for i in source.counted(ids))


def yaml_list(stories: Iterable[StoryData]) -> Iterator[str]:
    """A YAML list of stories, one item at a time."""
    empty = True
    for data in stories:
        empty = False
        yield dump_yaml([data])
    if empty:
        yield "[]\n"


def json_list(stories: Iterable[StoryData]) -> Iterator[str]:
    """A JSON array of stories, indented as `dump_json` does, one item at a time."""
    yield "["
    count = 0
    for count, data in enumerate(stories, 1):
        text = json_visible(json.dumps(data, ensure_ascii=False, indent=2))
        yield ("," if count > 1 else "") + "\n  " + text.replace("\n", "\n  ")
    yield "\n]\n" if count else "]\n"
