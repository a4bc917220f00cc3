"""Turning whatever the user typed into a safe FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 query matching stories with every word typed, each as a prefix ('leak' finds
    'leakage'); None when there is nothing to look for.

    Quotes, operators and brackets are dropped, so no input can make the query invalid.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)
