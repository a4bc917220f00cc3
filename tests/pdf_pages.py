"""Reading the PDFs coach writes, as a reader of the paper would: the text of each page,
and where each story starts. PDF tests need WeasyPrint (the test extra has it) and the
system's Pango; without them they are skipped, saying why."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from coach.store import Store


def need_weasyprint() -> None:
    """Skip the calling module unless WeasyPrint loads (it needs Pango from the OS)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"PDF export needs WeasyPrint and Pango: {exc}", allow_module_level=True)


def pages(pdf: bytes) -> list[str]:
    """The text of each page, in order, whitespace made single spaces."""
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def titles(store: Store) -> list[str]:
    """The bank's stories' titles, in the order an export of them all writes them."""
    return [row.title for row in store.list_stories()]


def starts(pdf: bytes, heads: list[str]) -> list[int]:
    """The page each of `heads` starts (its text opens the page), in order; a head that
    opens no page fails the test."""
    texts = pages(pdf)
    found = []
    for head in heads:
        where = [i for i, text in enumerate(texts) if text.startswith(head)]
        assert where, f"no page starts with {head!r}: {[t[:40] for t in texts]}"
        found.append(where[0])
    return found
