"""Turning whatever the user typed into a safe FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 query matching stories with every word typed, each as a prefix ('leak' finds
    'leakage') once it has two letters; None when there is nothing to look for.

    A single letter is matched as a whole word only: as a prefix it would match, and
    rank, nearly every story on every keystroke.
    Quotes, operators and brackets are dropped, so no input can make the query invalid.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' if len(token) > 1 else f'"{token}"' for token in tokens)
