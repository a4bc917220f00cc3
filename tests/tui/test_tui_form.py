"""The story form: typing, autosave, details, revisions, two windows, layouts."""

from __future__ import annotations

from pathlib import Path

from fake_clock import FakeClock
from textual.widgets import Input, TextArea
from tui_helpers import (
    AppFactory,
    notified,
    saved,
    table,
    type_text,
    wait_for,
)

from coach.store import Store, open_store
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.dialogs import RevisionsDialog
from coach.tui.screens.form import FormScreen
from coach.tui.widgets.field_editor import CHECK_PAUSE

SIZE = (120, 40)


async def test_write_a_story_by_keys_quit_and_find_it_again(
    coach_app: AppFactory, db_path: Path
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Ranking model")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert isinstance(app.focused, TextArea)
        assert app.focused.id == "text-goal"
        await type_text(pilot, "Rank search results for a shop")
        store = app.store
        story = store.find("ranking-model")
        assert story is not None
        await wait_for(
            pilot,
            lambda: saved(app, story.id, "goal") == "Rank search results for a shop",
            "the goal saved as typed",
        )
        assert store.fields(story.id)["goal"] == "Rank search results for a shop"
        await pilot.press("ctrl+down")
        await type_text(pilot, "Sales up 3%")
        await pilot.press("ctrl+q")
    check = open_store(db_path)
    assert check.fields(story.id) == {
        "goal": "Rank search results for a shop",
        "impact": "Sales up 3%",
    }
    again = coach_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table(again).row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        area = again.screen.query_one("#text-impact", TextArea)
        assert area.text == "Sales up 3%"


async def test_live_word_count_and_checks(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        story = samples.find("produce-demand-forecast")
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        findings = app.screen.query_one("#field-impact .field-findings")
        assert "no figure" in str(findings.render())
        app.screen.go_to("impact")  # type: ignore[attr-defined]
        area = app.screen.query_one("#text-impact", TextArea)
        area.load_text("")
        await pilot.pause()
        await type_text(pilot, "Waste fell 18% in 40 stores")
        stats = app.screen.query_one("#field-impact .field-stats")
        # worked out again once typing pauses
        await wait_for(pilot, lambda: str(stats.render()).startswith("6 words"), "the count")
        assert "no figure" not in str(findings.render())


async def test_details_are_saved_and_bad_dates_are_held_back(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    app = coach_app()
    story = samples.find("churn-leakage")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        title = app.screen.query_one("#meta-title", Input)
        title.value = "Churn model, leak found"
        dates = app.screen.query_one("#meta-dates", Input)
        dates.value = "whenever"
        await wait_for(
            pilot,
            lambda: (
                app.store.row(story.id).title == "Churn model, leak found"
                and "dates" in str(app.screen.query_one("#details-problems").render())
            ),
            "the new title saved and the dates held back",
        )
        problems = str(app.screen.query_one("#details-problems").render())
        assert "dates" in problems
        row = open_store(db_path).row(story.id)
        assert (row.title, row.dates) == ("Churn model, leak found", "Jan 2023 - Jun 2023")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen), "leaving asks first while dates are bad"
        dates.value = "Feb 2023 - Jul 2023"
        await wait_for(
            pilot,
            lambda: app.store.row(story.id).dates == "Feb 2023 - Jul 2023",
            "the corrected dates saved",
        )
        row = open_store(db_path).row(story.id)
        assert (row.title, row.dates) == ("Churn model, leak found", "Feb 2023 - Jul 2023")
        assert row.slug == "churn-leakage"


async def test_restore_an_earlier_revision(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    original = samples.fields(story.id)["findings"]
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.go_to("findings")  # type: ignore[attr-defined]
        area = app.screen.query_one("#text-findings", TextArea)
        area.load_text("")
        await type_text(pilot, "Oops")
        await wait_for(pilot, lambda: saved(app, story.id, "findings") == "Oops", "Oops saved")
        assert app.store.fields(story.id)["findings"] == "Oops"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RevisionsDialog)
        await pilot.press("down", "enter")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, FormScreen) and area.text == original,
            "the form back with the earlier version",
        )
        assert isinstance(app.screen, FormScreen)
        assert area.text == original
    after = open_store(db_path)
    assert after.fields(story.id)["findings"] == original
    texts = [r.text for r in after.revisions(story.id, "findings")]
    assert texts[:2] == [original, "Oops"], "the text typed before restoring stays in history"


