"""How the form keeps every typed word: saved twice a second without freezing on another
window's lock, said (and retried) when the database is busy, full or read-only, asked about
before leaving with text not saved yet, and offered back when the story was deleted in
another window."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Static

from coach.services import editing
from coach.services.editing import StoryGone
from coach.services.stories import StoreError
from coach.tui.screens.base import CoachScreen
from coach.tui.screens.unsaved import GoneDialog, UnsavedDialog, type_into
from coach.tui.widgets.details import DetailsEditor
from coach.tui.widgets.field_editor import FieldEditor

LABELS = {
    "title": "Title",
    "company": "Company",
    "role": "Role",
    "dates": "Dates",
    "tags": "Tags",
    "competencies": "Competencies",
}


class StoryForm(CoachScreen):
    """A screen that edits one story and saves it as it is typed (see FormScreen)."""

    def __init__(self, story_id: int) -> None:
        super().__init__()
        self.story_id = story_id
        self._failure: str | None = None
        """Why the last save failed (the text is kept and tried again), or None."""
        self._gone = False
        """The story was deleted in another window: nothing is tried until the user says."""
        self._asking = False
        self._discarded = False
        """The user chose to leave without what was not saved."""

    def _editors(self) -> list[FieldEditor]:
        return list(self.query(FieldEditor))

    def held_back(self) -> bool:
        return False

    # -- saving ---------------------------------------------------------------------

    def flush(self) -> bool:
        """Save every field and detail typed since the last save (twice a second, and on
        leaving); True when nothing typed is left unsaved."""
        if self._discarded:
            return True
        if self._gone:
            return False
        try:
            self._save_details()
            self._save_fields()
        except StoryGone:
            self._story_gone()
            return False
        except StoreError as exc:
            self._not_saved(str(exc))
            return False
        if self._failure is not None:
            self._failure = None
            self._show_state()
            self.notify("Saved: everything typed here is in the database now.")
        return True

    def _save_details(self) -> None:
        details = self.query_one(DetailsEditor)
        new = details.updated_story()
        result = editing.save_details(self.coach.store, self.story_id, details.story, new)
        if not result.changed:
            return
        details.mark_saved(new)
        self.sub_title = new.title
        if result.conflicts:
            names = ", ".join(LABELS[k] for k in result.conflicts)
            self.notify(
                f"{names} also changed in another window. Yours is kept; the other is in "
                "its history (ctrl+r on it).",
                severity="warning",
                timeout=12,
            )

    def _save_fields(self) -> None:
        for editor in self._editors():
            if not editor.dirty:
                continue
            text = editor.text
            result = editing.save_field(
                self.coach.store, self.story_id, editor.spec.key, text, editor.rev
            )
            editor.mark_saved(text, result.rev)
            if result.conflict is not None:
                self.notify(
                    f"{editor.spec.label} was also changed in another window. Both texts are "
                    "kept: ctrl+r shows the other one.",
                    severity="warning",
                    timeout=12,
                )

    def _not_saved(self, reason: str) -> None:
        if reason != self._failure:
            self.notify(f"Not saved yet, will retry: {reason}", severity="error", timeout=8)
        self._failure = reason
        self._show_state()

    def _show_state(self) -> None:
        """The line that says, while it is so, that what is on screen is not saved yet."""
        state = self.query_one("#save-state", Static)
        if self._gone:
            state.update("Deleted in another window: your text is only on screen (esc asks)")
        elif self._failure is not None:
            state.update(f"Not saved yet · retrying · {self._failure}")
        state.display = self._gone or self._failure is not None

    def unsaved(self) -> list[str]:
        """What is typed here and not saved yet (a field's label, 'Details')."""
        if self._discarded:
            return []
        found = ["Details"] if self.query_one(DetailsEditor).dirty else []
        return found + [e.spec.label for e in self._editors() if e.dirty]

    # -- leaving --------------------------------------------------------------------

    def leave(self, then: Callable[[], object], *, quitting: bool = False) -> None:
        """Run `then` (close the form, quit) once everything typed is saved; until then,
        ask: keep trying (the default) or leave without it."""
        if self._gone or (not self.flush() and self._gone):
            self._ask_gone(then)
            return
        pending = self.unsaved()
        if not pending:
            if not self.held_back():
                then()
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self._discarded = True
                then()

        reason = self._failure or "The database could not be written just now."
        self.app.push_screen(UnsavedDialog(pending, reason, quitting=quitting), answer)

    # -- a story deleted in another window ------------------------------------------

    def _story_gone(self) -> None:
        self._gone = True
        self._show_state()
        self._ask_gone(None)

    def _ask_gone(self, then: Callable[[], object] | None) -> None:
        if self._asking:
            return
        self._asking = True
        dialog = GoneDialog(self.query_one(DetailsEditor).updated_story().title)

        def answer(choice: str | None) -> None:
            self._asking = False
            if choice == "discard":
                self._discarded = True
                (then or self.dismiss)()
                return
            type_into(self.focused, dialog.typed)
            if choice in ("restore", "new") and self._put_back(as_new=choice == "new"):
                if then is not None:
                    then()

        self.app.push_screen(dialog, answer)

    def _put_back(self, *, as_new: bool) -> bool:
        """Write the story again from what the form holds; True when it is saved."""
        details = self.query_one(DetailsEditor)
        story = details.updated_story()
        story.id = self.story_id
        story.fields = {e.spec.key: e.text for e in self._editors()}
        try:
            new_id = editing.put_back(self.coach.store, story, as_new=as_new)
        except StoreError as exc:
            self.notify(f"Not saved yet: {exc}", severity="error", timeout=8)
            return False
        store = self.coach.store
        saved = store.story(new_id)
        self.story_id = new_id
        self._gone = False
        self._failure = None
        details.mark_saved(saved)
        if saved.title != story.title:
            details.query_one("#meta-title", Input).value = saved.title
        for editor in self._editors():
            text, rev = store.field_state(new_id, editor.spec.key)
            editor.mark_saved(text, rev)
        self.sub_title = saved.title
        self._show_state()
        how = f"saved as a new story, “{saved.title}”" if as_new else "restored"
        self.notify(f"{saved.title}: {how}, with everything typed here.")
        return True
