"""Question sets, follow-up selection and the rehearsal session: plain pytest, no terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from fake_clock import FakeClock

from coach.core.errors import InputError
from coach.core.followups import choose_followups, story_gaps
from coach.core.questions import PERSONAS, QuestionSet, load_question_sets, short_phrase
from coach.core.rehearsal import Session, checkin_step, followup_steps, pitch_steps
from coach.core.schedule import Rating, Review, replay, review
from coach.core.storyfiles import read_story_files
from coach.core.templates import TemplateSet
from coach.paths import samples_dir, shipped_templates_dir

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def complete_project(templates: TemplateSet) -> dict[str, str]:
    (loaded,) = read_story_files([samples_dir() / "churn-leakage.yaml"], templates)
    fields = dict(loaded.story.fields)
    assert story_gaps(templates.get("project"), fields) == []
    return fields


# -- the shipped question sets ----------------------------------------------------------------


def test_shipped_banks_cover_what_the_issue_asks(question_sets: dict[str, QuestionSet]) -> None:
    project, star = question_sets["project"], question_sets["star"]
    assert len(project.questions) >= 40
    assert len(star.questions) >= 20
    for qset in (project, star):
        for persona in PERSONAS:
            assert any(persona in q.asked_by for q in qset.questions), persona
        steered = {c for choice in qset.choices for c in choice.categories}
        assert steered == {c.key for c in qset.categories}
    probed = {key for q in project.questions for key in q.probes}
    assert {"data", "online_metrics", "impact", "tuning", "alternatives"} <= probed
    assert [c.key for c in project.choices] == ["technical", "impact", "leadership"]


def test_every_field_of_both_templates_is_probed(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    for name, skip in (("project", set()), ("star", {"question"})):
        probed = {key for q in question_sets[name].questions for key in q.probes}
        assert set(templates.get(name).keys) - skip <= probed, name


def test_placeholders_use_the_story_and_fall_back_without_it(
    question_sets: dict[str, QuestionSet],
) -> None:
    question = next(q for q in question_sets["project"].questions if "{model}" in q.text)
    filled = question.render({"model": "Gradient-boosted trees in XGBoost. Trained nightly."})
    assert "gradient-boosted trees in XGBoost" in filled
    assert "{" not in filled
    assert question.render({"model": ""}) == question.fallback
    assert question.render({}) == question.fallback


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Gradient-boosted trees in XGBoost. The data was tabular",
            "gradient-boosted trees in XGBoost",
        ),
        ("LightGBM, because it is fast", "LightGBM"),
        (
            "A single global model across all stores and items and regions too",
            "a single global model across all stores and…",
        ),
        ("", ""),
    ],
)
def test_short_phrase(text: str, phrase: str) -> None:
    assert short_phrase(text) == phrase


# -- broken user question sets ------------------------------------------------------------------


def user_bank(tmp_path: Path, question_sets: dict[str, QuestionSet], **change: object) -> Path:
    data = yaml.safe_load((shipped_templates_dir() / "questions" / "project.yaml").read_text())
    question = data["questions"][1]
    question.update(change)
    folder = tmp_path / "user"
    (folder / "questions").mkdir(parents=True)
    path = folder / "questions" / "project.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return folder


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": "You chose {modle}: why?", "fallback": "Why?"}, "placeholder {modle}"),
        ({"asked_by": ["recruiter"]}, "'recruiter' is not a known persona"),
        ({"category": "astrology"}, "category 'astrology' is not declared"),
        ({"probes": ["colour"]}, "'colour' is not a known field key"),
        ({"text": "You chose {model}: why?"}, "add a fallback"),
        ({"target_seconds": "long"}, "target_seconds must be"),
        ({"colour": "blue"}, "unknown setting 'colour'"),
    ],
)
def test_a_broken_user_bank_is_named_and_the_shipped_one_kept(
    tmp_path: Path,
    question_sets: dict[str, QuestionSet],
    templates: TemplateSet,
    change: dict[str, object],
    message: str,
) -> None:
    folder = user_bank(tmp_path, question_sets, **change)
    found = load_question_sets(shipped_templates_dir(), templates, [folder])
    assert found.by_name["project"].origin == "shipped"
    (problem,) = found.problems
    said = str(problem)
    assert message in said
    assert said.startswith(str(folder / "questions" / "project.yaml") + ":")
    assert problem.line is not None and problem.line > 1
    assert "question " in said  # names the question


def test_duplicate_ids_are_refused(
    tmp_path: Path, question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    first = question_sets["project"].questions[0].id
    folder = user_bank(tmp_path, question_sets, id=first)
    (problem,) = load_question_sets(shipped_templates_dir(), templates, [folder]).problems
    assert f"id {first!r} is used twice" in str(problem)


def test_a_good_user_bank_overrides_by_name(
    tmp_path: Path, question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    folder = user_bank(tmp_path, question_sets, text="What would you measure first?")
    found = load_question_sets(shipped_templates_dir(), templates, [folder])
    assert not found.problems
    assert found.by_name["project"].origin == "user"
    assert found.by_name["project"].questions[1].text == "What would you measure first?"


def test_a_malformed_bank_file_is_one_line(tmp_path: Path, templates: TemplateSet) -> None:
    folder = tmp_path / "user"
    (folder / "questions").mkdir(parents=True)
    (folder / "questions" / "mine.yaml").write_text("name: mine\nquestions: [unclosed\n")
    (problem,) = load_question_sets(shipped_templates_dir(), templates, [folder]).problems
    assert "not valid YAML" in str(problem)
    assert "\n" not in str(problem)


# -- choosing the follow-ups ------------------------------------------------------------


def test_a_story_without_online_metrics_is_asked_about_them_first(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    fields = complete_project(templates)
    fields["online_metrics"] = ""
    for seed in range(10):
        picks = choose_followups(
            question_sets["project"], templates.get("project"), fields, {}, now=NOW, seed=seed
        )
        assert "online_metrics" in picks[0].question.probes
        assert picks[0].reason == "gap: online_metrics is empty"
        assert picks[0].stage == "gap"


def test_impact_without_a_number_gets_an_impact_question(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    fields = complete_project(templates)
    fields["impact"] = "The retention team was much happier and churn improved a lot."
    picks = choose_followups(
        question_sets["project"], templates.get("project"), fields, {}, now=NOW
    )
    assert "impact" in picks[0].question.probes
    assert picks[0].reason == "gap: impact has no figure"


def test_an_empty_story_is_all_gaps(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    picks = choose_followups(
        question_sets["star"], templates.get("star"), {}, {}, limit=8, now=NOW, seed=3
    )
    gaps = [p for p in picks if p.stage == "gap"]
    assert len(gaps) >= 3
    assert picks[: len(gaps)] == gaps  # gaps come first
    assert all(p.reason.endswith("is empty") for p in gaps)
    asked_about = {key for p in gaps for key in p.question.probes}
    assert {"situation", "task", "action", "result", "lesson"} <= asked_about
    assert len({p.question.id for p in picks}) == 8


def test_same_seed_same_plan_and_seeds_vary_it(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    fields = complete_project(templates)
    qset, template = question_sets["project"], templates.get("project")

    def ids(seed: int) -> list[str]:
        return [
            p.question.id
            for p in choose_followups(qset, template, fields, {}, now=NOW, seed=seed, limit=6)
        ]

    assert ids(7) == ids(7)
    plans = {tuple(ids(seed)) for seed in range(20)}
    assert len(plans) >= 15
    asked = {qid for plan in plans for qid in plan}
    assert len(asked) >= 30  # not the same few every time


def test_nothing_is_asked_twice_and_exclude_is_kept(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    qset = question_sets["project"]
    first = qset.questions[0].id
    picks = choose_followups(
        qset, templates.get("project"), {}, {}, now=NOW, limit=60, exclude=[first]
    )
    ids = [p.question.id for p in picks]
    assert len(ids) == len(set(ids)) == 60
    assert first not in ids


def test_persona_and_checkin_weigh_the_mix(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    fields = complete_project(templates)
    qset, template = question_sets["project"], templates.get("project")
    steer = set(qset.choice("leadership").categories)

    def share(**options: object) -> float:
        hits = total = 0
        for seed in range(40):
            for p in choose_followups(
                qset, template, fields, {}, now=NOW, seed=seed, limit=5, **options
            ):  # type: ignore[arg-type]
                total += 1
                hits += p.question.category in steer
        return hits / total

    assert share(focus="leadership") > share() + 0.2
    manager = [
        p.question
        for seed in range(40)
        for p in choose_followups(
            qset, template, fields, {}, now=NOW, seed=seed, persona="non-technical", limit=5
        )
    ]
    assert sum("non-technical" in q.asked_by for q in manager) / len(manager) > 0.6
    with pytest.raises(InputError, match="unknown check-in choice"):
        choose_followups(qset, template, fields, {}, now=NOW, focus="astrology")


def test_weak_answers_come_back_when_due(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    fields = complete_project(templates)
    qset, template = question_sets["project"], templates.get("project")
    weak_q, strong_q = qset.questions[3].id, qset.questions[4].id
    asked = NOW - dt.timedelta(days=6)
    reviews = {
        weak_q: review(None, Rating.WEAK, asked),
        strong_q: review(None, Rating.VERY_STRONG, asked),
    }
    picks = choose_followups(qset, template, fields, reviews, now=NOW)
    assert picks[0].question.id == weak_q
    assert picks[0].reason == "due: rated weak 6 days ago"
    tomorrow_of_rating = asked + dt.timedelta(days=1)
    early = choose_followups(qset, template, fields, reviews, now=tomorrow_of_rating)
    assert all(p.stage != "due" for p in early)


# -- scheduling --------------------------------------------------------------------------


def test_schedule_across_simulated_days() -> None:
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    state = review(None, Rating.VERY_WEAK, day)
    assert state.due == day + dt.timedelta(days=1)
    assert state.is_due(day + dt.timedelta(days=1)) and not state.is_due(day)
    intervals = []
    for _ in range(4):
        day = state.due
        state = review(state, Rating.STRONG, day)
        intervals.append(state.interval_days)
    assert intervals[0] == 4
    assert intervals == sorted(intervals) and intervals[-1] > 20
    lapsed = review(state, Rating.WEAK, state.due)
    assert lapsed.interval_days == 2 and lapsed.reps == 0
    assert lapsed.ease < state.ease
    assert replay([(Rating.VERY_WEAK, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))]) == review(
        None, Rating.VERY_WEAK, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    assert replay([]) is None


def test_ease_never_falls_below_its_floor() -> None:
    state: Review | None = None
    for n in range(20):
        state = review(state, Rating.VERY_WEAK, NOW + dt.timedelta(days=n))
    assert state is not None and state.ease == 1.3


def test_rating_parse() -> None:
    assert Rating.parse("very weak") is Rating.VERY_WEAK
    assert Rating.parse(3) is Rating.STRONG
    assert Rating.STRONG.label == "strong" and Rating.WEAK.weak and not Rating.STRONG.weak


# -- the session --------------------------------------------------------------------------


def test_a_session_keeps_time_by_the_clock(
    question_sets: dict[str, QuestionSet], templates: TemplateSet, clock: FakeClock
) -> None:
    template = templates.get("star")
    sections = pitch_steps(template, {"situation": "We had a freeze."})
    assert [s.key for s in sections] == ["situation", "task", "action", "result"]
    assert sections[0].notes == "We had a freeze."
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
    assert session.results[2].skipped
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
    session.add_note("  say the number  ")
    assert session.results[5].note == "say the number"
    session.advance()
    session.skip()
    assert session.done
