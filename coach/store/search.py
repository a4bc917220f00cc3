"""Turning whatever the user typed into a safe FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """An FTS5 query matching every word typed, the last as a prefix; None when nothing to find.

    Quotes, operators and brackets are dropped, so no input can make the query invalid.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens]
    if prefix_last and not text[-1:].isspace():
        parts[-1] += "*"
    return " ".join(parts)
