"""PDF sheets through WeasyPrint: every story starts a page, the overview fits its page,
and without WeasyPrint (an optional extra) the export is refused in one line before
anything is written."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pdf_pages import need_weasyprint, pages, starts, titles

from coach.core.errors import InputError
from coach.core.stories import Story
from coach.services.export import FORMATS, Exporter, by_suffix
from coach.services.export.exporter import Target
from coach.services.export.pdf import NO_PANGO, NO_WEASYPRINT, OLD_WEASYPRINT
from coach.services.workspace import Workspace
from coach.store import Store

need_weasyprint()


def ids_of(store: Store) -> list[int]:
    return [row.id for row in store.list_stories()]


# -- the registry ------------------------------------------------------------------------


def test_pdf_is_a_sheet_format_written_as_bytes() -> None:
    pdf = FORMATS["pdf"]
    assert (pdf.name, pdf.suffix, pdf.sheet, pdf.binary) == ("PDF", ".pdf", True, True)
    assert by_suffix(".PDF") is pdf
    assert list(FORMATS).index("pdf") == list(FORMATS).index("html") + 1


# -- pages -------------------------------------------------------------------------------


def test_one_story_is_a_pdf_of_its_sheet(
    workspace: Workspace, samples: Store, tmp_path: Path
) -> None:
    [first, *_] = samples.list_stories()
    target = tmp_path / "one.pdf"
    Exporter(workspace, samples, "pdf", [first.id]).write_document(target)
    texts = pages(target.read_bytes())
    assert texts[0].startswith(first.title)
    assert first.company in texts[0]
    assert not any(t.startswith("Story bank overview") for t in texts)


def test_every_story_starts_a_page_after_the_overview(
    workspace: Workspace, samples: Store, tmp_path: Path
) -> None:
    exporter = Exporter(workspace, samples, "pdf", ids_of(samples), overview=True)
    seen: list[int] = []
    exporter.on_story = seen.append
    target = tmp_path / "bank.pdf"
    exporter.write_document(target)
    pdf = target.read_bytes()
    first_pages = starts(pdf, ["Story bank overview", *titles(samples)])
    assert first_pages[0] == 0
    assert first_pages == sorted(set(first_pages)), "a page each, in the bank's order"
    assert seen == list(range(1, len(ids_of(samples)) + 1))

    # Into a folder: one PDF a story and the overview, each opening with its own head;
    # together they have the one file's pages, so no story shares a page in it.
    out = tmp_path / "sheets"
    again = Exporter(workspace, samples, "pdf", ids_of(samples), overview=True)
    written = list(again.write_files(out))
    slugs = [row.slug for row in samples.list_stories()]
    assert [p.name for p in written] == ["overview.pdf"] + [f"{s}.pdf" for s in slugs]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    each = [pages(p.read_bytes()) for p in written]
    for texts, head in zip(each, ["Story bank overview", *titles(samples)], strict=True):
        assert texts[0].startswith(head)
    assert len(pages(pdf)) == sum(len(texts) for texts in each)


# -- the overview fits its page ----------------------------------------------------------


def overview_html(workspace: Workspace, store: Store) -> str:
    """The overview's HTML, which its PDF is drawn from."""
    exporter = Exporter(workspace, store, "html", ids_of(store), overview=True)
    return str(exporter.render_one(Target(None, Path("overview.html"))))


def overflows(html: str) -> list[str]:
    """What sticks out on the overview's first page, as WeasyPrint lays it out: text
    wider than its table cell, or a cell past the page's right margin."""
    import weasyprint
    from weasyprint.formatting_structure import boxes

    page = weasyprint.HTML(string=html).render().pages[0]._page_box
    right_margin = page.content_box_x() + page.width
    found: list[str] = []

    def walk(box: object, cell: boxes.TableCellBox | None) -> None:
        if isinstance(box, boxes.TableCellBox):
            cell = box
            if box.position_x + box.margin_width() > right_margin + 0.01:
                found.append(f"a cell past the page's margin at x={box.position_x:.0f}")
        if isinstance(box, boxes.TextBox) and cell is not None:
            past = box.position_x + box.width - (cell.content_box_x() + cell.width)
            if past > 0.01:
                found.append(f"{box.text!r} sticks out of its cell by {past:.1f}px")
        for child in getattr(box, "children", []):
            walk(child, cell)

    walk(page, None)
    return found


def test_the_overview_table_fits_its_page(workspace: Workspace, samples: Store) -> None:
    html = overview_html(workspace, samples)
    assert 'class="signals"' in html
    assert overflows(html) == []


def test_a_long_title_breaks_inside_its_cell(workspace: Workspace, samples: Store) -> None:
    samples.create_story(Story(title="Re" + "tuning" * 20, template="project"))
    assert overflows(overview_html(workspace, samples)) == []


# -- without WeasyPrint ------------------------------------------------------------------


def test_without_weasyprint_a_pdf_export_is_refused_before_writing(
    workspace: Workspace, samples: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    with pytest.raises(InputError) as caught:
        Exporter(workspace, samples, "pdf", ids_of(samples), overview=True)
    assert str(caught.value) == NO_WEASYPRINT
    assert "pip install 'coach[pdf]'" in NO_WEASYPRINT and "HTML" in NO_WEASYPRINT
    assert "\n" not in NO_WEASYPRINT
    assert list(tmp_path.glob("**/*.pdf")) == []


class _NoPango(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports weasyprint as it does on a system without Pango: with an OSError."""

    def find_spec(
        self, name: str, path: object, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != "weasyprint":
            return None
        return importlib.machinery.ModuleSpec(name, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        raise OSError("cannot load library 'libpango-1.0-0': not found")


def test_without_pango_the_message_says_what_pip_cannot_bring(
    workspace: Workspace, samples: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    with pytest.raises(InputError) as caught:
        Exporter(workspace, samples, "pdf", ids_of(samples))
    assert str(caught.value) == NO_PANGO
    assert "libpango" in NO_PANGO and "HTML" in NO_PANGO


def test_a_weasyprint_too_old_to_refuse_fetching_is_said(
    workspace: Workspace, samples: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before 68 WeasyPrint had no URLFetcher: say so, rather than fail half-way."""
    for name in ("weasyprint", "weasyprint.text", "weasyprint.text.fonts", "weasyprint.urls"):
        monkeypatch.setitem(sys.modules, name, ModuleType(name))
    with pytest.raises(InputError) as caught:
        Exporter(workspace, samples, "pdf", ids_of(samples))
    assert str(caught.value) == OLD_WEASYPRINT
    assert "pip install -U 'coach[pdf]'" in OLD_WEASYPRINT
