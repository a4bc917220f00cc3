"""The rehearsal summary on a laptop's 80×24 terminal, and a note taken into the story only
as the user leaves it."""

from __future__ import annotations

from fake_clock import FakeClock
from textual.widgets import DataTable, TextArea
from tui_helpers import AppFactory, notified, type_text, wait_for

from coach.store import Store
from coach.tui.app import CoachApp, RehearseRequest
from coach.tui.screens.dialogs import NoteDialog
from coach.tui.screens.summary import SummaryScreen

LAPTOP = (80, 24)


def spark_rehearsal(coach_app: AppFactory, store: Store) -> tuple[CoachApp, int]:
    row = store.find("spark-in-two-weeks")
    assert row is not None
    request = RehearseRequest(row.id, persona="technical", followups=1)
    return coach_app(rehearse=request), row.id


async def to_summary(pilot, app: CoachApp, clock: FakeClock) -> DataTable[object]:
    """Through the pitch and one follow-up, rated weak with the note 'Name the deadline'."""
    await pilot.pause()
    await pilot.press("enter", "enter", "enter", "enter", "enter", "enter")
    clock.now += 30
    await pilot.press("enter", "2")
    await type_text(pilot, "Name the deadline")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
    await pilot.pause()
    return app.screen.query_one(DataTable)


async def test_the_summary_shows_its_rows_on_a_laptop(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app, _ = spark_rehearsal(coach_app, samples)
    async with app.run_test(size=LAPTOP) as pilot:
        table = await to_summary(pilot, app, clock)
        assert table.row_count >= 6
        assert table.size.height >= 6  # the heading and at least five rows
        assert table.max_scroll_x == 0
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        assert app.screen.region.contains_region(table.region)
        shown_rows = table.size.height - 1  # under the heading
        assert 0 <= table.cursor_row - table.scroll_offset.y < shown_rows


async def test_a_note_is_edited_before_it_goes_into_the_story(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app, story_id = spark_rehearsal(coach_app, samples)
    async with app.run_test(size=LAPTOP, notifications=True) as pilot:
        table = await to_summary(pilot, app, clock)
        table.move_cursor(row=table.row_count - 1)
        before = dict(app.store.fields(story_id))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog), "the note to edit")
        assert app.store.fields(story_id) == before  # nothing written yet
        area = app.screen.query_one(TextArea)
        assert area.text == "Name the deadline"
        await type_text(pilot, ": the campaign launch")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        assert notified(app, "Note added to 'Learning Spark in two weeks")
        await pilot.press("a")  # a second time adds nothing
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    changed = {k: v for k, v in app.store.fields(story_id).items() if before.get(k) != v}
    ((key, text),) = changed.items()
    assert text.endswith("\n\nName the deadline: the campaign launch")
    assert text.count("Name the deadline") == 1


async def test_a_note_left_with_escape_changes_nothing(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app, story_id = spark_rehearsal(coach_app, samples)
    async with app.run_test(size=LAPTOP) as pilot:
        table = await to_summary(pilot, app, clock)
        table.move_cursor(row=table.row_count - 1)
        before = dict(app.store.fields(story_id))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog), "the note to edit")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await pilot.press("a")  # not added yet: asked again
        await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog), "the note again")
    assert app.store.fields(story_id) == before
