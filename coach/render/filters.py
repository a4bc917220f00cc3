"""Filters the sheet templates use to put user text into Markdown and HTML safely.

Markdown: every character that could turn the user's words into markup (emphasis,
links, raw HTML, headings, table pipes) is escaped with a backslash, so a sheet
shows exactly what was written; lists the user typed stay lists. HTML: everything
is escaped by Jinja's autoescape; these filters only add paragraphs, line breaks
and the emphasis on figures, around text that is already escaped.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from coach.core.sheets import figure_spans
from coach.core.text import format_seconds

OPEN, SHUT = "\x02", "\x03"
"""Marks put around a figure while a line is escaped (control characters no one types)."""
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")
_BLANK = re.compile(r"\n\s*\n")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _marked(text: str) -> str | None:
    """`text` with each figure between OPEN and SHUT, so that a line is escaped once and
    the marks then become the emphasis; None when it has no figure, or holds the marks."""
    spans = figure_spans(text)
    if not any(is_figure for _, is_figure in spans) or OPEN in text or SHUT in text:
        return None
    return "".join(f"{OPEN}{part}{SHUT}" if is_figure else part for part, is_figure in spans)


def _md_inline(text: str, figures: bool) -> str:
    marked = _marked(text) if figures else None
    if marked is None:
        return md_escape(text) if not figures or not has_marks(text) else _md_pieces(text)
    return md_escape(marked).replace(OPEN, "**").replace(SHUT, "**")


def _md_pieces(text: str) -> str:
    return "".join(
        f"**{md_escape(part)}**" if is_figure else md_escape(part)
        for part, is_figure in figure_spans(text)
    )


def has_marks(text: str) -> bool:
    return OPEN in text or SHUT in text


def md_block(text: str, figures: bool = False) -> str:
    """User text as Markdown paragraphs, with its line breaks kept."""
    paragraphs = [p.strip("\n") for p in _BLANK.split(text.strip()) if p.strip()]
    return "\n\n".join(
        "  \n".join(_md_inline(line.rstrip(), figures) for line in p.split("\n"))
        for p in paragraphs
    )


def md_cell(text: str, figures: bool = False) -> str:
    """User text for one cell of a Markdown table: one line, pipes escaped."""
    return _md_inline(" ".join(text.split()), figures)


def _html_inline(text: str, figures: bool) -> str:
    marked = _marked(text) if figures else None
    if marked is None:
        return str(escape(text)) if not figures or not has_marks(text) else _html_pieces(text)
    return str(escape(marked)).replace(OPEN, '<strong class="fig">').replace(SHUT, "</strong>")


def _html_pieces(text: str) -> str:
    return "".join(
        f'<strong class="fig">{escape(part)}</strong>' if is_figure else str(escape(part))
        for part, is_figure in figure_spans(text)
    )


def html_block(text: str, figures: bool = False) -> Markup:
    """User text as HTML paragraphs, escaped, with its line breaks kept."""
    paragraphs = [p.strip("\n") for p in _BLANK.split(text.strip()) if p.strip()]
    return Markup(
        "".join(
            "<p>"
            + "<br>".join(_html_inline(line.rstrip(), figures) for line in p.split("\n"))
            + "</p>"
            for p in paragraphs
        )
    )


def html_inline(text: str, figures: bool = False) -> Markup:
    return Markup(_html_inline(" ".join(text.split()), figures))


def css_string(text: str) -> Markup:
    """User text as a quoted CSS string for a <style> block: every character but letters,
    digits and spaces written as a hex escape, so nothing can end the string or the
    block (no quote, backslash or '<' survives)."""
    return Markup(
        '"'
        + "".join(
            ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):x} " for ch in text
        )
        + '"'
    )


FILTERS = {
    "css_string": css_string,
    "md": md_block,
    "md_cell": md_cell,
    "md_escape": md_escape,
    "html": html_block,
    "html_inline": html_inline,
    "clock": format_seconds,
}