async def test_an_edit_from_another_window_is_not_silently_lost(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.go_to("goal")  # type: ignore[attr-defined]
        await pilot.pause()
        other = open_store(db_path)
        _, rev = other.field_state(story.id, "goal")
        other.save_field(story.id, "goal", "Written in the other window", rev)
        await type_text(pilot, "Mine ")
        await wait_for(
            pilot,
            lambda: (
                notified(app, "another window")
                and other.revisions(story.id, "goal")[0].text.endswith("Mine ")
            ),
            "the typing saved beside the other window's text, and a warning",
        )
        messages = [n.message for n in app._notifications]
        assert any("another window" in m for m in messages)
        texts = [r.text for r in other.revisions(story.id, "goal")]
        assert "Written in the other window" in texts
        assert texts[0].endswith("Mine ")


async def test_one_field_mode_shows_only_the_current_field(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+down", "f2")
        await pilot.pause()
        shown = [w.id for w in app.screen.query(".field-editor") if w.display]
        assert shown == ["field-situation"]
        await pilot.press("ctrl+down")
        await pilot.pause()
        shown = [w.id for w in app.screen.query(".field-editor") if w.display]
        assert shown == ["field-task"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)


async def test_a_locked_database_keeps_the_text_and_saves_later(
    samples: Store, coach_app: AppFactory, db_path: Path
) -> None:
    import sqlite3

    story = samples.find("fraud-model-drift")
    app = coach_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.store.conn.execute("PRAGMA busy_timeout = 20")
        app.screen.go_to("lesson")  # type: ignore[attr-defined]
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        await type_text(pilot, "Kept ")
        await wait_for(pilot, lambda: notified(app, "Not saved yet"), "the not-saved warning")
        assert any("Not saved yet" in n.message for n in app._notifications)
        blocker.execute("ROLLBACK")
        blocker.close()
        await wait_for(
            pilot, lambda: saved(app, story.id, "lesson").endswith("Kept "), "the retried save"
        )
        assert app.store.fields(story.id)["lesson"].endswith("Kept ")


async def test_a_narrow_terminal_drops_the_guide_then_the_outline(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert not app.screen.query_one("#guide").display
        assert app.screen.query_one("#outline").display
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#guide").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        outline = app.screen.query_one("#outline")
        assert not outline.display, "the guide asked for takes the outline's place"
        assert app.screen.query_one("#meta-title").region.width > 20
        await pilot.press("f3")
        await pilot.pause()
        assert outline.display and outline.region.width >= 16, "the fields list at 80x24"
        assert app.screen.query_one("#meta-title").region.width > 20
        await pilot.press("f4")  # all the width for the text
        await pilot.pause()
        assert not outline.display


async def test_select_all_replaces_a_fields_text_on_a_key_the_footer_shows(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.go_to("goal")  # type: ignore[attr-defined]
        await pilot.pause()
        footer = " ".join(str(k.render()) for k in app.screen.query("FooterKey") if k.region.width)
        assert "Select all" in footer
        await pilot.press("ctrl+a")
        await type_text(pilot, "New goal")
        await wait_for(pilot, lambda: saved(app, story.id, "goal") == "New goal", "replaced")


async def test_an_unknown_competency_is_said_in_the_form(
    samples: Store, coach_app: AppFactory
) -> None:
    story = samples.find("churn-leakage")
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.query_one("#meta-competencies", Input).value = "evaluation, datahandling"
        await pilot.pause()
        said = str(app.screen.query_one("#details-problems").render())
        assert "'datahandling' not one coach counts" in said
        assert "evaluation" not in said.split("Known")[0]


async def test_a_figure_compared_in_another_field_is_no_longer_asked_against_what(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    """The story is read again for its red flags and comparisons once typing pauses (not
    while keys come: it reads every field, and would hold them up)."""
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        story = samples.find("produce-demand-forecast")
        assert story is not None
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        findings = app.screen.query_one("#field-offline_metrics .field-findings")
        assert "no comparison: 18.5%" in str(findings.render())
        app.screen.go_to("alternatives")  # type: ignore[attr-defined]
        await pilot.press("ctrl+end")
        await type_text(pilot, " The old rule was at 24.0% MAPE against our 18.5%.")
        await wait_for(
            pilot,
            lambda: (saved(app, story.id, "alternatives") or "").endswith("our 18.5%."),
            "the comparison saved",
        )
        assert "no comparison: 18.5%" in str(findings.render())  # saved, not read again yet
        clock.now += CHECK_PAUSE  # the typing pauses
        await wait_for(
            pilot, lambda: "no comparison" not in str(findings.render()), "the check read again"
        )


async def test_tab_stops_only_where_typing_goes_somewhere(
    samples: Store, coach_app: AppFactory
) -> None:
    """The form's scrolling body was a tab stop: what a user typed there was lost."""
    app = coach_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = samples.find("produce-demand-forecast")
        assert story is not None
        app.screen.open_story(story.id)  # type: ignore[attr-defined]
        await pilot.pause()
        chain = [w for w in app.screen.focus_chain if w.id != "outline"]
        assert chain and all(isinstance(w, (Input, TextArea)) for w in chain)
