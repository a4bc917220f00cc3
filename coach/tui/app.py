"""The Textual app: CSS, global keys, the command palette, and the make_app() factory."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen

from coach.services.workspace import Workspace
from coach.tui.control_filter import DROP_CONTROLS

if TYPE_CHECKING:
    from textual.command import Provider

    from coach.core.questions import QuestionSets
    from coach.core.templates import TemplateSet
    from coach.services.stories import Store
    from coach.services.voice.recording import AudioInput


@dataclass(frozen=True)
class RehearseRequest:
    """Open straight into a rehearsal of this story (from `coach rehearse`)."""

    story_id: int
    persona: str | None = None
    followups: int = 5
    bell: bool = False
    length: str = "standard"
    """'short', 'standard' or 'deep' (`coach rehearse --length`)."""


@dataclass(frozen=True)
class DrillRequest:
    """Open straight into a drill (from `coach drill`)."""

    story_id: int | None = None
    """One story's weak follow-ups; None for every story's."""
    picked: bool = False
    """The story was chosen for the user: the one with the most weak follow-ups."""


@dataclass(frozen=True)
class MockRequest:
    """Open straight into a mock interview (from `coach mock`)."""

    minutes: int = 30
    kind: str = "mixed"
    seed: int | None = None


def story_commands() -> type[Provider]:
    """The story provider, imported when the palette first opens (textual.command is slow)."""
    from coach.tui.commands import StoryCommands

    return StoryCommands


class CoachApp(App[None]):
    """The story bank, its forms and dialogs, over one Store."""

    TITLE = "coach"
    SUB_TITLE = "interview story bank"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {story_commands}
    BINDINGS = [
        Binding("f1", "help", "Help", priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
    ]

    def __init__(
        self,
        workspace: Workspace,
        *,
        new_template: str | None = None,
        offer_samples: bool = True,
        rehearse: RehearseRequest | None = None,
        drill: DrillRequest | None = None,
        mock: MockRequest | None = None,
        clock: Callable[[], float] = time.monotonic,
        start: str = "bank",
        voice_input: AudioInput | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.store: Store = workspace.open_store()
        self.new_template = new_template
        self.offer_samples = offer_samples
        self.rehearse = rehearse
        self.drill = drill
        self.mock = mock
        self.clock = clock
        """The pacing timers' clock: monotonic, or a fake one that tests drive."""
        self.start = start
        """The first screen: "bank", or "progress" (from `coach progress`)."""
        self.voice_input = voice_input
        """Where `m` records from: the microphone unless given (tests play a WAV)."""
        self._sets_said = False
        self.last_export: tuple[str, Path] | None = None
        """The format and folder of the last export, offered again."""

    @property
    def templates(self) -> TemplateSet:
        return self.workspace.templates

    @property
    def question_sets(self) -> QuestionSets:
        """The question sets in use, read when first needed; broken user sets are said once."""
        found = self.workspace.question_sets
        if not self._sets_said:
            self._sets_said = True
            for problem in found.problems:
                self.notify(f"Question set not used: {problem}", severity="warning", timeout=10)
        return found

    def start_rehearsal(
        self,
        story_id: int,
        *,
        persona: str | None = None,
        followups: int = 5,
        bell: bool = False,
        length: str = "standard",
    ) -> None:
        """Push a rehearsal of a story, if a question set asks about its template."""
        from coach.core.errors import InputError
        from coach.tui.screens.rehearsal import RehearsalScreen

        row = self.store.row(story_id)
        if row is None:
            return
        try:
            self.question_sets.for_template(row.template)
        except InputError as exc:
            self.notify(str(exc), severity="error")
            return
        self.push_screen(
            RehearsalScreen(
                story_id, persona=persona, followups=followups, bell=bell, length=length
            )
        )

    def start_mock(self, minutes: int = 30, kind: str = "mixed", seed: int | None = None) -> None:
        """Push a mock interview over the bank: `minutes` long, `kind` of questions."""
        from coach.services.mock import Settings
        from coach.tui.screens.mock import MockScreen

        self.push_screen(MockScreen(Settings(minutes, kind, seed)))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Every drawn line loses its control characters: the last guard against story
        text driving the terminal (screens also show them as symbols, core.text.visible)."""
        return [*super().get_line_filters(), DROP_CONTROLS]

    def get_default_screen(self) -> Screen[None]:
        if self.mock is not None:  # the bank is not even imported: it comes after the mock
            from coach.services.mock import Settings
            from coach.tui.screens.mock import MockScreen

            return MockScreen(Settings(self.mock.minutes, self.mock.kind, self.mock.seed))
        from coach.tui.screens.bank import BankScreen

        if self.start == "progress":  # the bank is built only when it is asked for
            from coach.tui.screens.progress import ProgressScreen

            return ProgressScreen()
        return BankScreen()

    def on_mount(self) -> None:
        for problem in self.templates.problems:
            self.notify(f"Template not used: {problem}", severity="warning", timeout=10)
        if self.rehearse is not None:
            r = self.rehearse
            self.start_rehearsal(
                r.story_id, persona=r.persona, followups=r.followups, bell=r.bell, length=r.length
            )
        if self.drill is not None:
            from coach.services.drill import Scope, nothing_to_drill
            from coach.tui.screens.drill import open_drill

            scope = Scope(self.drill.story_id)
            open_drill(self, scope, picked=self.drill.picked, empty=nothing_to_drill())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications say titles, paths and messages holding the user's text: shown
        as written, never read as markup (a title like '[/x]' must not crash the app)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def action_quit(self) -> None:
        """Quit once whatever is typed in any open screen is saved; if some cannot be saved
        yet, that screen asks first (keep trying, or quit without it)."""
        leaving = [s for s in reversed(self.screen_stack) if callable(getattr(s, "leave", None))]
        self._leave_all(leaving, self.exit)

    def _leave_all(self, screens: list[Screen[object]], then: Callable[[], object]) -> None:
        """Let each screen that holds typed text leave in turn (see FormScreen.leave), then
        `then`; a screen that keeps its text stops the chain."""
        if not screens:
            then()
            return
        first, rest = screens[0], screens[1:]
        first.leave(lambda: self._leave_all(rest, then), quitting=True)  # type: ignore[attr-defined]

    def open_story(self, story_id: int) -> None:
        """Open a story's form from anywhere: back to the bank first, each screen left on
        the way saving what is typed there (or asking, if it cannot yet)."""
        from coach.tui.screens.bank import BankScreen

        top = self.screen
        if not isinstance(top, BankScreen) and len(self.screen_stack) > 1:
            leave = getattr(top, "leave", None)

            def go_on() -> None:
                self.pop_screen()
                self.open_story(story_id)

            if callable(leave):
                leave(go_on)
            else:
                go_on()
            return
        bank = top if isinstance(top, BankScreen) else BankScreen()
        if bank is not top:  # started on another screen (`coach progress`)
            self.push_screen(bank)
        bank.open_story(story_id)

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key binding of the current screen is also a command in the palette."""
        seen: set[str] = set()
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                f"key: {key}",
                partial(screen.run_action, binding.action),
            )
        yield SystemCommand("Help", "Every key on this screen (F1)", self.action_help)
        yield from super().get_system_commands(screen)


make_app = CoachApp
"""Build the app from a workspace; the CLI, the bench and the tests all come through here."""
