"""Coverage oddities found running `coach coverage` on the samples (issue 12): a text
question has no story among them, not a weak one that mentions messages in passing."""

from __future__ import annotations

from coach.services.matching import Matcher, common_questions
from coach.services.workspace import Workspace
from coach.store import Store


def test_the_text_question_has_no_story_among_the_samples(
    samples: Store, workspace: Workspace
) -> None:
    report = Matcher(samples).coverage(common_questions(workspace).questions)
    (row,) = [r for r in report.rows if r.question.id == "nlp-project"]
    assert (row.level, row.best) == ("none", None), row.best


def test_a_story_that_broke_answers_the_incident_question(
    samples: Store, workspace: Workspace
) -> None:
    report = Matcher(samples).coverage(common_questions(workspace).questions)
    (row,) = [r for r in report.rows if r.question.id == "incident-response"]
    assert row.level == "good" and row.best is not None
    assert row.best.slug == "fraud-model-drift", row.best
