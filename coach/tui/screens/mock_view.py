"""What the mock interview shows before a story is told: how it goes, the question asked
with the stories offered, and the head of the report once it is over with no story told."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from coach.core.text import format_seconds, visible
from coach.services import mock
from coach.tui.screens.steps_voice import mic_state

if TYPE_CHECKING:
    from coach.tui.screens.mock import MockScreen


def show_intro(screen: MockScreen, stage: Static, prompt: Static, notes: Static) -> None:
    box = screen.query_one("#notes-box")
    if screen.over is not None:
        stage.update(Text("Mock over · no story was told, so nothing entered the schedule", "bold"))
        prompt.update(screen.over)
        notes.update(Text("escape goes back to the bank", style="dim"))
        screen.query_one("#offers").display = False
        return
    if screen.picking:
        show_question(screen, stage, prompt)
        box.display = False
        return
    screen.query_one("#offers").display = False
    minutes, kind = screen.settings.minutes, screen.settings.kind
    which = "project and behavioral" if kind == "mixed" else kind
    stage.update(Text.assemble(("Mock interview", "bold"), f" · {minutes} minutes"))
    prompt.update(
        f"The interviewer asks {which} questions. For each, pick the story that answers "
        f"it (or improvise), tell it in {format_seconds(mock.PITCH_SECONDS)}, then answer "
        "two or three follow-ups. A story is told once; the interview ends when the time "
        f"is up.\n{mic_state(screen.microphone)} · press [b]enter[/b] for the first question."
    )
    ready = screen.offers is not None
    stories = len(screen.offers.stories) if screen.offers else 0
    notes.update(
        Text(
            f"{stories} stories ready · questions drawn with seed {screen.seed}"
            if ready
            else "Reading your stories…",
            style="dim",
        )
    )
    box.display = True


def question_stage(screen: MockScreen) -> Text:
    """The question's number, the time left, and how to pick its story."""
    assert screen.interview is not None
    number = len(screen.interview.parts) + 1
    return Text.assemble(
        (f"Question {number}", "bold"),
        f" · {screen.time_left()} · pick a story: ↑↓ enter or 1-4, i to improvise",
    )


def show_question(screen: MockScreen, stage: Static, prompt: Static) -> None:
    assert screen.question is not None
    stage.update(question_stage(screen))
    prompt.update(Text(screen.question.text))
    screen.query_one("#offers").display = True


def improvised_note(screen: MockScreen, part: mock.Part) -> Text:
    """Under an improvised answer, what the report will say of it: the story of the bank
    that answers the question well (told in this mock or not), else a story to write."""
    from coach.services.mock_record import fitting

    ranked = screen.offers.ranked.get(part.question.id, ()) if screen.offers else ()
    used = screen.interview.used if screen.interview else set()
    untold, told = fitting(ranked, used)
    if untold:
        then = f"The report names a story of yours that fits it: {visible(untold)}."
    elif told:
        then = f"The report names {visible(told)}, which fits it but was told already."
    else:
        then = "The report lists it as a story to write."
    return Text(f"No story for this one: answer as best you can, then rate it. {then}", style="dim")
