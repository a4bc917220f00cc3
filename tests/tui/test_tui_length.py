"""Length drills: the 30-second version (the whole pitch as one answer), the standard
rehearsal, and the deep dive (follow-ups until 10 minutes of targets), driven through Pilot
with the fake clock and read back from the database."""

from __future__ import annotations

from fake_clock import FakeClock
from textual.widgets import DataTable, Static
from tui_helpers import AppFactory, wait_for

from coach.core.rehearsal import DEEP_SECONDS
from coach.store import Store, rehearsal_lengths, rehearsals
from coach.tui.app import CoachApp
from coach.tui.screens.rehearsal import RehearsalScreen
from coach.tui.screens.summary import SummaryScreen

SIZE = (120, 40)


def shown(app: CoachApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def story_id(store: Store, slug: str = "churn-leakage") -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


async def test_l_on_the_ready_screen_cycles_the_length(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RehearsalScreen(story_id(samples)))
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        await pilot.pause()
        assert "Length: standard (l changes)" in shown(app, "prompt")
        await pilot.press("l")
        assert "Length: deep dive (10 min)" in shown(app, "prompt")
        assert "until 10:00" in shown(app, "prompt")
        await pilot.press("l")
        assert "Length: short (30 s)" in shown(app, "prompt")
        assert "one answer in 0:30" in shown(app, "prompt")
        assert "The whole pitch" in shown(app, "notes")
        await pilot.press("l")
        assert "Length: standard" in shown(app, "prompt")
        footer = " ".join(b.binding.description for b in app.screen.active_bindings.values())
        assert "Length" in footer


async def test_the_short_version_is_one_answer_against_30_seconds(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app()
    sid = story_id(samples)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RehearsalScreen(sid, length="short"))
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        await pilot.press("enter")
        assert "Pitch 1 of 1 · The whole pitch · target 0:30" in shown(app, "stage")
        notes = shown(app, "notes")
        template = app.templates.get(samples.story(sid).template)
        for spec in template.pitch_fields:
            assert f"{spec.label}:" in notes
        assert "l" not in app.screen.active_bindings
        clock.now += 34
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert "short (30 s)" in shown(app, "summary-head")
        assert app.screen.query_one(DataTable).row_count == 1
        assert "The whole pitch" in str(app.screen.query_one(DataTable).get_row_at(0))
        rid = app.screen.rehearsal_id

    answers = rehearsals.answers(samples, rid)
    assert [(a.kind, a.key, a.target_seconds, a.seconds) for a in answers] == [
        ("section", "whole-pitch", 30, 34)
    ]
    assert rehearsal_lengths.length_of(samples, rid) == "short"
    assert rehearsals.rehearsal(samples, rid).status == "finished"  # type: ignore[union-attr]


async def test_the_deep_dive_asks_follow_ups_until_ten_minutes(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RehearsalScreen(story_id(samples), followups=2, length="deep"))
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, RehearsalScreen) and screen.session is not None
        while screen.session.step.kind == "section":
            clock.now += 10
            await pilot.press("enter")
        clock.now += 3
        await pilot.press("1")
        steps = screen.session.steps
        followups = [s for s in steps if s.kind == "followup"]
        total = sum(s.target_seconds for s in steps)
        assert len(followups) > 2  # not the 2 asked for: as many as fill the time
        assert total >= DEEP_SECONDS
        assert total - followups[-1].target_seconds < DEEP_SECONDS
        assert f"Follow-up 1 of {len(followups)}" in shown(app, "stage")
        clock.now += 40
        await pilot.press("enter", "3", "escape", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert "deep dive (10 min)" in shown(app, "summary-head")
        rid = app.screen.rehearsal_id

    assert rehearsal_lengths.length_of(samples, rid) == "deep"
    kinds = [a.kind for a in rehearsals.answers(samples, rid)]
    assert kinds.count("followup") == 1 and kinds.count("checkin") == 1


async def test_a_standard_rehearsal_says_so_and_rehearse_again_keeps_the_length(
    samples: Store, coach_app: AppFactory, clock: FakeClock
) -> None:
    app = coach_app()
    sid = story_id(samples)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RehearsalScreen(sid, length="short"))
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        await pilot.press("enter")
        clock.now += 20
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RehearsalScreen))
        await pilot.pause()
        assert "Length: short" in shown(app, "prompt")
