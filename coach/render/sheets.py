"""Rendering story sheets with the Jinja2 sheet templates (shipped in templates/sheets/,
overridable in the user's config folder under templates/sheets/, by file name): one
environment per format, user text through the filters, a template's own mistakes said as
one line with its file and line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2

from coach.core.errors import InputError
from coach.core.overview import Overview
from coach.core.sheets import Sheet
from coach.render.filters import FILTERS


def _where(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error happened at (Jinja's traceback
    frames carry the template's file name and line)."""
    tb = exc.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_error(exc: Exception) -> InputError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return InputError(
            f"sheet template: {exc.message}; fix the template or remove it to use the shipped one",
            file=exc.filename or exc.name,
            line=exc.lineno,
        )
    file, line = _where(exc)
    return InputError(
        f"sheet template failed: {exc}; fix the template or remove it to use the shipped one",
        file=file,
        line=line,
    )


@dataclass
class SheetWriter:
    """Renders sheets in one format through the sheet templates in use."""

    fmt: str
    """The templates' format: document.<fmt>.j2 is the document (the export formats'
    registry, coach.services.export.formats, says which formats are sheets)."""
    dirs: list[Path]

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during an export: no stat per sheet
        )
        self.env.filters.update(FILTERS)
        try:
            self.document = self.env.get_template(f"document.{self.fmt}.j2")
        except jinja2.TemplateNotFound as exc:
            raise InputError(f"no sheet template {exc.name}; reinstall coach") from None
        except jinja2.TemplateSyntaxError as exc:
            raise template_error(exc) from None

    def stream(
        self, sheets: Iterable[Sheet], overview: Overview | None = None, title: str = "Story sheets"
    ) -> Iterator[str]:
        """The document's text in pieces, rendering each sheet only when it is reached.
        `sheets` may be a generator: a template must loop over it once only."""
        with _said_in_the_template():
            yield from self.document.generate(sheets=sheets, overview=overview, title=title)

    def render(self, sheets: Sequence[Sheet], overview: Overview | None = None) -> str:
        """The document's text at once (one file's worth: quicker than the pieces)."""
        title = "Story bank overview" if overview else " · ".join(s.title for s in sheets)
        with _said_in_the_template():
            return self.document.render(sheets=sheets, overview=overview, title=title)


@contextmanager
def _said_in_the_template() -> Iterator[None]:
    """A template's own mistakes said as one line with its file and line."""
    try:
        yield
    except InputError:
        raise
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None
    except Exception as exc:  # noqa: BLE001 - only when it happened in a template's code
        if _where(exc)[0] is None:
            raise
        raise template_error(exc) from None
