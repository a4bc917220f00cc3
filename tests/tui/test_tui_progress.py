"""The progress screen driven through Pilot, over real SQLite files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from progress_history import NOW
from textual.pilot import Pilot
from textual.widgets import Static
from tui_helpers import AppFactory, filled, wait_for

from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.store import Store
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.progress import ProgressScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.widgets.progress_table import ProgressTable
from coach.tui.widgets.story_table import StoryTable
from coach.tui.widgets.trend_plot import TrendPlot

SIZE = (120, 40)


def shown(screen: ProgressScreen, widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Static)
    lines = widget.render_lines(widget.size.region)  # what a user sees, not the markup
    return "\n".join("".join(s.text for s in line) for line in lines)


async def test_open_from_the_bank_and_back(history: dict[str, int], coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = await filled(pilot)
        assert "10 rehearsals of 3 of 6 stories" in shown(screen, "progress-head")
        weakest = shown(screen, "progress-weakest")
        assert weakest.index("Data size and sources") < weakest.index("Simple baseline")
        assert "4 rated · 3 over time" in weakest
        assert "Did anyone disagree" in shown(screen, "progress-due")
        assert "No story yet: business impact, leadership, feedback" in shown(
            screen, "progress-coverage"
        )
        plots = list(screen.query(TrendPlot))
        assert [p.kind for p in plots] == ["rating", "time"]
        assert all(len(p.rows) == 10 for p in plots)
        table = screen.query_one(StoryTable)
        assert table.row_count == 6 and table.current_key is not None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)


async def test_one_storys_trend_then_all(history: dict[str, int], coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = await filled(pilot)
        await pilot.press("s", "enter")  # the first row: the story rehearsed last
        await pilot.pause()
        assert "Trends of Churn model that leaked the future, its last 5" in shown(
            screen, "progress-caption"
        )
        assert all(len(p.rows) == 5 for p in screen.query(TrendPlot))
        await pilot.press("a")
        await pilot.pause()
        assert "Trends of every story, the last 10 rehearsals" in shown(screen, "progress-caption")
        assert all(len(p.rows) == 10 for p in screen.query(TrendPlot))


async def test_empty_state_and_rehearse_from_it(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app(start="progress")
    async with app.run_test(size=SIZE) as pilot:
        screen = await filled(pilot)
        head = shown(screen, "progress-head")
        assert "No rehearsals yet — press r on a story to rehearse it." in head
        assert not screen.query(TrendPlot)
        assert not screen.query_one("#progress-plots").display
        assert not screen.query_one("#progress-lists").display
        assert screen.query_one(StoryTable).row_count == 6
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_started_on_progress_esc_goes_to_the_bank(
    history: dict[str, int], coach_app: AppFactory
) -> None:
    app = coach_app(start="progress")
    async with app.run_test(size=SIZE) as pilot:
        await filled(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Plot all stories" in commands
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        assert "Progress" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("p")
        await filled(pilot)


async def test_open_a_story_when_started_on_progress(
    history: dict[str, int], coach_app: AppFactory
) -> None:
    from coach.tui.screens.form import FormScreen

    app = coach_app(start="progress")
    async with app.run_test(size=SIZE) as pilot:
        await filled(pilot)
        row = app.store.find("churn-leakage")
        assert row is not None
        app.open_story(row.id)  # as the command palette's "Open: ..." does
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert isinstance(app.screen_stack[-2], BankScreen)


async def test_an_empty_bank(store: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = await filled(pilot)
        assert "No stories yet." in shown(screen, "progress-head")
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen


# -- at 80×24 -------------------------------------------------------------------------


async def at_80_columns(pilot: Pilot[None]) -> ProgressScreen:
    """The progress screen over the known history, as of NOW, filled in."""
    await pilot.pause()
    await pilot.app.push_screen(ProgressScreen(now=NOW))
    return await filled(pilot)


def table_lines(table: StoryTable) -> list[str]:
    """The table's rows as the user sees them (header included), trailing spaces cut."""
    lines = table.render_lines(table.size.region)
    return ["".join(s.text for s in line).rstrip() for line in lines]


