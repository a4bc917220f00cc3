"""The rehearsal session: steps timed by the clock, and what a follow-up step carries for
the screen (the story's text for the field it is about, what a strong answer contains)."""

from __future__ import annotations

import datetime as dt

import pytest
from fake_clock import FakeClock

from coach.core.followups import choose_followups
from coach.core.questions import QuestionSet, load_question_sets
from coach.core.rehearsal import Session, checkin_step, followup_steps, pitch_steps
from coach.core.schedule import Rating
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def test_followup_steps_carry_the_field_and_what_a_strong_answer_holds(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    qset = question_sets["project"]
    vague = {
        "goal": "At Harbour Bank I built a model that ranks card payments by fraud risk.",
        "impact": "Customer engagement went up significantly after the launch.",
    }
    picks = choose_followups(qset, templates.get("project"), vague, {}, now=NOW, limit=3)
    step = followup_steps(qset, picks)[0]
    assert (step.field, step.field_label, step.served) == ("impact", "Impact, in numbers", "vague")
    assert step.notes == vague["impact"]
    assert step.strong == qset.category("business_impact").strong != ""


def test_a_session_keeps_time_by_the_clock(
    question_sets: dict[str, QuestionSet], templates: TemplateSet, clock: FakeClock
) -> None:
    template = templates.get("star")
    sections = pitch_steps(template, {"situation": "We had a freeze."})
    assert [s.key for s in sections] == ["situation", "task", "action", "result"]
    session = Session([*sections, checkin_step(question_sets["star"])], clock=clock)
    clock.now += 12.5
    assert session.finish_answer().seconds == pytest.approx(12.5)
    clock.now += 3
    session.toggle_pause()
    clock.now += 100  # paused: not counted
    session.toggle_pause()
    clock.now += 2
    assert session.finish_answer().seconds == pytest.approx(5)
    session.skip()
    assert session.back()
    clock.now += 7
    session.finish_answer()
    assert session.results[2].seconds == pytest.approx(7) and not session.results[2].skipped
    session.finish_answer()  # result
    assert session.step.kind == "checkin"
    picks = choose_followups(question_sets["star"], template, {}, {}, now=NOW, limit=2)
    session.finish_answer(choice="impact")
    session.add_followups(followup_steps(question_sets["star"], picks))
    assert session.step.kind == "followup" and session.phase == "answering"
    clock.now += 40
    session.finish_answer()
    assert session.phase == "rating"
    session.rate(Rating.WEAK)
    session.advance()
    session.skip()
    assert session.done
