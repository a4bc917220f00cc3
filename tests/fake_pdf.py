"""A throwaway bytes export format, quick and predictable where the real PDF (WeasyPrint)
is slow and opaque: registering it must need one entry and nothing else. It shares the
real PDF's suffix, so a name ending in .pdf finds the real one first."""

from __future__ import annotations

from collections.abc import Iterator

from coach.services.export import ExportFormat
from coach.services.export.writers import Source
from coach.store import Store

# -- a throwaway bytes format ------------------------------------------------------------

MAGIC = b"%PDF-fake\x00\xff "
"""Not UTF-8: written through a text file it would fail or change."""
# Its key is not its suffix, so code that names files after the key would show.


class FakePdf:
    """Bytes a story: the magic and the story's slug; the overview counts its rows."""

    def story(self, source: Source, story_id: int) -> bytes:
        return MAGIC + source.sheet(story_id).slug.encode() + b"\n"

    def overview(self, source: Source) -> bytes:
        return MAGIC + b"overview of %d\n" % len(source.bank_overview().stories)

    def document(self, source: Source) -> Iterator[bytes]:
        if source.overview:
            yield self.overview(source)
        for story_id in source.counted(source.story_ids):
            yield self.story(source, story_id)


PDF = ExportFormat(
    "fakepdf",
    "PDF",
    "PDF sheets, to print",
    (".pdf",),
    lambda _workspace: FakePdf(),
    sheet=True,
    binary=True,
)


def fake_page(slug: str) -> bytes:
    return MAGIC + slug.encode() + b"\n"


def slugs_of(store: Store) -> list[str]:
    return [row.slug for row in store.list_stories()]
