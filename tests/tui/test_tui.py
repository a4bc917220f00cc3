"""The bank: samples, search, delete, archive, help and the palette."""

from __future__ import annotations

from tui_helpers import (
    AppFactory,
    palette_settled,
    status_line,
    table,
    type_text,
    wait_for,
)

from coach.store import Store
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.dialogs import ConfirmDialog
from coach.tui.screens.form import FormScreen
from coach.tui.screens.help import HelpScreen

SIZE = (120, 40)


async def test_first_run_offers_the_samples(coach_app: AppFactory) -> None:
    app = coach_app(offer_samples=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        assert table(app).row_count == 6
        assert "6 stories" in str(app.screen.query_one("#status").render())


async def test_declining_the_samples_leaves_the_bank_empty(coach_app: AppFactory) -> None:
    app = coach_app(offer_samples=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert table(app).row_count == 0
    assert app.store.is_empty()


async def test_search_as_you_type_and_clear(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "leak")
        await wait_for(pilot, lambda: "matching 'leak'" in status_line(app), "the search for leak")
        assert table(app).row_count == 1
        await type_text(pilot, ' "AND (')
        await wait_for(pilot, lambda: '"AND (' in status_line(app), "the search with a stray quote")
        assert table(app).row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert table(app).row_count == 6


async def test_delete_asks_first(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table(app).current_key
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.store.row(int(first)) is not None
        await pilot.press("x", "y")
        await pilot.pause()
        assert app.store.row(int(first)) is None
        assert table(app).row_count == 5


async def test_archive_duplicate_and_show_archived(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert table(app).row_count == 7
        copy = int(table(app).current_key)
        assert app.store.row(copy).title.startswith("Copy of ")
        await pilot.press("a")
        await pilot.pause()
        assert table(app).row_count == 6
        await pilot.press("v")
        await pilot.pause()
        assert table(app).row_count == 1
        await pilot.press("a")
        await pilot.pause()
        assert not app.store.row(copy).archived


async def test_help_and_palette_reach_the_actions(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"New", "Edit", "Duplicate", "Archive", "Delete", "Search", "Help"} <= titles
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)


async def test_new_story_command_opens_the_dialog(coach_app: AppFactory) -> None:
    app = coach_app(new_template="star")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Pushed back on a launch")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.store.find("pushed-back-on-a-launch").template == "star"


async def test_the_palette_opens_a_story_by_its_text(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "leak")
        await palette_settled(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen), "the story's form")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.story_id == samples.find("churn-leakage").id


async def test_enter_in_the_delete_dialog_keeps_the_story(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table(app).current_key
        await pilot.press("x", "enter")
        await pilot.pause()
        assert app.store.row(int(first)) is not None


async def test_filters_with_no_match_do_not_call_the_bank_empty(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzqqxx")
        await wait_for(pilot, lambda: "No story matches" in status_line(app), "the empty search")
        status = str(app.screen.query_one("#status").render())
        assert "No story matches" in status


async def test_titles_show_as_written_not_as_markup(store: Store, coach_app: AppFactory) -> None:
    from coach.core.stories import Story

    store.create_story(Story(title="[bold]Loud[/bold] and [/] stray", template="star"))
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table(app).get_row_at(0)[0]
        assert first.plain == "[bold]Loud[/bold] and [/] stray"
        await pilot.press("space")
        await pilot.pause()
        assert table(app).get_row_at(0)[0].plain == "✓ [bold]Loud[/bold] and [/] stray"
