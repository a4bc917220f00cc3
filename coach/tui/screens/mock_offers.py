"""A mock question's choices, one line each, and the way from the mock back to the bank."""

from __future__ import annotations

from rich.text import Text

from coach.core.text import visible
from coach.services import mock
from coach.tui.screens.base import CoachScreen

WHY_SHOWN = 2
"""The reasons shown under a story offered: a line, not a paragraph."""
_LEVEL = {"good": "good match", "weak": "weak match", "none": "little in common"}


def offer_prompt(number: int, offer: mock.Offer) -> Text:
    """One choice: its key (1-4 for the first four), the story, how well it matches, why."""
    key = f"{number}" if number <= 4 else " "
    if offer.story_id is None:
        return Text.assemble((f"{key} ", "bold"), (offer.title, "italic"), ("  (i)", "dim"))
    line = Text.assemble((f"{key} ", "bold"), visible(offer.title))
    if offer.score > 0:
        line.append(f"  · {_LEVEL[offer.level]}", style="green" if offer.level == "good" else "")
    if offer.why:
        line.append("\n    " + "; ".join(offer.why[:WHY_SHOWN]), style="dim")
    return line


def back_to_bank(screen: CoachScreen) -> None:
    """Leave the mock (or its report) for the bank. Opened first (`coach mock`), the mock is
    the screen at the bottom, which Textual cannot replace: the bank goes on top of it."""
    from coach.tui.screens.bank import BankScreen
    from coach.tui.screens.mock import MockScreen

    stack = screen.app.screen_stack
    if len(stack) == 1:
        screen.app.push_screen(BankScreen())
    elif isinstance(stack[-2], MockScreen):
        screen.app.switch_screen(BankScreen())
    else:
        screen.app.pop_screen()
