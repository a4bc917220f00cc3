"""The progress screen's stories: their history and readiness, a page at a time.

Each story takes two lines: its name, and under it, indented, why it is or is not
ready, so that neither is cut. As the terminal narrows, the secondary columns go first
(the last mean rating, how many times, when last), leaving the name the room.
"""

from __future__ import annotations

from rich.text import Text, TextType
from textual.widgets.data_table import RowKey

from coach.tui.widgets.story_table import StoryTable

COLUMNS: list[tuple[str, int | None]] = [
    ("Story", 30),
    ("Times", 5),
    ("Last", 13),
    ("Mean", 4),
    ("Readiness", 9),
]
DROP = ("mean", "times", "last")
"""The columns left out, in this order, when the name would have less than NAME_ROOM."""
NAME_ROOM = 46
ROW_HEIGHT = 2


class ProgressTable(StoryTable):
    """Stories with their progress, two lines each."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(COLUMNS, markup=True, drop=DROP, title_room=NAME_ROOM, **kwargs)

    def add_row(
        self,
        *cells: Text,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        """Every line of a cell is cut at the column's edge, never wrapped into the next."""
        for cell in cells:
            cell.no_wrap = True
            cell.overflow = "ellipsis"
        return super().add_row(*cells, height=ROW_HEIGHT, key=key, label=label)
