"""What the bank changes: samples in and out, duplicate, archive, delete, marks for an export.

Every write is guarded: a locked, full or damaged database is a notification naming the
story, never a traceback, and the cursor stays where the user was working."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rich.text import Text
from textual.widgets import Static

from coach.core.errors import InputError
from coach.core.text import plural
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.story_table import StoryTable

T = TypeVar("T")


class BankActions(CoachScreen):
    """The bank's writes; BankScreen adds the table, the filters and the ways out."""

    marked: set[int]
    show_archived: bool

    def reload(self, keep: str | None = None, near: int | None = None) -> None:
        raise NotImplementedError

    def refresh_filters(self) -> None:
        raise NotImplementedError

    def _selected(self) -> int | None:
        raise NotImplementedError

    def _status(self, total: int, filters: dict[str, Any]) -> str:
        raise NotImplementedError

    def _filters(self) -> dict[str, Any]:
        raise NotImplementedError

    def _written(self, what: str, write: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one write; if the database refuses it, say so (`what` names the story)."""
        try:
            return True, write()
        except InputError as exc:
            self.notify(f"Could not {what}: {exc}", severity="error", timeout=10)
            return False, None

    # -- the samples ----------------------------------------------------------------

    def _offer_samples(self) -> None:
        from coach.tui.screens.dialogs import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self.action_load_samples()

        question = (
            "Your story bank is empty.\n\nLoad the sample stories to see coach at work? "
            "(They are tagged 'sample': L removes them all when you are done.)"
        )
        self.app.push_screen(ConfirmDialog(question, "Load samples", "Start empty"), answer)

    def action_load_samples(self) -> None:
        from coach.services.stories import load_samples

        done, report = self._written(
            "load the samples", lambda: load_samples(self.coach.store, self.coach.templates)
        )
        if not done or report is None:
            return
        self.refresh_filters()
        self.reload()
        loaded = len(report.created)
        if not loaded:
            self.notify("The sample stories are in the bank already.")
            return
        self.notify(
            f"Loaded {plural(loaded, 'sample story', 'sample stories')}, tagged 'sample' "
            "(L removes them)."
        )

    def action_remove_samples(self) -> None:
        from coach.services.stories import remove_samples, sample_ids
        from coach.tui.screens.dialogs import ConfirmDialog

        found, ids = self._written("read the samples", lambda: sample_ids(self.coach.store))
        if not found or ids is None:
            return
        if not ids:
            self.notify("No story in the bank is tagged 'sample'.")
            return
        count = plural(len(ids), "sample story", "sample stories")

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            done, removed = self._written(
                "remove the samples", lambda: remove_samples(self.coach.store)
            )
            if not done or removed is None:
                return
            self.marked -= set(ids)
            self.refresh_filters()
            self.reload()
            self.notify(f"Removed {plural(removed, 'sample story', 'sample stories')}.")

        question = (
            f"Remove the {count} (every story tagged 'sample', archived ones too) "
            "and their history?\n\nA sample you untagged stays. This cannot be undone."
        )
        self.app.push_screen(ConfirmDialog(question, "Remove", "Keep", default=False), answer)

    # -- one story ------------------------------------------------------------------

    def action_duplicate(self) -> None:
        story_id = self._selected()
        row = None if story_id is None else self.coach.store.row(story_id)
        if story_id is None or row is None:
            return
        done, new_id = self._written(
            f"duplicate {row.title!r}", lambda: self.coach.store.duplicate(story_id)
        )
        if not done:
            return
        self.reload(keep=str(new_id))
        self.notify(f"Duplicated {row.title!r}: the copy is selected.")

    def action_archive(self) -> None:
        story_id = self._selected()
        row = None if story_id is None else self.coach.store.row(story_id)
        if story_id is None or row is None:
            return
        archive = not self.show_archived
        verb = "archive" if archive else "restore"
        done, _ = self._written(
            f"{verb} {row.title!r}", lambda: self.coach.store.set_archived(story_id, archive)
        )
        if not done:
            return
        self.reload(*self.query_one(StoryTable).neighbour())
        if archive:
            self.notify(f"Archived {row.title!r} (v shows archived stories).")
        else:
            self.notify(f"Restored {row.title!r} to the bank.")

    def action_delete(self) -> None:
        from coach.tui.screens.dialogs import ConfirmDialog

        story_id = self._selected()
        row = None if story_id is None else self.coach.store.row(story_id)
        if story_id is None or row is None:
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            table = self.query_one(StoryTable)
            table.select(str(story_id))
            neighbour = table.neighbour()
            done, _ = self._written(
                f"delete {row.title!r}", lambda: self.coach.store.delete(story_id)
            )
            if not done:
                return
            self.marked.discard(story_id)
            self.reload(*neighbour)
            self.notify(f"Deleted {row.title!r}.")

        question = f"Delete {row.title!r} and its whole history?\n\nThis cannot be undone."
        dialog = ConfirmDialog(question, "Delete", "Keep", default=False)
        self.app.push_screen(dialog, answer)

    # -- a mock interview -------------------------------------------------------------

    def action_mock(self) -> None:
        """A 30-minute mock interview of mixed questions over the bank."""
        self.coach.start_mock()

    # -- marks for an export ----------------------------------------------------------

    def action_mark(self) -> None:
        """Mark the story for an export (or unmark it), and move down to the next."""
        story_id = self._selected()
        if story_id is None:
            return
        self.marked ^= {story_id}
        table = self.query_one(StoryTable)
        row = self.coach.store.row(story_id)
        if row is not None:
            title = f"✓ {row.title}" if story_id in self.marked else row.title
            table.set_cell(str(story_id), "title", title)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self.query_one("#status", Static).update(Text(self._status(table.total, self._filters())))

    def action_export(self) -> None:
        from coach.tui.screens.export import start_export

        key = self.query_one(StoryTable).current_key
        marked = [i for i in self.marked if self.coach.store.row(i) is not None]
        start_export(self, sorted(marked), int(key) if key is not None else None)
