"""Command palette: open any story by typing part of its title or text."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.markup import escape
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from coach.core.text import visible

if TYPE_CHECKING:
    from coach.tui.screens.base import CoachHost

LIMIT = 15


class StoryCommands(Provider):
    """'Open: <title>' for the stories matching what is typed (full-text, every field)."""

    @property
    def coach(self) -> CoachHost:
        return cast("CoachHost", self.app)

    async def discover(self) -> Hits:
        app = self.coach
        for row in app.store.list_stories(limit=LIMIT):
            yield DiscoveryHit(
                Text(f"Open: {visible(row.title)}"),
                partial(app.open_story, row.id),
                help=escape(f"{row.template} story"),
            )

    async def search(self, query: str) -> Hits:
        app = self.coach
        matcher = self.matcher(query)
        rows = app.store.list_stories(search=query, limit=LIMIT)
        for rank, row in enumerate(rows):
            text = f"Open: {visible(row.title)}"
            score = max(matcher.match(text), 0.5 - rank / 100)
            yield Hit(
                score,
                Text(text),  # not matcher.highlight: it would read the title as markup
                partial(app.open_story, row.id),
                help=escape(visible(f"{row.template} story · {', '.join(row.tags)}")),
            )
