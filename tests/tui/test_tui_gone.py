"""A story deleted in another window while it is typed here: the keys typed while coach asks
what to do are not lost, whatever the answer (but discard)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea
from tui_helpers import AppFactory, notified, saved, type_text, wait_for

from coach.store import Store, open_store
from coach.tui.app import CoachApp
from coach.tui.screens.form import FormScreen

SIZE = (120, 40)


def asking(app: CoachApp) -> bool:
    return type(app.screen).__name__ == "GoneDialog"


async def open_form(pilot, app: CoachApp, story_id: int, key: str) -> FormScreen:  # type: ignore[no-untyped-def]
    app.screen.open_story(story_id)  # type: ignore[attr-defined]
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FormScreen)
    form.go_to(key)
    await pilot.pause()
    return form


async def test_keys_typed_while_asked_are_in_the_restored_text(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "goal")
        area = form.query_one("#text-goal", TextArea)
        open_store(db_path).delete(story.id)
        await type_text(pilot, " Still")
        await wait_for(pilot, lambda: asking(app), "the offer")
        await type_text(pilot, "ness, a lott")  # typing on while it asks
        await pilot.press("backspace", "enter")
        await type_text(pilot, "Next line")
        app.post_message(events.Paste(", then pasted"))
        await pilot.pause()
        assert asking(app)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: notified(app, "restored"), "the story back")
        assert " Stillness, a lot\nNext line, then pasted" in area.text
        await wait_for(pilot, lambda: saved(app, story.id, "goal") == area.text, "all saved")


async def test_keys_typed_while_asked_are_in_a_title_saved_as_new(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "details")
        title = form.query_one("#meta-title", Input)
        open_store(db_path).delete(story.id)
        await type_text(pilot, " v")
        await wait_for(pilot, lambda: asking(app), "the offer")
        await type_text(pilot, "22")
        await pilot.press("backspace")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: notified(app, "saved as a new story"), "the new story")
        assert title.value.endswith(f"{story.title} v2")
        await wait_for(pilot, lambda: app.store.row(form.story_id).title == title.value)


async def test_keys_typed_while_asked_stay_on_screen_when_the_answer_waits(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_form(pilot, app, story.id, "goal")
        area = form.query_one("#text-goal", TextArea)
        open_store(db_path).delete(story.id)
        await type_text(pilot, " Half")
        await wait_for(pilot, lambda: asking(app), "the offer")
        await type_text(pilot, "way there")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is form, "the form again")
        assert area.text.endswith(" Halfway there")
        await type_text(pilot, "!")
        await pilot.press("escape")
        await wait_for(pilot, lambda: asking(app), "asked again on leaving")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen), "left the form")
        assert saved(app, story.id, "goal").endswith(" Halfway there!")
