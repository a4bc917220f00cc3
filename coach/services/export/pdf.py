"""PDF sheets: the HTML sheets (templates/sheets/*.html.j2, the user's own first) laid out
into pages by WeasyPrint with their print styles, each sheet on pages of its own.

WeasyPrint is an optional extra (pip install 'coach[pdf]') and takes about 0.4 s to
import, so it loads only when a PDF export is set up, never at start-up; without it the
export is refused in one line before anything is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from coach.core.errors import InputError
from coach.services.export.writers import SheetFiles, Source

if TYPE_CHECKING:
    from coach.services.workspace import Workspace

INSTALL_HINT = "or export HTML and print it to PDF from a browser"
NO_WEASYPRINT = f"PDF needs WeasyPrint: pip install 'coach[pdf]', {INSTALL_HINT}"
OLD_WEASYPRINT = f"PDF needs WeasyPrint 68 or newer: pip install -U 'coach[pdf]', {INSTALL_HINT}"
NO_PANGO = (
    "PDF needs the Pango library for WeasyPrint "
    f"(Debian: apt install libpango-1.0-0 libpangoft2-1.0-0), {INSTALL_HINT}"
)


def load_weasyprint() -> Any:
    """The weasyprint module, or the one line that says how to get it. It imports with
    an OSError when the system's Pango is missing, which pip cannot bring."""
    try:
        import weasyprint
        from weasyprint import urls
        from weasyprint.text import fonts  # noqa: F401 - PdfFiles uses it
    except ImportError:
        raise InputError(NO_WEASYPRINT) from None
    except OSError:
        raise InputError(NO_PANGO) from None
    if not hasattr(urls, "URLFetcher"):  # before 68
        raise InputError(OLD_WEASYPRINT)
    return weasyprint


class PdfFiles:
    """PDF sheets: one story, the overview, or everything in one PDF, the overview first
    and then each story from a new page."""

    def __init__(self, workspace: Workspace) -> None:
        self._weasyprint = load_weasyprint()
        self.html = SheetFiles("html", workspace)
        self._fonts = self._weasyprint.text.fonts.FontConfiguration()
        # The sheets are self-contained: a template that names a file or an address gets
        # nothing, so a sheet never reads the disk or the network on its way to paper.
        self._fetch_nothing = self._weasyprint.urls.URLFetcher(allowed_protocols=())

    def story(self, source: Source, story_id: int) -> bytes:
        return _pdf(self._pages(self.html.story(source, story_id)))

    def overview(self, source: Source) -> bytes:
        return _pdf(self._pages(self.html.overview(source)))

    def document(self, source: Source) -> Iterator[bytes]:
        """Each sheet is laid out into pages on its own, so progress is reported as the
        work is done and every story starts a page whatever the templates say; then
        their pages are bound into one PDF."""
        parts = [self._pages(self.html.overview(source))] if source.overview else []
        for story_id in source.counted(source.story_ids):
            parts.append(self._pages(self.html.story(source, story_id)))
        if not parts:  # nothing to print: the document as the templates draw it, empty
            parts.append(self._pages("".join(self.html.document(source))))
        bound = parts[0].copy([page for part in parts for page in part.pages])
        bound.metadata.title = _title(source)
        yield _pdf(bound)

    def _pages(self, html: str) -> Any:
        """`html` laid out into pages: a weasyprint Document."""
        found = self._weasyprint.HTML(string=html, url_fetcher=self._fetch_nothing)
        return found.render(font_config=self._fonts)


def _pdf(document: Any) -> bytes:
    pdf: bytes = document.write_pdf()
    return pdf


def _title(source: Source) -> str:
    """The PDF's title, as the HTML document's: the overview, the one story, or sheets."""
    if source.overview:
        return "Story bank overview"
    if len(source.story_ids) == 1:
        return source.title_of(source.story_ids[0]) or "Story sheets"
    return "Story sheets"
