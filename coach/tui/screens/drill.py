"""The drill: the follow-ups last rated weak or very weak, asked again now, one at a time.

No pitch and no check-in: each question is timed, rated and stored as in a rehearsal (one
rehearsal per story it asks about), and each rating feeds the schedule.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from coach.core.errors import InputError
from coach.core.rehearsal import Session, Step
from coach.core.text import format_seconds, plural
from coach.services import drill
from coach.tui.screens.steps import StepsScreen
from coach.tui.screens.steps_voice import Place, PlacedRecorder, listen, mic_state

if TYPE_CHECKING:
    from textual.app import App

    from coach.tui.screens.base import CoachHost


def open_drill(
    app: App[None], scope: drill.Scope, *, replace: bool = False, picked: bool = False, empty: str
) -> bool:
    """Open a drill of what `scope` holds (replacing the screen on top when `replace`), or
    say `empty` when nothing in it is rated weak. True when the drill opened."""
    host = cast("CoachHost", app)
    items = drill.select(host.store, host.question_sets, scope)
    if not items:
        app.notify(empty)
        return False
    screen = DrillScreen(scope, items, picked=picked)
    if replace:
        app.switch_screen(screen)
    else:
        app.push_screen(screen)
    return True


class DrillScreen(StepsScreen):
    """Re-ask the weak follow-ups of one story, or of several back to back."""

    BINDINGS = [
        *(b for b in StepsScreen.BINDINGS if isinstance(b, Binding) and b.action != "notes"),
        Binding("m", "microphone", "Microphone", show=False),
    ]
    """The rehearsal's keys but `h`: your notes are the pitch's, and a drill has no pitch."""

    def __init__(
        self, scope: drill.Scope, items: Sequence[drill.Item], *, picked: bool = False
    ) -> None:
        super().__init__()
        self.scope = scope
        self.items = list(items)
        self.picked = picked
        """The story was chosen for the user: the one with the most weak follow-ups."""
        self.stories = list(dict.fromkeys(item.story_title for item in self.items))
        self.drill_run: drill.Run | None = None
        self.microphone: PlacedRecorder | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "notes"  # bound by StepsScreen: off, and out of the footer

    @property
    def what(self) -> str:
        """The story drilled, or how many."""
        return self.stories[0] if len(self.stories) == 1 else f"{len(self.stories)} stories"

    def on_mount(self) -> None:
        self.sub_title = f"drill · {self.what}"
        self.query_one("#after").display = False
        self.microphone = listen(self)
        self.refresh_view()

    def on_unmount(self) -> None:
        if self.microphone is not None:
            self.microphone.close()

    def refresh_view(self) -> None:
        super().refresh_view()
        self.follow_microphone()

    def follow_microphone(self) -> None:
        """Record the answer whose clock runs, hear the one that just ended (microphone on)."""
        if self.microphone is not None:
            self.microphone.follow_steps(self.session, self._place)

    def _place(self, index: int) -> Place:
        """The drill's `index`th answer: its story, and where its story's rehearsal keeps it."""
        item = self.items[index]
        position = sum(1 for i in self.items[:index] if i.story_id == item.story_id)
        run = self.drill_run

        def stored() -> tuple[int, int] | None:
            rehearsal_id = run.rehearsal_ids.get(item.story_id) if run else None
            return None if rehearsal_id is None else (rehearsal_id, position)

        try:
            story = self.coach.store.story(item.story_id)
            template = self.coach.templates.get(story.template)
            qset = self.coach.question_sets.for_template(story.template)
        except (KeyError, InputError):  # deleted in another window, or its form is gone
            return Place(index, None, None, stored)  # heard: pace and fillers alone
        question = qset.question(item.question_id)
        return Place(index, story, template, stored, question.field if question else "")

    def action_microphone(self) -> None:
        if self.microphone is not None:
            self.microphone.toggle()

    def action_pause(self) -> None:
        """Space pauses the recording with the clock: nothing said meanwhile is kept."""
        super().action_pause()
        self.follow_microphone()

    def on_resize(self) -> None:
        if self.session is None:
            self.call_after_refresh(self.refresh_view)  # the list, wrapped to the new width

    def _show_intro(self, stage: Static, prompt: Static, notes: Static) -> None:
        total = sum(item.target_seconds for item in self.items)
        stage.update(Text.assemble(("Drill", "bold"), " · ", self.what))
        chosen = (
            "Picked: the story with the most weak answers (--all-stories: every story).\n"
            if self.picked
            else ""
        )
        prompt.update(
            f"{plural(len(self.items), 'follow-up')} you last rated weak or very weak, the "
            f"weakest and longest ago first ({format_seconds(total)} in all).\n{chosen}"
            "Answer each out loud and rate it again: the ratings feed the schedule.\n"
            f"{mic_state(self.microphone)} · press [b]enter[/b] to start the clock."
        )
        width = self.query_one("#notes-box").scrollable_content_region.width
        lines: list[str] = []
        story: int | None = None
        for item in self.items:
            if len(self.stories) > 1 and item.story_id != story:
                story = item.story_id
                lines.append(item.story_title)
            lines += _hanging(item.rating.label, f"{item.label}: {item.prompt}", width)
        notes.update(Text("\n".join(lines)))
        self.query_one("#notes-box").display = True

    def _stage_line(self, session: Session, step: Step) -> Text:
        about = f" · {step.notes}" if len(self.stories) > 1 else ""
        return Text.assemble(
            (f"Drill {session.position + 1} of {len(session.steps)}", "bold"),
            about,
            f" · {step.title} · target {format_seconds(step.target_seconds)}",
        )

    def _notes_for(self, step: Step) -> Text:
        return Text(f"last {step.reason}", style="dim")

    def _start(self) -> None:
        self.drill_run = drill.Run(self.coach.store, self.items)
        self.session = Session(drill.steps(self.items), clock=self.coach.clock)

    def _record(self, position: int) -> None:
        session = self.session
        assert session is not None and self.drill_run is not None
        self.drill_run.record(position, session.steps[position], session.results[position])

    def _finish(self, status: str) -> None:
        from coach.tui.screens.summary import SummaryScreen

        assert self.drill_run is not None
        run = self.drill_run
        self.follow_microphone()

        def close() -> None:
            run.finish(status)

        self.keep("finish", close)
        if not self.finish_when_stored(status):
            return
        stored = list(run.rehearsal_ids.values())
        if not stored:
            self.notify("Drill ended before any answer: nothing stored")
            self.app.pop_screen()
            return
        self.app.switch_screen(SummaryScreen(stored, drill=self.scope))


def _hanging(rating: str, question: str, width: int) -> list[str]:
    """A weak answer's lines: its rating, then the question wrapped under itself to fit
    `width` columns (0: not laid out yet, one line)."""
    lead = f"  {rating:<9}  "
    room = width - len(lead) if width > len(lead) + 20 else 10_000
    first, *rest = textwrap.wrap(question, room) or [""]
    return [lead + first] + [" " * len(lead) + line for line in rest]
