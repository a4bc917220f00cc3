"""Reasons an interviewer would frown at, found by running the common questions against the
samples: each was once given, and is now not."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.templates import TemplateSet
from coach.services.matching import CommonQuestions, Matcher, MatchResult, common_questions
from coach.services.stories import import_paths
from coach.services.workspace import Workspace
from coach.store import Store

FOLDER = Path(__file__).parent.parent / "match_stories"


@pytest.fixture
def questions(workspace: Workspace) -> CommonQuestions:
    return common_questions(workspace).questions


def ask(store: Store, questions: CommonQuestions, question_id: str) -> MatchResult:
    return Matcher(store).match_text(question_id, questions, limit=3)


def reasons(result: MatchResult) -> list[str]:
    return [why for m in result.matches for why in m.why]


def test_better_is_no_bet(samples: Store, questions: CommonQuestions) -> None:
    said = reasons(ask(samples, questions, "decision-incomplete-data"))
    assert not any("better" in why for why in said)


def test_a_text_question_is_no_search_story(
    samples: Store, questions: CommonQuestions, templates: TemplateSet
) -> None:
    result = ask(samples, questions, "nlp-project")
    assert not result.fits  # the samples hold no story about text
    import_paths(samples, sorted(FOLDER.glob("*-*.yaml")), templates)
    result = ask(samples, questions, "nlp-project")
    # with the c_ stories, the claims inbox story is about text as well
    assert result.matches[0].slug in {"support-ticket-routing", "claims-email-sorting"}
    assert result.fits


def test_a_failure_story_beats_a_story_where_a_job_failed(
    samples: Store, questions: CommonQuestions
) -> None:
    assert ask(samples, questions, "biggest-failure").matches[0].slug == "fraud-model-drift"


@pytest.mark.parametrize(
    ("question_id", "wrong"),
    [
        ("large-data", "billing"),  # billions of rows, not a bill
        ("latency-constraint", "product ~"),  # a product is not production
        ("fairness-concern", "biased"),  # position bias is not unfairness
        ("fairness-concern", "fairness: fair"),  # a fair test is not fairness
        ("ab-test-story", "designed"),  # designing an experiment is not designers
        ("metric-choice", "decide"),  # how you decided is not a judgement call
        ("beyond-your-role", "because"),
        ("beyond-your-role", "needed"),
        ("improved-process", "changed"),
        ("working-remote-team", "moving"),
    ],
)
def test_no_weak_reason(
    samples: Store, questions: CommonQuestions, question_id: str, wrong: str
) -> None:
    said = reasons(ask(samples, questions, question_id))
    assert not any(wrong in why for why in said), said


# Issue 12, a new user's own stories (tests/match_stories/c_*.yaml): reasons that were given.


@pytest.fixture
def bank(samples: Store, templates: TemplateSet) -> Store:
    import_paths(samples, sorted(FOLDER.glob("*-*.yaml")), templates)
    return samples


def typed(store: Store, question: str) -> MatchResult:
    return Matcher(store).match(question, limit=3)


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("Have you led a team?", "manager ~"),  # a manager someone has is no leadership
        ("A time you led a team of analysts", "managers ~"),
        ("How far ahead did you forecast?", "~ far"),  # a fare, a rate: not 'far'
        ("Walk me through a forecast you built", "seller ~"),  # a seller is no sale
        ("Walk me through a forecast you built", "sales ~"),
        ("How did you set prices?", "discounts ~"),  # a retention discount is no pricing
        ("Why did you keep using it, even though it was not ready yet?", "using"),
        ("Why did you keep using it, even though it was not ready yet?", "yet"),
    ],
)
def test_no_odd_reason_for_a_typed_question(bank: Store, question: str, wrong: str) -> None:
    said = reasons(typed(bank, question))
    assert not any(wrong in why for why in said), said


def test_a_grocer_is_no_forecast() -> None:
    from coach.core.match_vocabulary import scan

    assert ("c:forecast", "grocer") not in scan("the grocer")


def test_learning_to_rank_is_no_learning_fast(bank: Store) -> None:
    found = typed(bank, "Learning to rank for a self-service knowledge base")
    assert not any("learning fast" in why for why in reasons(found))
    found = typed(bank, "Tell me about a time you had to learn a new tool fast")
    assert found.matches[0].slug == "spark-in-two-weeks"
    # 'learn from clicks', 'a learned ranking model': no learning fast, so no marketplace story
    assert "marketplace-search-ranking" not in [m.slug for m in found.matches]


def test_leading_a_team_finds_the_team_lead_story(bank: Store) -> None:
    assert typed(bank, "Have you led a team?").matches[0].slug == "new-team-lead"
    found = typed(bank, "A time you led a team of analysts")
    assert found.matches[0].slug == "new-team-lead"  # a team, not an analyst mentored


def test_a_forecast_story_beats_a_story_that_uses_a_forecast(bank: Store) -> None:
    found = typed(bank, "Walk me through a forecast you built. How far ahead, and how good?")
    first, *others = found.matches
    assert first.slug == "produce-demand-forecast"
    turbine = next(m for m in others if m.slug == "turbine-vibration-alerts")
    assert turbine.score < first.score / 2 and turbine.score < 0.35


def test_a_model_getting_worse_is_the_drift_story(samples: Store) -> None:
    found = typed(samples, "How have you noticed that a model in use was getting worse over time?")
    assert found.matches[0].slug == "fraud-model-drift" and found.fits
