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
    assert result.matches[0].slug == "support-ticket-routing" and result.fits


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
