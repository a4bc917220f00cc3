"""Command palette: open any story by typing part of its title or text."""

from __future__ import annotations

from functools import partial

from rich.markup import escape
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

LIMIT = 15


class StoryCommands(Provider):
    """'Open: <title>' for the stories matching what is typed (full-text, every field)."""

    async def discover(self) -> Hits:
        app = self.app
        for row in app.store.list_stories(limit=LIMIT):  # type: ignore[attr-defined]
            yield DiscoveryHit(
                Text(f"Open: {row.title}"),
                partial(app.open_story, row.id),  # type: ignore[attr-defined]
                help=escape(f"{row.template} story"),
            )

    async def search(self, query: str) -> Hits:
        app = self.app
        matcher = self.matcher(query)
        rows = app.store.list_stories(search=query, limit=LIMIT)  # type: ignore[attr-defined]
        for rank, row in enumerate(rows):
            text = f"Open: {row.title}"
            score = max(matcher.match(text), 0.5 - rank / 100)
            yield Hit(
                score,
                Text(text),  # not matcher.highlight: it would read the title as markup
                partial(app.open_story, row.id),  # type: ignore[attr-defined]
                help=escape(f"{row.template} story · {', '.join(row.tags)}"),
            )
