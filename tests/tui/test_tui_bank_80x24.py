"""The bank on a laptop's 80×24 terminal, and as a first user meets it: the cursor after
archive and delete, marks, Home/End, the samples in and out, a database that refuses."""

from __future__ import annotations

import html

import pytest
from tui_helpers import AppFactory, notified, status_line, table, wait_for

from coach.store import Store, StoreError
from coach.tui.app import CoachApp
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.dialogs import ConfirmDialog, NewStoryDialog
from coach.tui.screens.help import HelpScreen

LAPTOP = (80, 24)


def screen_text(app: CoachApp) -> str:
    """What the terminal shows, as text."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def titles(app: CoachApp) -> list[str]:
    grid = table(app)
    return [str(grid.get_row_at(i)[0]) for i in range(grid.row_count)]


def current_title(app: CoachApp) -> str:
    grid = table(app)
    return str(grid.get_row_at(grid.cursor_row)[0])


async def test_the_title_has_the_room_and_nothing_scrolls_sideways(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        await pilot.pause()
        grid = table(app)
        columns = {c.key.value: c for c in grid.columns.values()}
        assert columns["title"].width >= 34
        assert "tags" not in columns  # the secondary columns went first
        assert grid.virtual_size.width <= grid.size.width
        assert grid.max_scroll_x == 0
        await pilot.resize_terminal(120, 30)
        await wait_for(pilot, lambda: "tags" in table(app).columns, "the tags column back")
        assert table(app).max_scroll_x == 0


async def test_archive_keeps_the_cursor_on_the_neighbour(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await pilot.pause()
        before = titles(app)
        await pilot.press("down", "down", "a")
        await pilot.pause()
        assert titles(app) == before[:2] + before[3:]
        assert current_title(app) == before[3]
        assert notified(app, f"Archived {before[2]!r}")
        await pilot.press("a")  # the next `a` archives the story the cursor shows
        await pilot.pause()
        assert titles(app) == before[:2] + before[4:]
        assert notified(app, f"Archived {before[3]!r}")


async def test_delete_keeps_the_cursor_on_the_neighbour(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await pilot.pause()
        before = titles(app)
        await pilot.press("end")
        assert current_title(app) == before[-1]
        await pilot.press("up", "x", "y")
        await pilot.pause()
        assert current_title(app) == before[-1]
        assert notified(app, f"Deleted {before[-2]!r}")
        await pilot.press("x", "y")  # the last row: the cursor goes up one
        await pilot.pause()
        assert current_title(app) == before[-3]
        await pilot.press("home")
        assert current_title(app) == before[0]


async def test_space_marks_moves_down_and_help_says_so(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert table(app).cursor_row == 1
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        shown = screen_text(app)
        assert "Mark for export, then down" in shown


async def test_help_fits_a_laptop_terminal(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        box = app.screen.query_one(".dialog-box").region
        assert box.x >= 0 and box.right <= LAPTOP[0]


async def test_the_new_story_dialog_shows_its_keys(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewStoryDialog), "the dialog")
        await pilot.pause()
        assert "enter: create · tab: choose the form · esc: cancel" in screen_text(app)


async def test_samples_are_tagged_and_removed_in_one_go(
    store: Store, coach_app: AppFactory
) -> None:
    app = coach_app(offer_samples=True)
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the offer")
        await pilot.press("y")  # load the samples
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, BankScreen) and table(app).row_count == 6,
            "the six samples",
        )
        assert all("sample" in r.tags for r in app.store.list_stories(archived=None))
        kept = app.store.find("churn-leakage")
        assert kept is not None
        mine = app.store.story(kept.id)
        mine.tags = [t for t in mine.tags if t != "sample"]
        app.store.update_meta(kept.id, mine, only=["tags"])  # the user made it theirs
        await pilot.press("down", "a")  # one archived sample goes too
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "Remove the 5 sample stories" in app.screen.question
        await pilot.press("y")
        await wait_for(pilot, lambda: notified(app, "Removed 5 sample stories."), "the removal")
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")
        assert [r.slug for r in app.store.list_stories(archived=None)] == ["churn-leakage"]
        assert table(app).row_count == 1


async def test_a_search_on_a_damaged_database_is_a_notification(
    samples: Store, coach_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await pilot.pause()

        def damaged(*args: object, **kwargs: object) -> int:
            raise StoreError("the database is damaged; restore a backup")

        monkeypatch.setattr(app.store, "count_stories", damaged)
        await pilot.press("slash", *"churn", "enter")
        await wait_for(pilot, lambda: notified(app, "the database is damaged"), "the message")
        assert isinstance(app.screen, BankScreen)
        assert [n.severity for n in app._notifications][-1] == "error"


@pytest.mark.parametrize(
    ("keys", "method", "verb"),
    [
        (("a",), "set_archived", "archive"),
        (("x", "y"), "delete", "delete"),
        (("d",), "duplicate", "duplicate"),
        (("L", "y"), "delete", "remove the samples"),
    ],
)
async def test_a_locked_database_refuses_a_bank_write_without_a_traceback(
    samples: Store,
    coach_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    keys: tuple[str, ...],
    method: str,
    verb: str,
) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        await pilot.pause()
        first = current_title(app)

        def locked(*args: object, **kwargs: object) -> None:
            raise StoreError("the database is locked by another program; try again")

        monkeypatch.setattr(app.store, method, locked)
        await pilot.press(*keys)
        await wait_for(pilot, lambda: notified(app, "is locked"), "the message")
        said = [n.message for n in app._notifications if "is locked" in n.message]
        assert said and said[0].startswith(f"Could not {verb}")
        if verb != "remove the samples":
            assert repr(first) in said[0]
        assert isinstance(app.screen, BankScreen)
        assert table(app).row_count == 6


async def test_status_says_what_marks_do(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=LAPTOP) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert "1 marked for export" in status_line(app)
