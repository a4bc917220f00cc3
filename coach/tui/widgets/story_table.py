"""The bank's table: a page of rows at a time, more fetched as the user scrolls down."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, Sequence[str]]
"""A row key and its cells."""
Fetch = Callable[[int, int], list[Row]]
"""fetch(offset, limit): the rows from `offset`, at most `limit` of them."""


class StoryTable(DataTable[Text]):
    """A DataTable that holds only the pages of rows looked at so far.

    A bank of 10,000 stories opens as fast as one of 100: the rest load when the
    cursor or the scroll bar comes near the last row loaded.
    """

    PAGE = 40
    MARGIN = 15

    def __init__(
        self, columns: Sequence[tuple[str, int | None]], *, markup: bool = False, **kwargs: object
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self._columns = columns
        self._markup = markup
        """Cells are Rich markup (the caller escapes user text) rather than plain text."""
        self._fetch: Fetch = lambda offset, limit: []
        self.total = 0
        self._loading = False

    def on_mount(self) -> None:
        for label, width in self._columns:
            self.add_column(label, key=label.lower(), width=width)

    def on_resize(self) -> None:
        """The first column takes whatever width the others leave."""
        if not self.columns:
            return
        first, *rest = self.columns.values()
        others = sum(c.width + 2 * self.cell_padding for c in rest)
        first.width = max(16, self.size.width - others - 2 * self.cell_padding - 1)
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    def reset(self, total: int, fetch: Fetch, *, keep: str | None = None) -> None:
        """Show a new result set, keeping the cursor on row `keep` if it is still there."""
        self.total = total
        self._fetch = fetch
        self._loading = True
        try:
            self.clear()
        finally:
            self._loading = False
        self._load_more()
        if keep is not None:
            self.select(keep)

    def select(self, key: str) -> bool:
        """Move the cursor to the row with this key if it is loaded."""
        try:
            index = self.get_row_index(key)
        except Exception:  # noqa: BLE001 - RowDoesNotExist: nothing to select
            return False
        self.move_cursor(row=index)
        return True

    def _load_more(self) -> None:
        loaded = self.row_count
        if self._loading or (loaded >= self.total and loaded):
            return
        self._loading = True
        try:
            for key, cells in self._fetch(loaded, self.PAGE):
                self.add_row(*(self._text(cell) for cell in cells), key=key)
        finally:
            self._loading = False

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self.cursor_row >= self.row_count - self.MARGIN:
            self._load_more()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new >= self.max_scroll_y - self.MARGIN:
            self._load_more()

    def _text(self, cell: str) -> Text:
        return Text.from_markup(cell) if self._markup else Text(cell)

    def set_cell(self, key: str, column: str, text: str) -> None:
        """Change one cell's text."""
        self.update_cell(key, column, self._text(text))

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
