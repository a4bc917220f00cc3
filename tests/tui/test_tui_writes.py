"""No typed word lost, no traceback: the app's writes under another window's lock, a full
disk, a story deleted in another window, details changed in two windows."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fake_clock import FakeClock
from textual.widgets import Input, Static
from tui_helpers import AppFactory, notified, saved, type_text, wait_for

from coach.store import Store, open_store, rehearsals
from coach.tui.app import CoachApp, RehearseRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.form import FormScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (120, 40)


@contextmanager
def locked(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another process holding the write lock until the block ends."""
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        yield blocker
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def on_top(app: CoachApp, name: str) -> bool:
    """The screen on top is this dialog (named: the old app had none to import)."""
    return type(app.screen).__name__ == name


def state_line(app: CoachApp) -> str:
    state = app.screen.query_one("#save-state", Static)
    return str(state.render()) if state.display else ""


async def open_form(pilot, app: CoachApp, story_id: int, key: str) -> FormScreen:  # type: ignore[no-untyped-def]
    app.screen.open_story(story_id)  # type: ignore[attr-defined]
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FormScreen)
    form.go_to(key)
    await pilot.pause()
    return form


async def test_leaving_the_form_under_a_lock_asks_and_keeps_the_text(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "lesson")
        with locked(db_path):
            await type_text(pilot, "Kept ")
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_top(app, "UnsavedDialog"), "the question")
            await pilot.press("k")  # keep trying
            await wait_for(pilot, lambda: app.screen is form, "back in the form")
            assert "Not saved yet" in state_line(app)
            assert form.query_one("#text-lesson").text.endswith("Kept ")  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: saved(app, story.id, "lesson").endswith("Kept "), "saved")
        await wait_for(pilot, lambda: not state_line(app), "the not-saved line gone")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")


async def test_quitting_under_a_lock_asks_first_and_saves_once_it_can(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_form(pilot, app, story.id, "lesson")
        with locked(db_path):
            await type_text(pilot, "Quit ")
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: on_top(app, "UnsavedDialog"), "the question")
            assert "Lesson" in str(app.screen.query_one(".dialog-question", Static).render())
            await pilot.press("k")
            await pilot.pause()
            assert app.is_running
        await pilot.press("ctrl+q")
    assert open_store(db_path).fields(story.id)["lesson"].endswith("Quit ")


async def test_quitting_without_the_text_is_the_users_choice(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("fraud-model-drift")
    before = samples.fields(story.id)["lesson"]
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot, app, story.id, "lesson")
        with locked(db_path):
            await type_text(pilot, "Gone ")
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: on_top(app, "UnsavedDialog"), "the question")
            await pilot.press("d")
            await wait_for(pilot, lambda: not app.is_running, "the app closed")
    assert open_store(db_path).fields(story.id)["lesson"] == before


async def test_typing_under_a_lock_does_not_freeze_the_app(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "lesson")
        area = form.query_one("#text-lesson")
        with locked(db_path):
            await type_text(pilot, "a")
            await wait_for(pilot, lambda: "Not saved yet" in state_line(app), "a failed save")
            started = time.monotonic()
            await type_text(pilot, "bcdefghij")
            await pilot.pause(1.2)  # two save ticks under the lock
            took = time.monotonic() - started
            assert area.text.endswith("abcdefghij")  # type: ignore[attr-defined]
            assert took < 5, f"keys waited {took:.1f} s for the lock"
        await wait_for(pilot, lambda: saved(app, story.id, "lesson").endswith("abcdefghij"))


