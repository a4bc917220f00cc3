"""The help screen: every key of the screen underneath, and the global ones."""

from __future__ import annotations

import re

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

ABOUT = (
    "coach keeps your interview stories in one SQLite file on this machine. "
    "Everything you type is saved as you type it. ctrl+p opens the command palette, "
    "which reaches every action by name."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog")
        self.under = under

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        keys: dict[str, list[str]] = {}
        for binding in [*self.under.BINDINGS, *self.app.BINDINGS]:
            if isinstance(binding, Binding) and binding.description:
                keys.setdefault(binding.description, []).append(self.app.get_key_display(binding))
        for description, shown in keys.items():
            table.add_row(", ".join(shown), description)
        table.add_row("ctrl+p", "Command palette")
        with VerticalScroll(classes="dialog-box wide"):
            yield Static(
                f"Keys: {screen_name(self.under)}",
                classes="dialog-question",
            )
            yield Static(table)
            yield Static(ABOUT, classes="dim about")
            yield Static("esc: close", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)


def screen_name(screen: object) -> str:
    """'MockReportScreen' as 'Mock report'."""
    name = type(screen).__name__.removesuffix("Screen")
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()
