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

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")
_BLANK = re.compile(r"\n\s*\n")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(text: str, figures: bool) -> str:
    if not figures:
        return md_escape(text)
    return "".join(
        f"**{md_escape(part)}**" if is_figure else md_escape(part)
        for part, is_figure in figure_spans(text)
    )


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
    if not figures:
        return str(escape(text))
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