async def test_stories_keep_their_names_and_reasons_at_80_columns(
    history: dict[str, int], coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_80_columns(pilot)
        await pilot.press("s")
        await pilot.pause()
        lines = table_lines(screen.query_one(StoryTable))
        assert lines[0].split() == ["Story", "Readiness"]
        assert lines[1].split() == "Churn model that leaked the future ready".split()
        assert lines[2] == "   averaged 3.0 of 4 last time; nothing due"
        assert (
            lines[5].split()[-1] == "rehearse" and "Fraud model that broke three weeks" in lines[5]
        )
        assert lines[6] == "   3 follow-ups due"
        assert any("Learning Spark in two weeks to save a nightly job" in line for line in lines)
        assert not any("…" in line for line in lines)


async def test_coming_back_wraps_each_question_under_itself_at_80_columns(
    history: dict[str, int], coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_80_columns(pilot)
        due = [line.rstrip() for line in shown(screen, "progress-due").splitlines()]
        assert due[:5] == [
            "Coming back (5 due now)",
            "Fraud model that broke three weeks after launch",
            "  overdue 13 days  Did anyone disagree with how you handled this? How did",
            "                   you settle it?",
            "  overdue 7 days   What was at stake if this went wrong, and for whom?",
        ]
        assert "Churn model that leaked the future" in due
        assert not any("…" in line for line in due)


async def test_the_stories_table_follows_the_width(
    history: dict[str, int], coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_80_columns(pilot)
        table = screen.query_one(StoryTable)
        await pilot.press("s", "down")
        await pilot.pause()
        chosen = table.current_key
        assert chosen is not None and [str(c.label) for c in table.columns.values()] == [
            "Story",
            "Readiness",
        ]
        await pilot.resize_terminal(160, 40)
        await wait_for(pilot, lambda: len(table.columns) == 5, "every column")
        await pilot.pause()
        assert table.row_count == 6 and table.current_key == chosen
        lines = table_lines(table)
        assert lines[1].split()[-5:] == ["future", "5", "today", "3.0", "ready"]
        assert lines[2] == "   averaged 3.0 of 4 last time; nothing due"
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: len(table.columns) == 2, "the narrow columns")
        assert table.row_count == 6 and table.current_key == chosen


# -- the stories below the fold ------------------------------------------------------


async def test_the_stories_out_of_view_are_checked_after_the_screen_fills(
    history: dict[str, int],
    samples: Store,
    coach_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the stories the table shows unscrolled are checked before the screen fills in
    (checking the whole first page held it up); the rest of the page say they are being
    checked until they are, then read as `coach stats` reads them."""
    import coach.services.stories as stories_service
    from coach.services.progress import CHECKING, stories_page
    from coach.tui.screens.progress import FIRST_ROWS

    for n in range(8):
        samples.create_story(
            Story(title=f"Draft number {n}", template="project", fields={"goal": "Cut churn."})
        )
    batches: list[int] = []
    check = stories_service.checked_stories

    def counting(store: Store, templates: TemplateSet, stories: Sequence[Any]) -> Any:
        batches.append(len(stories))
        return check(store, templates, stories)

    monkeypatch.setattr(stories_service, "checked_stories", counting)
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ProgressScreen(now=NOW))
        screen = await filled(pilot)
        table = screen.query_one(ProgressTable)
        assert table.row_count == 14
        assert batches[0] == FIRST_ROWS
        label, reason = CHECKING
        await wait_for(pilot, lambda: screen.checked, "the rest of the first page checked")
        assert batches[:2] == [FIRST_ROWS, 14 - FIRST_ROWS]
        expected = stories_page(samples, app.workspace.templates, NOW, 0, 40)
        for row, story in zip(range(table.row_count), expected, strict=True):
            cells = [str(c) for c in table.get_row_at(row)]
            assert cells[0].splitlines() == [story.title, f"  {story.readiness.reason}"]
            assert cells[-1] == story.readiness.label != label
            assert reason not in cells[0]


async def test_the_common_questions_panel_fills_after_the_figures(
    samples: Store, coach_app: AppFactory
) -> None:
    """Which common questions have a story: counts, what to write next, the busiest
    stories, read in a worker of its own once the figures are in."""
    from coach.services.matching import Matcher, common_questions

    app = coach_app()
    expected = Matcher(samples).coverage(common_questions(app.workspace).questions)
    good, weak, none = (expected.of(name) for name in ("good", "weak", "none"))
    assert none and expected.busiest  # the samples leave some to write, and answer many
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = await filled(pilot)
        await wait_for(pilot, lambda: screen.covered, "the common questions panel")
        panel = shown(screen, "progress-common")
        assert (
            f"Common questions: {len(good)} with a good story · {len(weak)} a weak match · "
            f"{len(none)} none"
        ) in panel
        assert none[0].question.text in panel
        assert "coach coverage lists them all" in panel
        story, count = expected.busiest[0]
        assert f"{story.title} ×{count}" in panel


async def test_a_broken_common_questions_file_is_said_on_the_panel(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    broken = app.workspace.user_templates_dir / "common" / "questions.yaml"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("format: 1\ntitle: Mine\nquestions: nope\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = await filled(pilot)
        await wait_for(pilot, lambda: screen.covered, "the common questions panel")
        panel = shown(screen, "progress-common")
        assert "Your common questions are not used" in panel
        assert "questions.yaml" in panel and "questions must be a non-empty list" in panel
        assert "Common questions:" in panel  # the shipped set, meanwhile