async def test_a_title_typed_under_a_lock_is_kept_and_saved_later(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_form(pilot, app, story.id, "details")
        with locked(db_path):
            await type_text(pilot, " again")
            await wait_for(pilot, lambda: notified(app, "Not saved yet"), "the warning")
            assert isinstance(app.screen, FormScreen)
        await wait_for(
            pilot, lambda: app.store.row(story.id).title.endswith(" again"), "the title saved"
        )


async def test_a_full_disk_keeps_the_text_on_screen_and_saves_once_there_is_room(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "details")
        conn = app.store.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        long = "A title long enough to need room " * 300
        form.query_one("#meta-company", Input).value = long
        form.go_to("lesson")
        form.query_one("#text-lesson").insert(long * 2)  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: notified(app, "disk is full"), "the full disk said")
        assert isinstance(app.screen, FormScreen)
        assert "disk is full" in state_line(app)
        assert form.query_one("#meta-company", Input).value == long
        conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        await wait_for(
            pilot, lambda: saved(app, story.id, "lesson").endswith(long * 2), "saved at last"
        )
        assert app.store.row(story.id).company == long.strip()


async def test_a_story_deleted_in_another_window_can_be_restored(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    story_goal = samples.fields(story.id)["goal"]
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "goal")
        open_store(db_path).delete(story.id)
        await type_text(pilot, " Still")
        await wait_for(pilot, lambda: on_top(app, "GoneDialog"), "the offer")
        await type_text(pilot, "rnd ")  # typing on: nothing chosen
        assert on_top(app, "GoneDialog")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen is form, "the form again")
        typed = form.query_one("#text-goal").text  # type: ignore[attr-defined]
        assert typed != story_goal and saved(app, story.id, "goal") == typed
        assert app.store.row(story.id).slug == "churn-leakage"
        await type_text(pilot, " and more")
        await wait_for(pilot, lambda: saved(app, story.id, "goal").endswith(" and more"))


async def test_a_story_deleted_in_another_window_can_be_saved_as_a_new_one(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    story_goal = samples.fields(story.id)["goal"]
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "goal")
        open_store(db_path).delete(story.id)
        await type_text(pilot, " Still")
        await wait_for(pilot, lambda: on_top(app, "GoneDialog"), "the offer")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: notified(app, "saved as a new story"), "the new story")
        assert form.story_id != story.id
        copy = app.store.row(form.story_id)
        assert copy.title == f"Copy of {story.title}"
        typed = form.query_one("#text-goal").text  # type: ignore[attr-defined]
        assert typed != story_goal and app.store.fields(form.story_id)["goal"] == typed


async def test_details_changed_in_two_windows_keep_both(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_form(pilot, app, story.id, "details")
        other = open_store(db_path)
        theirs = other.story(story.id)
        theirs.title = "Their title"
        other.update_meta(story.id, theirs, only=["title"])
        await type_text(pilot, " (mine)")
        await wait_for(pilot, lambda: notified(app, "also changed in another window"))
        mine = f"{story.title} (mine)"
        await wait_for(pilot, lambda: app.store.row(story.id).title == mine, "all saved")
        history = [r.text for r in other.revisions(story.id, "details.title")]
        assert history[0] == mine and "Their title" in history
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.query("#revisions"), "the versions")


async def test_a_rehearsal_answer_under_a_lock_is_kept_and_stored_later(
    samples: Store, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    row = samples.find("churn-leakage")
    app = coach_app(rehearse=RehearseRequest(row.id, followups=1))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        await pilot.press("enter")
        screen = app.screen
        with locked(db_path):
            clock.now += 17
            await pilot.press("enter")
            await wait_for(pilot, lambda: notified(app, "Not saved yet"), "the warning")
            assert app.screen is screen
        rid = screen.rehearsal_id
        await wait_for(pilot, lambda: rehearsals.answers(app.store, rid), "the answer stored")
        assert rehearsals.answers(app.store, rid)[0].seconds == 17


async def test_ending_a_rehearsal_early_keeps_the_step_in_progress(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    row = samples.find("churn-leakage")
    app = coach_app(rehearse=RehearseRequest(row.id, followups=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        clock.now += 21
        await pilot.press("enter")
        clock.now += 9.5
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        rid = app.screen.rehearsal_id  # type: ignore[attr-defined]
    answers = rehearsals.answers(samples, rid)
    assert [a.seconds for a in answers] == [21, 9.5]
