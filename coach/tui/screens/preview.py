"""A story's sheet inside the app, as it will read when exported to Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown

from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.footer import Footer


class SheetPreview(CoachScreen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("o", "export", "Export"),
        Binding("r", "rehearse", "Rehearse"),
    ]

    def __init__(self, story_id: int) -> None:
        super().__init__()
        self.story_id = story_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sheet-scroll"):
            yield Markdown(id="sheet")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Shown anew each time, so an edit made from here is in the sheet on return."""
        from coach.core.errors import InputError
        from coach.services.export import Exporter

        store = self.coach.store
        row = store.row(self.story_id)
        if row is None:
            self.app.pop_screen()
            return
        self.sub_title = f"Sheet · {row.title}"
        try:
            sheet = Exporter(self.coach.workspace, store, "md", [self.story_id]).text()
        except InputError as exc:  # a broken sheet template of the user's, or the database
            self.notify(f"Cannot show the sheet of {row.title!r}: {exc}", severity="error")
            self.app.pop_screen()
            return
        self.query_one(Markdown).update(sheet)
        self.query_one("#sheet-scroll").focus()

    def action_edit(self) -> None:
        from coach.tui.screens.form import FormScreen

        self.app.push_screen(FormScreen(self.story_id))

    def action_rehearse(self) -> None:
        self.coach.start_rehearsal(self.story_id)

    def action_export(self) -> None:
        from coach.tui.screens.export import start_export

        start_export(self, [self.story_id], this_story=self.story_id)
