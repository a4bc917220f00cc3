"""The story bank: every story, searchable and filterable, and the way into each."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import DataTable, Header, Input, Static

from coach.core.checks import Completeness
from coach.core.stories import Story
from coach.core.text import short_when
from coach.services.stories import RANK_LIMIT, StoryRow, checked_stories
from coach.tui.screens.bank_actions import BankActions
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.story_table import Row, StoryTable

SEARCH_DELAY = 0.15
"""Seconds of quiet in the search box before the table follows it."""
TITLE_ROOM = 34
"""Cells the title keeps: tags, then the time changed, then the form, are left out first."""


class BankScreen(BankActions):
    """Browse, search and manage stories."""

    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("e", "edit", "Edit"),
        Binding("r", "rehearse", "Rehearse"),
        Binding("R", "rehearse_due", "Rehearse most due", show=False),
        Binding("D", "drill", "Drill"),
        Binding("ctrl+d", "drill_all", "Drill every story", show=False),
        Binding("M", "mock", "Mock interview", show=False),
        Binding("d", "duplicate", "Duplicate", show=False),
        Binding("a", "archive", "Archive"),
        Binding("delete,x", "delete", "Delete"),
        Binding("slash", "search", "Search", show=False),
        Binding("v", "toggle_archived", "Archived", show=False),
        Binding("p", "progress", "Progress"),
        Binding("s", "sheet", "Sheet"),
        Binding("space", "mark", "Mark for export, then down", show=False),
        Binding("o", "export", "Export"),
        Binding("escape", "clear", "Clear search", show=False),
        Binding("l", "load_samples", "Load samples", show=False),
        Binding("L", "remove_samples", "Remove the samples", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False
        self._search_timer: Timer | None = None
        self.marked: set[int] = set()
        self._filters_ready = False
        """Stories marked (space) for an export."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder="/ search every field", id="search")
        yield StoryTable(
            [("Title", None), ("Form", 8), ("Tags", 22), ("Ready", 16), ("Changed", 10)],
            drop=("tags", "changed", "form"),
            title_room=TITLE_ROOM,
            id="stories",
        )
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StoryTable).focus()
        self.call_after_refresh(self._mount_filters)
        if self.coach.new_template is not None:
            template, self.coach.new_template = self.coach.new_template, None
            self.call_after_refresh(self.action_new, template)
        elif self.coach.offer_samples and self.coach.store.is_empty():
            self.call_after_refresh(self._offer_samples)
        else:
            self.call_after_refresh(self._offer_unfinished_mock)

    def _offer_unfinished_mock(self) -> None:
        """A mock interview left unfinished (the app closed during it) is offered first."""
        if not self.coach.store.any_unfinished_mock():
            return  # the usual start: the mock's modules stay unimported
        from coach.tui.screens.mock_resume import offer_unfinished_mock

        offer_unfinished_mock(self)

    def on_screen_resume(self) -> None:
        """On first show and on every return from a form: the table first, filters after."""
        table = self.query_one(StoryTable)
        self.reload(keep=table.current_key)
        table.focus()
        self.call_after_refresh(self.refresh_filters)

    async def _mount_filters(self) -> None:
        """The drop-downs come just after the first frame: three Selects are a third of
        the bank's start-up work, and the rows matter first."""
        from textual.widgets import Select

        selects = (
            Select[str]([], prompt="any tag", id="tag"),
            Select[str](
                [(name, name) for name in self.coach.templates.names()],
                prompt="any form",
                id="template",
            ),
            Select[str]([], prompt="any competency", id="competency"),
        )
        try:
            await self.query_one("#filters").mount(*selects)
        except MountError:
            return  # the app closed before its second frame
        self._filters_ready = True
        self.refresh_filters()

    # -- the table ------------------------------------------------------------------

    def _filters(self) -> dict[str, Any]:
        from textual.widgets import Select

        def value(select_id: str) -> str | None:
            found = self.query(select_id)
            chosen = found.first(Select).value if found else None
            return chosen if isinstance(chosen, str) else None

        return {
            "search": self.query_one("#search", Input).value or None,
            "tag": value("#tag"),
            "template": value("#template"),
            "competency": value("#competency"),
            "archived": self.show_archived,
        }

    def _cells(self, row: StoryRow, done: Completeness) -> list[str]:
        form = (
            row.template if row.template in self.coach.templates.templates else f"{row.template}?"
        )
        tags = ", ".join(row.tags)
        ready = f"{done.filled}/{done.total}"
        if done.findings:
            ready += f" · {len(done.findings)} to fix"
        title = f"✓ {row.title}" if row.id in self.marked else row.title
        return [title, form, tags, ready, short_when(row.updated_at)]

    def _fetch(self, filters: dict[str, Any], ranked: bool) -> Any:
        store = self.coach.store

        def fetch(offset: int, limit: int) -> list[Row]:
            rows = store.list_stories(**filters, limit=limit, offset=offset, ranked=ranked)
            done = checked_stories(store, self.coach.templates, rows)
            return [(str(r.id), self._cells(r, done[r.id])) for r in rows]

        return fetch

    def reload(self, keep: str | None = None, near: int | None = None) -> None:
        """Fill the table anew, the cursor on row `keep`, or else at index `near`."""
        from coach.core.errors import InputError

        filters = self._filters()
        try:
            total = self.coach.store.count_stories(**filters, cap=RANK_LIMIT)
            fetch = self._fetch(filters, ranked=total <= RANK_LIMIT)
            self.query_one(StoryTable).reset(total, fetch, keep=keep, near=near)
        except InputError as exc:
            self.notify(f"Could not read the bank: {exc}", severity="error", timeout=10)
            return
        self.query_one("#status", Static).update(Text(self._status(total, filters)))

    def _status(self, total: int, filters: dict[str, Any]) -> str:
        kind = "archived " if self.show_archived else ""
        shown = f"{RANK_LIMIT}+" if total > RANK_LIMIT else str(total)
        status = f"{shown} {kind}stor{'y' if total == 1 else 'ies'}"
        if filters["search"]:
            status += f" matching {filters['search']!r}"
        if self.marked:
            status += f" · {len(self.marked)} marked for export (o exports, space unmarks)"
        narrowed = any(filters[k] for k in ("search", "tag", "template", "competency"))
        if not total and narrowed:
            status = "No story matches: esc clears the search; the drop-downs clear the filters."
        elif not total and not self.show_archived and self.coach.store.is_empty():
            status = "No stories yet: press n to write one, or l to load the samples."
        return status

    def refresh_filters(self) -> None:
        store = self.coach.store
        if not self._filters_ready:
            return  # not mounted yet: _mount_filters fills them in
        from textual.widgets import Select

        for select_id, column in (("#tag", "tags"), ("#competency", "competencies")):
            select = self.query_one(select_id, Select)
            current = select.value
            values = store.distinct(column)
            select.set_options([(v, v) for v in values])
            if isinstance(current, str) and current in values:
                select.value = current

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.reload)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.reload()
        self.query_one(StoryTable).focus()

    def on_select_changed(self) -> None:
        """A filter drop-down changed (Select is imported only when the filters mount)."""
        self.reload()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit()

    def _selected(self) -> int | None:
        key = self.query_one(StoryTable).current_key
        if key is None:
            self.notify("No story selected.", severity="warning")
            return None
        return int(key)

    # -- actions --------------------------------------------------------------------

    def open_story(self, story_id: int) -> None:
        from coach.tui.screens.form import FormScreen

        self.app.push_screen(FormScreen(story_id))

    def action_new(self, template: str = "project") -> None:
        from coach.tui.screens.dialogs import NewStoryDialog

        def create(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            title, name = answer
            done, story_id = self._written(
                f"create {title!r}", lambda: self.coach.store.create_story(Story(title, name))
            )
            if not done or story_id is None:
                return
            self.reload(keep=str(story_id))
            self.open_story(story_id)

        self.app.push_screen(NewStoryDialog(self.coach.templates, template), create)

    def action_edit(self) -> None:
        story_id = self._selected()
        if story_id is None:
            return
        row = self.coach.store.row(story_id)
        if row is not None and row.template not in self.coach.templates.templates:
            self.notify(
                f"This story uses the template {row.template!r}, which is not installed; "
                "add it to your templates folder to edit the story.",
                severity="error",
            )
            return
        self.open_story(story_id)

    def action_rehearse(self) -> None:
        story_id = self._selected()
        if story_id is not None:
            self.coach.start_rehearsal(story_id)

    def action_rehearse_due(self) -> None:
        from coach.services.rehearsals import most_in_need

        story_id = most_in_need(self.coach.store, self.coach.question_sets)
        if story_id is None:
            self.notify("No story to rehearse yet: write one (n) or load the samples (l)")
            return
        self.coach.start_rehearsal(story_id)

    def action_drill(self) -> None:
        """Re-ask the selected story's follow-ups last rated weak or very weak."""
        from coach.services.drill import Scope, nothing_to_drill
        from coach.tui.screens.drill import open_drill

        story_id = self._selected()
        row = None if story_id is None else self.coach.store.row(story_id)
        if story_id is not None and row is not None:
            empty = f"{nothing_to_drill(row.title)} ctrl+d drills every story."
            open_drill(self.app, Scope(story_id), empty=empty)

    def action_drill_all(self) -> None:
        from coach.services.drill import Scope, nothing_to_drill
        from coach.tui.screens.drill import open_drill

        open_drill(self.app, Scope(), empty=nothing_to_drill())

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            self.reload()
        self.query_one(StoryTable).focus()

    def action_progress(self) -> None:
        from coach.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_sheet(self) -> None:
        from coach.tui.screens.preview import SheetPreview

        story_id = self._selected()
        if story_id is not None:
            self.app.push_screen(SheetPreview(story_id))

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()
