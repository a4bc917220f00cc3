"""The rehearsal driven through Pilot with a fake clock, checked against the database."""

from __future__ import annotations

from pathlib import Path

from fake_clock import FakeClock
from textual.widgets import DataTable, Static
from tui_helpers import AppFactory, filled, wait_for

from coach.core.schedule import Rating
from coach.store import Store, open_store, rehearsals
from coach.tui.app import CoachApp, RehearseRequest
from coach.tui.screens.bank import BankScreen
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.widgets.pacing_timer import PacingTimer

SIZE = (120, 40)


def rehearsal_app(
    coach_app: AppFactory, store: Store, slug: str = "churn-leakage", followups: int = 2
) -> CoachApp:
    row = store.find(slug)
    assert row is not None
    return coach_app(rehearse=RehearseRequest(row.id, persona="technical", followups=followups))


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def hits(app: CoachApp) -> str:
    """The command palette's hits, as listed."""
    return " ".join(str(o.prompt) for o in app.screen.query_one("CommandList").options)


async def test_a_whole_rehearsal_reaches_the_database(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = rehearsal_app(coach_app, samples)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert "1:50 in all" in shown(app, "prompt")
        await pilot.press("enter")  # the clock starts on the first section
        pitch_seconds = [21.0, 14.0, 33.5, 18.0, 26.0]
        for seconds in pitch_seconds:
            assert "Pitch" in shown(app, "stage")
            clock.now += seconds
            await pilot.press("enter")
        assert "Check-in" in shown(app, "stage")
        clock.now += 4
        await pilot.press("1")  # technical details
        assert "Follow-up 1 of 2" in shown(app, "stage")
        clock.now += 20
        await pilot.press("space")  # pause: the next 100 s do not count
        clock.now += 100
        await pilot.press("space")
        clock.now += 25
        timer = app.screen.query_one(PacingTimer)
        timer.tick()
        assert timer.last_elapsed == 45
        await pilot.press("enter")
        assert "Why they ask" in shown(app, "why")
        await pilot.press("enter")  # not rated yet: stays
        assert "Follow-up 1 of 2" in shown(app, "stage")
        await pilot.press("2")
        await pilot.press(*"mention", "space", *"30%", "enter")
        clock.now += 12
        await pilot.press("enter", "4", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "finished" in shown(app, "summary-head")
        assert app.screen.query_one(DataTable).row_count == 8
        rid = app.screen.rehearsal_id

    answers = rehearsals.answers(samples, rid)
    assert [a.kind for a in answers] == ["section"] * 5 + ["checkin", "followup", "followup"]
    assert [a.seconds for a in answers[:5]] == pitch_seconds
    assert answers[5].key == "technical" and answers[5].seconds == 4
    first, second = answers[6], answers[7]
    assert first.seconds == 45 and first.rating is Rating.WEAK and first.note == "mention 30%"
    assert second.seconds == 12 and second.rating is Rating.VERY_STRONG and second.note == ""
    row = rehearsals.rehearsal(samples, rid)
    assert row is not None and row.status == "finished" and row.focus == "technical"
    due = rehearsals.reviews(samples, row.story_id)
    assert due[first.key].last_rating is Rating.WEAK


async def test_quitting_mid_rehearsal_keeps_what_was_rated(
    samples: Store, coach_app: AppFactory, clock: FakeClock, db_path: Path
) -> None:
    app = rehearsal_app(coach_app, samples, slug="spark-in-two-weeks", followups=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(4):
            clock.now += 10
            await pilot.press("enter")
        await pilot.press("enter")  # check-in: no preference
        clock.now += 30
        await pilot.press("enter", "1")
        await pilot.press("ctrl+q")
    assert not app.is_running
    reopened = open_store(db_path)
    (row,) = rehearsals.history(reopened, reopened.find("spark-in-two-weeks").id)  # type: ignore[union-attr]
    assert row.status == "unfinished"
    answers = rehearsals.answers(reopened, row.id)
    assert answers[-1].kind == "followup" and answers[-1].rating is Rating.VERY_WEAK
    assert answers[-1].seconds == 30
    assert len(answers) == 6


async def test_skip_back_and_end_early(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = rehearsal_app(coach_app, samples)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        clock.now += 5
        await pilot.press("s")  # skip the goal
        await pilot.press("b")  # and go back to it
        assert "Goal" in shown(app, "stage")
        clock.now += 19
        await pilot.press("enter")
        await pilot.press("h")  # notes hidden for recall
        assert "notes hidden" in shown(app, "notes")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "ended early" in shown(app, "summary-head")
        rid = app.screen.rehearsal_id
    (goal,) = rehearsals.answers(samples, rid)
    assert goal.key == "goal" and goal.seconds == 19 and not goal.skipped


async def test_a_note_goes_into_the_story_in_one_step(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    story_id = samples.find("spark-in-two-weeks").id  # type: ignore[union-attr]
    app = rehearsal_app(coach_app, samples, slug="spark-in-two-weeks", followups=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter", "enter", "enter", "enter", "enter")
        clock.now += 30
        await pilot.press("enter", "2", *"Name", "space", *"the", "space", *"deadline", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("a", "ctrl+s")
        await pilot.press("a")  # a second time adds nothing
        rid = app.screen.rehearsal_id
    answer = rehearsals.answers(samples, rid)[-1]
    bank_question = app.question_sets.for_template("star").question(answer.key)
    assert bank_question is not None
    field = bank_question.probes[0]
    text = samples.fields(story_id)[field]
    assert text.endswith("Name the deadline")
    assert text.count("Name the deadline") == 1


async def test_rehearse_from_the_bank(samples: Store, coach_app: AppFactory) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        await pilot.press("p", "p")  # any -> technical -> manager
        assert "manager" in shown(app, "prompt")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        await pilot.press("R")  # the story most in need
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)


HOSTILE = "[/x] broken [@click=app.quit]quit[/] [ @click=app.quit]q [ v='2] [B]x [b \\"


async def test_markup_in_the_users_text_is_shown_as_written(
    store: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    """A title, tags and a field holding Rich/Textual markup go through the bank, the
    palette, the export dialog, a rehearsal and its summary without being read as markup."""
    from coach.core.stories import Story
    from coach.tui.screens.export import ExportDialog

    store.create_story(
        Story(
            title=HOSTILE,
            template="star",
            tags=["[red]tag"],
            competencies=["pricing [ v='2]"],
            fields={"situation": f"Situation {HOSTILE}", "task": "Task [/]"},
        )
    )
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert HOSTILE[:20] in str(app.screen.query("RadioButton")[0].render())
        await pilot.press("escape", "ctrl+p", *"broken")
        await wait_for(pilot, lambda: f"Open: {HOSTILE}" in hits(app), "the story in the palette")
        assert f"Open: {HOSTILE}" in hits(app)
        await pilot.press("escape")
        await pilot.press("p")  # the progress screen reads the competency in a worker
        await filled(pilot)
        assert "pricing [ v='2]" in str(app.screen.query_one("#progress-coverage").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert HOSTILE in shown(app, "stage")
        await pilot.press("enter")
        await pilot.pause()
        assert f"Situation {HOSTILE}" in shown(app, "notes")
        clock.now += 10
        await pilot.press("enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert HOSTILE in shown(app, "summary-head")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BankScreen)


async def test_a_follow_up_shows_the_storys_own_text_then_what_a_strong_answer_holds(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = rehearsal_app(coach_app, samples, followups=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *["enter"] * 5, "1")  # the pitch, then "technical details"
        screen = app.screen
        assert isinstance(screen, RehearsalScreen) and screen.session is not None
        step = screen.session.step
        assert step.kind == "followup" and step.notes and step.strong
        notes = shown(app, "notes")
        assert f"Your notes · {step.field_label}" in notes
        assert step.notes[:30] in notes
        await pilot.press("h")  # recall practice: the story's text is hidden
        assert step.notes[:30] not in shown(app, "notes")
        assert "notes hidden" in shown(app, "notes")
        clock.now += 30
        await pilot.press("enter", "3")
        after = shown(app, "why")
        assert "What a strong answer contains" in after
        assert after.index("What a strong answer") < after.index("Why they ask")


async def test_one_answer_shows_one_time_on_the_screen(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = rehearsal_app(coach_app, samples, followups=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(5):
            clock.now += 10
            await pilot.press("enter")
        await pilot.press("1")
        clock.now += 4.6  # the timer reads 0:04; the line under it must not say 0:05
        await pilot.press("enter")
        await pilot.pause()
        timer = str(app.screen.query_one(PacingTimer).render())
        rubric = shown(app, "rubric")
        assert timer.startswith("0:04 of")
        assert rubric.startswith("0:04 of")
