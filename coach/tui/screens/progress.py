"""Progress over the whole bank: streaks, trend plots, weakest follow-ups, what is due,
coverage, and every story's history and readiness.

The first frame shows at once; the figures are read as the screen is shown, in a worker
thread that has SQLite read in two more (each on a connection of its own) while it does
the slow imports, and fill in after. Of the stories table's first page, only the stories
it shows unscrolled are checked before that; the others say "checking…" for the moment
it takes to check them once the screen is drawn. Then, in one more worker, the common
interview questions are matched against the bank for their panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from coach.core.clock import utc_now
from coach.core.text import plural
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.progress_table import ProgressTable
from coach.tui.widgets.story_table import Row, StoryTable

if TYPE_CHECKING:
    from coach.services.matching import CoverageReport
    from coach.services.progress import PaceRow, Progress, StoryProgress, TrendRow
    from coach.services.progress_view import FirstView

NARROW = 140
"""Below this width the weakest follow-ups and what comes back are stacked, not side by side."""
FIRST_ROWS = 7
"""The stories the table shows before it is scrolled (14 lines under its header, two a
story): checked before the screen fills in; the rest of its first page just after."""


class ProgressScreen(CoachScreen):
    """What the rehearsals so far add up to."""

    DEFAULT_CSS = """
    ProgressScreen #progress { height: 1fr; padding: 0 1; }
    ProgressScreen #progress-head { height: auto; margin-top: 1; }
    ProgressScreen #progress-caption { height: auto; margin-top: 1; color: $text-muted; }
    ProgressScreen #progress-caption.empty { display: none; }
    ProgressScreen #progress-plots { height: 12; }
    ProgressScreen #progress-plots.empty { display: none; }
    ProgressScreen #progress-heard-caption { height: auto; margin-top: 1; color: $text-muted; }
    ProgressScreen #progress-heard { height: 10; }
    ProgressScreen #progress-heard-caption.empty { display: none; }
    ProgressScreen #progress-heard.empty { display: none; }
    ProgressScreen #progress-lists { height: auto; margin-top: 1; }
    ProgressScreen #progress-weakest { width: 2fr; height: auto; margin-right: 2; }
    ProgressScreen #progress-due { width: 3fr; height: auto; }
    ProgressScreen #progress-lists.narrow { layout: vertical; }
    ProgressScreen #progress-lists.narrow Static { width: 1fr; margin: 0 0 1 0; }
    ProgressScreen #progress-lists.narrow #progress-due { margin: 0; }
    ProgressScreen #progress-coverage { height: auto; margin-top: 1; }
    ProgressScreen #progress-common { height: auto; margin-top: 1; }
    ProgressScreen #progress-stories { height: 14; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape,q", "close", "Back to bank"),
        Binding("r", "rehearse", "Rehearse story"),
        Binding("enter", "plot_story", "Plot story", show=False),
        Binding("a", "plot_all", "Plot all stories"),
        Binding("s", "stories", "Stories"),
    ]

    def __init__(self, now: dt.datetime | None = None) -> None:
        super().__init__()
        self.fixed_now = now
        """The time the figures are as of; None for the clock's (tests fix it)."""
        self.report: Progress | None = None
        self.filled = False
        """True once every figure and plot is in place, and the stories the table shows."""
        self.checked = False
        """True once the stories of the table's first page are checked, those out of view too."""
        self.covered = False
        """True once the common questions panel is filled (read after the figures)."""
        self._stale = True
        self._reading: FirstView | None = None

    @property
    def now(self) -> dt.datetime:
        return self.fixed_now or utc_now()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            yield Static("Reading your practice history…", id="progress-head")
            yield Static(id="progress-caption", classes="empty")
            yield Horizontal(id="progress-plots", classes="empty")
            yield Static(id="progress-heard-caption", classes="empty")
            yield Horizontal(id="progress-heard", classes="empty")
            with Horizontal(id="progress-lists"):
                yield Static(id="progress-weakest")
                yield Static(id="progress-due")
            yield Static(id="progress-coverage")
            yield Static(id="progress-common")
            yield ProgressTable(id="progress-stories")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "progress"

    def on_resize(self) -> None:
        self.query_one("#progress-lists").set_class(self.size.width < NARROW, "narrow")

    def on_screen_resume(self) -> None:
        """On first show and on return from a rehearsal started here: read the figures."""
        if self._stale:
            self._stale = False
            self.filled = self.checked = self.covered = False
            self._load(self.now)

    @work(thread=True, exclusive=True, group="progress")
    def _load(self, now: dt.datetime) -> None:
        from coach.services.progress_view import FirstView

        host = self.coach
        reading = FirstView(host.workspace.reader, now, StoryTable.PAGE, FIRST_ROWS)
        # the slow imports, while SQLite reads in threads of its own
        import coach.tui.widgets.progress_text  # noqa: F401

        if reading.practised:
            import coach.tui.widgets.trend_plot  # noqa: F401
        report, first = reading.result(host.templates, host.question_sets)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, report, first, reading)

    def _show(self, report: Progress, first: list[StoryProgress], reading: FirstView) -> None:
        from coach.tui.widgets import progress_text as text

        self.report = report
        self.query_one("#progress-head", Static).update(text.head(report))
        practised = bool(report.totals.answers)
        lists = self.query_one("#progress-lists")
        lists.display = practised
        if practised:
            self.query_one("#progress-weakest", Static).update(text.weakest(report))
            self.query_one("#progress-due", Static).update(text.due(report))
        self.query_one("#progress-coverage", Static).update(text.coverage(report))
        self._fill_table(report, first)
        self._fill_plots(report)
        self.filled = True
        self._reading = reading
        if len(first) > reading.checked:
            self.call_after_refresh(self._check_rest, reading)
        else:
            self._checked_all(reading)

    def _checked_all(self, reading: FirstView) -> None:
        """Every story of the first page checked: now match the common questions, which
        takes a while on a big bank (in a worker, after the screen is drawn)."""
        self.checked = True
        self.call_after_refresh(self._read_common, reading)

    @work(thread=True, exclusive=True, group="progress-rest")
    def _check_rest(self, reading: FirstView) -> None:
        """The readiness of the first page's stories below the fold, once the screen is
        drawn: till then they say they are being checked."""
        rows = reading.rest(self.coach.templates)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill_rest, rows, reading)

    def _fill_rest(self, rows: list[StoryProgress], reading: FirstView) -> None:
        from coach.tui.widgets.progress_text import story_cells

        if reading is not self._reading:  # read again since (back from a rehearsal)
            return
        now = reading.now
        table = self.query_one(ProgressTable)
        for row in rows:
            key = str(row.id)
            if key not in table.rows:
                continue
            cells = story_cells(row, now)
            table.set_cell(key, "story", cells[0])
            table.set_cell(key, "readiness", cells[-1])
        self._checked_all(reading)

    @work(thread=True, exclusive=True, group="progress-common")
    def _read_common(self, reading: FirstView) -> None:
        """Which common questions have a story, once the figures are drawn: matching
        every question against the bank stays off the first frame."""
        from coach.services.progress_view import common_coverage

        report, problems = common_coverage(self.coach.workspace)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill_common, report, problems, reading)

    def _fill_common(self, report: CoverageReport, problems: list[str], reading: FirstView) -> None:
        from coach.tui.widgets.progress_text import common

        if reading is not self._reading:  # read again since (back from a rehearsal)
            return
        self.query_one("#progress-common", Static).update(common(report, problems))
        self.covered = True

    def _fill_table(self, report: Progress, first: list[StoryProgress]) -> None:
        from coach.services.progress import stories_page
        from coach.tui.widgets.progress_text import story_cells

        now = report.now
        table = self.query_one(ProgressTable)

        def fetch(offset: int, limit: int) -> list[Row]:
            page = (
                first
                if offset == 0
                else stories_page(self.coach.store, self.coach.templates, now, offset, limit)
            )
            return [(str(x.id), story_cells(x, now)) for x in page]

        table.reset(report.totals.stories, fetch, keep=table.current_key)

    def _fill_plots(self, report: Progress) -> None:
        if report.trend:
            self._plot(report.trend, "")
        else:
            self.query_one("#progress-plots").add_class("empty")
            self.query_one("#progress-caption").add_class("empty")
        self._plot_heard(report.pace, "")

    # -- actions --------------------------------------------------------------------

    def _selected(self) -> int | None:
        key = self.query_one(ProgressTable).current_key
        return None if key is None else int(key)

    def action_stories(self) -> None:
        self.query_one(ProgressTable).focus()

    def action_close(self) -> None:
        """Back to the bank; opened first (`coach progress`), on to a new bank."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
            return
        from coach.tui.screens.bank import BankScreen

        self.app.push_screen(BankScreen())

    def action_rehearse(self) -> None:
        story_id = self._selected()
        if story_id is None:
            self.notify("No story to rehearse yet: write one in the bank first.")
            return
        self._stale = True
        self.coach.start_rehearsal(story_id)

    @on(DataTable.RowSelected, "#progress-stories")
    def action_plot_story(self) -> None:
        """The trend plots of the highlighted story alone."""
        from coach.services.progress import pace_trend, trend

        story_id = self._selected()
        row = self.coach.store.row(story_id) if story_id is not None else None
        if story_id is None or row is None or self.report is None:
            return
        rows = trend(self.coach.store, story_id)
        if not rows:
            self.notify(f"{row.title!r} has not been rehearsed yet: press r to start.")
            return
        self._plot(rows, row.title)
        self._plot_heard(pace_trend(self.coach.store, story_id), row.title)
        self._show_plots()

    def action_plot_all(self) -> None:
        if self.report is not None and self.report.trend:
            self._plot(self.report.trend, "")
            self._plot_heard(self.report.pace, "")
            self._show_plots()

    def _show_plots(self) -> None:
        """Bring the plots into view: the stories table is below them."""
        self.query_one("#progress-caption").scroll_visible(top=True)

    def _plot(self, rows: Sequence[TrendRow], subject: str) -> None:
        from coach.tui.widgets.trend_plot import TrendPlot

        count = plural(len(rows), "rehearsal")
        if subject:
            caption = f"Trends of [b]{escape(subject)}[/b], its last {count} · a: every story"
        else:
            caption = f"Trends of every story, the last {count} · enter on a story: its own"
        self.query_one("#progress-caption", Static).update(Text.from_markup(caption))
        self.query_one("#progress-caption").remove_class("empty")
        box = self.query_one("#progress-plots", Horizontal)
        box.remove_class("empty")
        plots = list(box.query(TrendPlot))
        if not plots:
            box.mount(TrendPlot("rating", rows), TrendPlot("time", rows))
            return
        for plot in plots:
            plot.show_rows(rows)

    def _plot_heard(self, rows: Sequence[PaceRow], subject: str) -> None:
        """Words and fillers a minute of the rehearsals heard; nothing when none was."""
        caption = self.query_one("#progress-heard-caption", Static)
        box = self.query_one("#progress-heard", Horizontal)
        caption.set_class(not rows, "empty")
        box.set_class(not rows, "empty")
        if not rows:
            return
        from coach.core.speech import PACE_BAND
        from coach.tui.widgets.trend_plot import PacePlot

        low, high = PACE_BAND
        whose = f" of [b]{escape(subject)}[/b]" if subject else ""
        caption.update(
            Text.from_markup(
                f"Heard: the last {plural(len(rows), 'rehearsal')}{whose}, microphone on · "
                f"aim for {low}-{high} words a minute"
            )
        )
        plots = list(box.query(PacePlot))
        if not plots:
            box.mount(PacePlot("wpm", rows), PacePlot("fillers", rows))
            return
        for plot in plots:
            plot.show_rows(rows)
