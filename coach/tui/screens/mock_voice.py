"""Where a mock's spoken answers are kept: a story's with its rehearsal's answers (begun at
the part's first answer), an improvised one with its mock part (stored when it is begun)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.core.errors import InputError
from coach.tui.screens.steps_voice import Place

if TYPE_CHECKING:
    from coach.services import mock
    from coach.tui.screens.mock import MockScreen

PART_STEPS = 100
"""More steps than a part has: a part's answers get log keys of their own, later ones higher."""


def place(screen: MockScreen, part: mock.Part, position: int) -> Place:
    """The answer at `position` of `part`."""
    key = part.position * PART_STEPS + position
    if part.story_id is None:
        mock_id = screen.interview.mock_id if screen.interview is not None else None
        where = None if mock_id is None else (mock_id, part.position)
        return Place(key, None, None, lambda: None, improvised=where)

    def stored() -> tuple[int, int] | None:
        return None if part.rehearsal_id is None else (part.rehearsal_id, position)

    try:
        story = screen.coach.store.story(part.story_id)
        template = screen.coach.templates.get(story.template)
    except (KeyError, InputError):  # deleted in another window, or its form is gone
        return Place(key, None, None, stored)  # heard: pace and fillers alone
    return Place(key, story, template, stored)
