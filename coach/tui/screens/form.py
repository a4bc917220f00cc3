"""The guided form: every field of a story, saved as it is typed."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Header, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from coach.core.checks import compared_elsewhere
from coach.core.dismissals import can_dismiss
from coach.core.findings import Finding
from coach.core.redflags import red_flags
from coach.core.templates import FormTemplate
from coach.services import editing
from coach.services.stories import (
    StoreError,
    dismiss_findings,
    dismissals_by_field,
    undo_dismissals,
)
from coach.tui.screens.form_saving import LABELS, StoryForm
from coach.tui.widgets.details import DetailsEditor
from coach.tui.widgets.field_editor import CHECK_PAUSE, FieldEditor
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.guide import Guide

SAVE_EVERY = 0.5
"""Seconds between saves of what was typed: the most typing a crash can lose."""


class FormScreen(StoryForm):
    """Edit one story through its template's form."""

    BINDINGS = [
        Binding("escape", "back", "Back to bank"),
        Binding("ctrl+a", "select_all", "Select all", priority=True),
        Binding("ctrl+down", "next_field", "Next field", priority=True),
        Binding("ctrl+up", "previous_field", "Previous field", priority=True),
        Binding("ctrl+o", "dismiss_findings", "Dismiss checks", priority=True),
        Binding("f2", "toggle_focus_mode", "One field / whole form", priority=True),
        Binding("ctrl+r", "revisions", "Earlier versions", priority=True),
        Binding("f3", "toggle_guide", "Hide/show guide", priority=True),
        Binding("f4", "toggle_outline", "Fields list", priority=True),
    ]

    def __init__(self, story_id: int) -> None:
        super().__init__(story_id)
        self.current = "details"
        self._warned = False
        self._flags_due = False
        """A field changed since the red flags (found across the whole story) were looked for."""
        self._last_edit = float("-inf")
        """When a field was last typed in (the app's clock)."""
        self._marks: dict[str, str] = {}
        """Each field's line in the outline as shown, so an unchanged mark is not redrawn."""
        self._show_guide: bool | None = None
        """The user's F3 choice; None follows the terminal's width."""
        self._show_outline: bool | None = None
        """The user's F4 choice; None shows it (narrower on a narrow terminal)."""
        self._widths: dict[TextArea, int] = {}
        """Each field's text width when last drawn (see _redraw_text)."""

    def compose(self) -> ComposeResult:
        store = self.coach.store
        story = store.story(self.story_id)
        self.template: FormTemplate = self.coach.templates.get(story.template)
        self.sub_title = story.title
        dismissed = dismissals_by_field(store, self.story_id)
        yield Header()
        with Horizontal(id="form-body"):
            yield OptionList(id="outline")
            with VerticalScroll(id="form", can_focus=False):  # no stop that swallows typing
                yield DetailsEditor(story, self.template.title)
                for spec in self.template.fields:
                    text, rev = store.field_state(self.story_id, spec.key)
                    yield FieldEditor(
                        spec, text, rev, self.template.vague_words, dismissed.get(spec.key, ())
                    )
            yield Guide(id="guide")
        yield Static("", id="save-state", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fill_outline()
        self.query_one(Guide).show_template(self.template)
        self._refresh_flags()
        self.set_interval(SAVE_EVERY, self._tick)
        self.screen_layout_refresh_signal.subscribe(self, self._redraw_text)
        self.go_to(self.template.fields[0].key)

    def on_resize(self) -> None:
        self._layout()

    def _layout(self) -> None:
        """Narrow terminals drop the guide (F3 brings it back) and narrow the outline (F4
        hides it); at 80 columns the guide brought back takes the outline's place."""
        width = self.size.width
        guide = self.query_one(Guide)
        guide.display = self._show_guide if self._show_guide is not None else width >= 110
        outline = self.query_one("#outline")
        roomy = width >= 90 or not guide.display  # narrow: the outline or the guide
        outline.display = self._show_outline if self._show_outline is not None else roomy
        outline.set_class(width < 90, "narrow")
        self._show_state()

    def _redraw_text(self, screen: object) -> None:
        """Draw a field again once it has rewrapped to a new width. A text area rewraps
        its text after its resize, but lines drawn at the new size before that stayed on
        screen: words seemed lost where lines wrap (after F2, F3, F4 or a resize)."""
        for area in self.query(TextArea):
            width = area.scrollable_content_region.width
            if self._widths.get(area) != width:
                self._widths[area] = width
                area.call_later(area.refresh)

    # -- the outline ---------------------------------------------------------------

    def _mark(self, editor: FieldEditor) -> str:
        if not editor.text.strip():
            return "·"
        return "!" if editor.findings else "✓"

    def _fill_outline(self) -> None:
        outline = self.query_one("#outline", OptionList)
        options = [Option("  Details", id="details")]
        self._marks = {e.spec.key: f"{self._mark(e)} {e.spec.label}" for e in self._editors()}
        options += [Option(Text(line), id=key) for key, line in self._marks.items()]
        outline.set_options(options)

    def _refresh_flags(self) -> None:
        """Look for the story's red flags in what the fields say now, and show each on its
        field. Done on the save tick once typing pauses, as a field's own checks are (see
        FieldEditor): they read the whole story, and while typing they would hold keys up."""
        self._flags_due = False
        editors = self._editors()
        fields = {e.spec.key: e.text for e in editors}
        flags = red_flags(self.template, fields)
        compared = compared_elsewhere(fields)
        for editor in editors:
            key = editor.spec.key
            if editor.show_flags([f for f in flags if f.key == key], compared[key]):
                self._update_mark(editor)

    def _update_mark(self, editor: FieldEditor) -> None:
        """The field's mark in the outline, redrawn only when it changed."""
        prompt = f"{self._mark(editor)} {editor.spec.label}"
        if self._marks.get(editor.spec.key) == prompt:
            return
        self._marks[editor.spec.key] = prompt
        outline = self.query_one("#outline", OptionList)
        outline.replace_option_prompt(editor.spec.key, Text(prompt))

    @on(OptionList.OptionSelected, "#outline")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)

    def _keys(self) -> list[str]:
        return ["details", *self.template.keys]

    def go_to(self, key: str) -> None:
        self.current = key
        self._apply_focus_mode()
        target = self.query_one(DetailsEditor) if key == "details" else self._editor(key)
        target.focus_text()

    def _editor(self, key: str) -> FieldEditor:
        return self.query_one(f"#field-{key}", FieldEditor)

    def _apply_focus_mode(self) -> None:
        one = self.has_class("one-field")
        for widget in self.query(".field-editor"):
            widget.display = not one or widget.id in (f"field-{self.current}", self.current)

    # -- following focus and edits ----------------------------------------------------

    @on(FieldEditor.Focused)
    def _field_focused(self, event: FieldEditor.Focused) -> None:
        editor = event.editor
        self.current = editor.spec.key
        self.query_one(Guide).show_field(editor.spec)
        self.query_one("#outline", OptionList).highlighted = self._keys().index(self.current)
        if not editor.dirty:
            text, rev = self.coach.store.field_state(self.story_id, editor.spec.key)
            if rev != editor.rev:
                editor.set_dismissals(
                    dismissals_by_field(self.coach.store, self.story_id).get(editor.spec.key, [])
                )
                editor.load(text, rev)
                self._flags_due = True
                self.notify(f"{editor.spec.label}: updated from another window")

    @on(DetailsEditor.Focused)
    def _details_focused(self, event: DetailsEditor.Focused) -> None:
        self.current = "details"
        self.query_one(Guide).show_template(self.template)
        self.query_one("#outline", OptionList).highlighted = 0

    @on(DetailsEditor.Edited)
    def _details_edited(self, event: DetailsEditor.Edited) -> None:
        self._warned = False

    @on(FieldEditor.Edited)
    def _field_edited(self, event: FieldEditor.Edited) -> None:
        self._flags_due = True
        self._last_edit = self.coach.clock()

    @on(FieldEditor.Checked)
    def _field_checked(self, event: FieldEditor.Checked) -> None:
        self._update_mark(event.editor)

    # -- saving -----------------------------------------------------------------------

    def _tick(self) -> None:
        self.flush()
        if self._flags_due and self.coach.clock() - self._last_edit >= CHECK_PAUSE:
            self._refresh_flags()

    # -- actions ----------------------------------------------------------------------

    def held_back(self) -> bool:
        """Warn, once, that a title or date typed here cannot be saved; True if warned now."""
        problems = self.query_one(DetailsEditor).problems()
        if not problems or self._warned:
            return False
        self._warned = True
        self.notify(
            "\n".join(problems) + "\nPress the key again to leave without these changes.",
            severity="warning",
            timeout=8,
        )
        return True

    def action_back(self) -> None:
        self.leave(self.dismiss)

    def _step(self, delta: int) -> None:
        keys = self._keys()
        index = (keys.index(self.current) + delta) % len(keys)
        self.go_to(keys[index])

    def action_next_field(self) -> None:
        self._step(1)

    def action_previous_field(self) -> None:
        self._step(-1)

    def action_toggle_focus_mode(self) -> None:
        """One field or the whole form: the cursor stays where it was, and in view."""
        self.toggle_class("one-field")
        self._apply_focus_mode()
        target: DetailsEditor | FieldEditor = (
            self.query_one(DetailsEditor)
            if self.current == "details"
            else self._editor(self.current)
        )
        if not target.has_focus_within:
            target.focus_text()
        self.call_after_refresh(self._reveal, target)

    def _reveal(self, target: Widget) -> None:
        """Scroll the form to the field being edited (its top, if the cursor's line fits
        with it) once the layout has changed under it."""
        form = self.query_one("#form", VerticalScroll)
        focused = self.app.focused
        line = focused.cursor_screen_offset.y if isinstance(focused, (TextArea, Input)) else 0
        cursor_y = line - form.content_region.y + form.scroll_y
        form.scroll_to_widget(target, animate=False, top=True, immediate=True)
        if line:
            form.scroll_to_region(Region(0, int(cursor_y), 1, 1), animate=False, immediate=True)

    def action_toggle_guide(self) -> None:
        self._show_guide = not self.query_one(Guide).display
        self._layout()

    def action_toggle_outline(self) -> None:
        self._show_outline = not self.query_one("#outline").display
        self._layout()

    def action_select_all(self) -> None:
        """Select the whole text of the field or detail being edited: what is typed next
        replaces it."""
        focused = self.app.focused
        if isinstance(focused, (TextArea, Input)):
            focused.select_all()

    def action_revisions(self) -> None:
        from coach.tui.screens.dialogs import RevisionsDialog

        self.flush()
        if self.current == "details":
            self._detail_revisions()
            return
        editor = self._editor(self.current)
        revisions = self.coach.store.revisions(self.story_id, editor.spec.key)
        if len(revisions) < 2:
            self.notify(f"{editor.spec.label}: no earlier version yet.")
            return

        def restore(text: str | None) -> None:
            if text is None:
                return
            self.flush()
            editor.restore(text)
            editor.focus_text()
            try:
                result = editing.save_field(
                    self.coach.store,
                    self.story_id,
                    editor.spec.key,
                    text,
                    editor.rev,
                    new_revision=True,
                )
            except StoreError:
                self.notify(f"{editor.spec.label}: earlier version restored, not saved yet.")
                return
            editor.mark_saved(text, result.rev)
            self.notify(f"{editor.spec.label}: earlier version restored (saved as a new one).")

        self.app.push_screen(RevisionsDialog(editor.spec.label, revisions), restore)

    def _detail_revisions(self) -> None:
        """Earlier versions of the detail being edited; one chosen is put back as an edit."""
        from coach.tui.screens.dialogs import RevisionsDialog

        focused = self.app.focused
        key = (focused.id or "").removeprefix("meta-") if isinstance(focused, Input) else ""
        if key not in LABELS or not isinstance(focused, Input):
            self.notify("Pick a field or a detail first: versions are kept for each.")
            return
        label = LABELS[key]
        revisions = editing.detail_revisions(self.coach.store, self.story_id, key)
        if len(revisions) < 2:
            self.notify(f"{label}: no earlier version yet.")
            return

        def restore(text: str | None) -> None:
            if text is not None:
                focused.value = text
                focused.focus()
                self.notify(f"{label}: earlier version restored.")

        self.app.push_screen(RevisionsDialog(label, revisions), restore)

    def action_dismiss_findings(self) -> None:
        """I mean it: dismiss the checks shown on this field, stored at once; they stay
        dismissed until its text changes. Pressed again, it brings them back."""
        if self.current == "details":
            self.notify("Pick a field first: checks are dismissed field by field.")
            return
        editor = self._editor(self.current)
        editor.check_now()
        live = [f for f in editor.findings if can_dismiss(f)]
        store = self.coach.store
        self.flush()
        try:
            with editing.briefly(store):
                self._dismiss_or_undo(editor, live)
        except StoreError as exc:
            self.notify(f"Not dismissed: {exc}", severity="error", timeout=8)
            return
        self._update_mark(editor)

    def _dismiss_or_undo(self, editor: FieldEditor, live: list[Finding]) -> None:
        store = self.coach.store
        label, key = editor.spec.label, editor.spec.key
        if live:
            dismiss_findings(store, self.story_id, live, editor.text)
            editor.set_dismissals(dismissals_by_field(store, self.story_id).get(key, []))
            stay, them = ("It stays", "it") if len(live) == 1 else ("They stay", "them")
            self.notify(
                f"{label}: dismissed {_names(live)}. {stay} dismissed until you change "
                f"the text; ctrl+o brings {them} back."
            )
        elif editor.dismissed:
            names = _names(editor.dismissed)
            undo_dismissals(store, self.story_id, key)
            editor.set_dismissals([])
            self.notify(f"{label}: {names} back.")
        elif editor.findings:
            self.notify(f"{label}: nothing written yet, so nothing to dismiss.")
        else:
            self.notify(f"{label}: no check to dismiss.")


def _names(findings: list[Finding]) -> str:
    """What the findings are, in a few words: 'vague', 'no figure, red flag (leaky-split)'."""
    names = (f.message.split(":")[0].strip() + (f" ({f.flag})" if f.flag else "") for f in findings)
    return ", ".join(dict.fromkeys(names))
