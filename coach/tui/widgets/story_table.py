"""The bank's table: a page of rows at a time, more fetched as the user scrolls down."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from coach.core.text import visible

Row = tuple[str, Sequence[str]]
"""A row key and its cells."""
Fetch = Callable[[int, int], list[Row]]
"""fetch(offset, limit): the rows from `offset`, at most `limit` of them."""


class StoryTable(DataTable[Text]):
    """A DataTable that holds only the pages of rows looked at so far.

    A bank of 10,000 stories opens as fast as one of 100: the rest load when the
    cursor or the scroll bar comes near the last row loaded. The first column (the
    title) takes the room; as the terminal narrows, the others are left out in the
    order `drop` gives, so that the title keeps at least `title_room` cells.
    """

    PAGE = 40
    MARGIN = 15
    BINDINGS = [
        Binding("home", "first_row", "First story", show=False),
        Binding("end", "last_row", "Last story", show=False),
    ]

    def __init__(
        self,
        columns: Sequence[tuple[str, int | None]],
        *,
        markup: bool = False,
        drop: Sequence[str] = (),
        title_room: int = 16,
        **kwargs: object,
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self._all = [(label, label.lower(), width or 0) for label, width in columns]
        self._drop = list(drop)
        self._title_room = title_room
        self._shown: list[int] = []
        """Which of the columns are shown, by index."""
        self._cells: dict[str, list[str]] = {}
        """Every loaded row's cells, shown or not, by row key."""
        self._markup = markup
        """Cells are Rich markup (the caller escapes user text) rather than plain text."""
        self._fetch: Fetch = lambda offset, limit: []
        self.total = 0
        self._loading = False

    def on_mount(self) -> None:
        self._fit(self.size.width)

    def on_resize(self) -> None:
        self._fit(self.size.width)

    def _room(self, width: int) -> int:
        """The cells a table `width` wide leaves its columns (the scroll bar kept free)."""
        return width - self.styles.scrollbar_size_vertical - 1

    def _fitting(self, width: int) -> list[int]:
        keys = [key for _, key, _ in self._all]
        shown = list(range(len(self._all)))
        pad = 2 * self.cell_padding
        for key in ["", *self._drop]:
            if key in keys:
                shown.remove(keys.index(key))
            used = sum(self._all[i][2] + pad for i in shown[1:]) + pad
            if self._room(width) - used >= self._title_room:
                break
        return shown

    def _fit(self, width: int) -> None:
        """Choose the columns for `width` (rebuilding the table if they change) and give the
        title what the others leave."""
        shown = self._fitting(width)
        if shown != self._shown:
            self._rebuild(shown)
        first, *rest = self.columns.values()
        others = sum(c.width + 2 * self.cell_padding for c in rest)
        first.width = max(self._title_room, self._room(width) - others - 2 * self.cell_padding)
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    def _rebuild(self, shown: list[int]) -> None:
        cursor = self.cursor_row
        self._shown = shown
        self._loading = True
        try:
            self.clear(columns=True)
            for i in shown:
                label, key, width = self._all[i]
                self.add_column(label, key=key, width=width or self._title_room)
            for key, cells in self._cells.items():
                self._add(key, cells)
        finally:
            self._loading = False
        if 0 < cursor < self.row_count:
            self.move_cursor(row=cursor)

    def _add(self, key: str, cells: Sequence[str]) -> None:
        self.add_row(*(self._text(cells[i]) for i in self._shown), key=key)

    def reset(
        self, total: int, fetch: Fetch, *, keep: str | None = None, near: int | None = None
    ) -> None:
        """Show a new result set, keeping the cursor on row `keep` if it is still there, or
        else at the index `near` (the row that took the place of one just removed)."""
        self.total = total
        self._fetch = fetch
        self._cells = {}
        self._loading = True
        try:
            self.clear()
        finally:
            self._loading = False
        self._load_more()
        if keep is not None and self.select(keep):
            return
        if near is not None and self.row_count:
            while near >= self.row_count and self.row_count < self.total:
                before = self.row_count
                self._load_more()
                if self.row_count == before:
                    break
            self.move_cursor(row=min(near, self.row_count - 1))

    def select(self, key: str) -> bool:
        """Move the cursor to the row with this key if it is loaded."""
        try:
            index = self.get_row_index(key)
        except Exception:  # noqa: BLE001 - RowDoesNotExist: nothing to select
            return False
        self.move_cursor(row=index)
        return True

    def _load_more(self, limit: int | None = None) -> None:
        loaded = self.row_count
        if self._loading or (loaded >= self.total and loaded):
            return
        self._loading = True
        try:
            for key, cells in self._fetch(loaded, limit or self.PAGE):
                self._cells[key] = list(cells)
                self._add(key, cells)
        finally:
            self._loading = False

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """The last story of the whole result, loading every row up to it."""
        if self.row_count < self.total:
            self._load_more(self.total - self.row_count)
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self.cursor_row >= self.row_count - self.MARGIN:
            self._load_more()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new >= self.max_scroll_y - self.MARGIN:
            self._load_more()

    def _text(self, cell: str) -> Text:
        text = Text.from_markup(visible(cell)) if self._markup else Text(visible(cell))
        text.overflow = "ellipsis"  # a cut title shows it is cut
        return text

    def set_cell(self, key: str, column: str, text: str) -> None:
        """Change one cell's text (kept for when its column is shown again)."""
        keys = [k for _, k, _ in self._all]
        if key in self._cells and column in keys:
            self._cells[key][keys.index(column)] = text
        if column in self.columns:
            self.update_cell(key, column, self._text(text))

    def neighbour(self) -> tuple[str | None, int]:
        """The key of the row the cursor should go to when the current one leaves the list
        (the next, or the previous at the end), and the current index."""
        index = self.cursor_row
        for other in (index + 1, index - 1):
            if 0 <= other < self.row_count:
                row_key, _ = self.coordinate_to_cell_key(Coordinate(other, 0))
                return row_key.value, index
        return None, index

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
