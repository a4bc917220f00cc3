"""What every full screen of coach shares: typed access to what the app holds.

Screens see the app through the small `CoachHost` protocol, not by importing the app
(which imports the screens): the app is built from screens, screens only know its shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from textual.screen import Screen

from coach.core.text import visible

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets
    from coach.core.templates import TemplateSet
    from coach.services.stories import Store
    from coach.services.voice.recording import AudioInput
    from coach.services.workspace import Workspace


class CoachHost(Protocol):
    """What the screens use of the app."""

    workspace: Workspace
    store: Store
    clock: Callable[[], float]
    new_template: str | None
    offer_samples: bool
    last_export: tuple[str, Path] | None
    voice_input: AudioInput | None

    @property
    def templates(self) -> TemplateSet: ...

    @property
    def question_sets(self) -> QuestionSets: ...

    def start_rehearsal(
        self,
        story_id: int,
        *,
        persona: str | None = None,
        followups: int = 5,
        bell: bool = False,
        length: str = "standard",
    ) -> None: ...

    def start_mock(
        self, minutes: int = 30, kind: str = "mixed", seed: int | None = None
    ) -> None: ...

    def open_story(self, story_id: int) -> None: ...


class CoachScreen(Screen[None]):
    def validate_sub_title(self, sub_title: str | None) -> str | None:
        """A story's title in the header shows its control characters as symbols."""
        return None if sub_title is None else visible(str(sub_title))

    @property
    def coach(self) -> CoachHost:
        return cast("CoachHost", self.app)
