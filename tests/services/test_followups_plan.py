"""`plan()`: the follow-ups a rehearsal asks, read from a real database with the story's
checks, red flags and the findings the user dismissed; what each step carries for the
rehearsal screen."""

from __future__ import annotations

import datetime as dt

from coach.core.questions import QuestionSets
from coach.core.rehearsal import followup_steps
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.services.rehearsals import plan
from coach.services.stories import checked, dismiss_findings
from coach.services.workspace import Workspace
from coach.store import Store

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)


def sample(store: Store, slug: str) -> Story:
    row = store.find(slug)
    assert row is not None
    return store.story(row.id)


def test_the_produce_forecast_opens_on_its_vague_impact(
    samples: Store, templates: TemplateSet, workspace: Workspace
) -> None:
    story = sample(samples, "produce-demand-forecast")
    qset = workspace.question_sets.for_template("project")
    for persona in (None, "technical", "manager", "non-technical"):
        for seed in range(10):
            first = plan(samples, story, templates, qset, persona=persona, seed=seed, now=NOW)[0]
            assert first.text.startswith('You said "waste went down significantly"')
            data = first.as_json()
            assert (data["for"], data["field"], data["stage"]) == ("vague", "impact", "gap")
            assert "flag" not in data


def test_a_dismissed_finding_no_longer_pulls_the_follow_ups(
    samples: Store, templates: TemplateSet, workspace: Workspace
) -> None:
    story = sample(samples, "produce-demand-forecast")
    assert story.id is not None
    qset = workspace.question_sets.for_template("project")
    impact = [f for f in checked(samples, templates, story.id).findings if f.key == "impact"]
    assert {f.check for f in impact} >= {"vague"}
    dismiss_findings(samples, story.id, impact, story.fields["impact"])
    for seed in range(10):
        picks = plan(samples, story, templates, qset, seed=seed, now=NOW)
        assert all(not (p.stage == "gap" and p.field == "impact") for p in picks)


def test_a_red_flag_says_its_key_and_asks_its_own_question(
    store: Store, templates: TemplateSet, workspace: Workspace
) -> None:
    leaky = Story(
        title="No-show model",
        template="project",
        fields={
            "goal": (
                "At Acme Clinics I built a model that predicts which patients will miss an "
                "appointment, so reception can call them the day before."
            ),
            "impact": "Missed appointments fell from 14% to 11% against the clinics without it.",
            "offline_metrics": (
                "I scaled every feature and oversampled the no-shows with SMOTE on the whole "
                "dataset, then split it 80/20. Recall was 0.88 against 0.52 for the old rule."
            ),
        },
    )
    story_id = store.create_story(leaky)
    story = store.story(story_id)
    qset = workspace.question_sets.for_template("project")
    picks = plan(store, story, templates, qset, persona="technical", now=NOW)
    first = picks[0].as_json()
    assert (first["for"], first["flag"], first["field"]) == (
        "red_flag",
        "leaky-preprocessing",
        "offline_metrics",
    )
    assert str(first["text"]).startswith("Walk me through the order of your pipeline")
    flag = next(f for f in checked(store, templates, story_id).findings if f.flag)
    dismiss_findings(store, story_id, [flag], story.fields["offline_metrics"])
    again = plan(store, story, templates, qset, persona="technical", now=NOW)
    assert all(p.flag != "leaky-preprocessing" for p in again)


def test_steps_carry_the_story_text_and_what_a_strong_answer_contains(
    samples: Store, templates: TemplateSet, workspace: Workspace
) -> None:
    story = sample(samples, "produce-demand-forecast")
    qsets: QuestionSets = workspace.question_sets
    qset = qsets.for_template("project")
    picks = plan(samples, story, templates, qset, now=NOW, limit=3)
    steps = followup_steps(qset, picks)
    assert steps[0].field == "impact" and steps[0].field_label == "Impact, in numbers"
    assert steps[0].notes == story.fields["impact"].strip()
    for step, pick in zip(steps, picks, strict=True):
        category = qset.category(pick.question.category)
        assert step.strong == (pick.question.strong or category.strong) != ""
        assert step.served == pick.served


def test_every_interviewer_asks_about_accuracy_on_rare_fraud_once_per_category(
    store: Store, templates: TemplateSet, workspace: Workspace
) -> None:
    rare = Story(
        title="Card fraud alerts",
        template="project",
        role="ML engineer",
        fields={
            "goal": "At Acme Bank I built a model that flags card payments likely to be fraud.",
            "impact": "Fraud losses fell from $3.1M to $2.4M a year against the old rules.",
            "data": "10 million card payments over two years; only 0.3% were fraud.",
            "alternatives": "The old rules caught 40% of fraud; logistic regression caught 52%.",
            "offline_metrics": "The model reached 99.6% accuracy on the held-out last quarter.",
        },
    )
    story_id = store.create_story(rare)
    story = store.story(story_id)
    flags = {f.flag for f in checked(store, templates, story_id).findings}
    assert "accuracy-on-rare-positives" in flags
    qset = workspace.question_sets.for_template("project")
    for persona in ("technical", "manager", "non-technical"):
        for seed in range(10):
            picks = plan(store, story, templates, qset, persona=persona, seed=seed, now=NOW)
            flagged = [p.as_json() for p in picks if p.flag == "accuracy-on-rare-positives"]
            assert flagged and flagged[0]["for"] == "red_flag", persona
            plain = [p for p in picks if p.served != "red_flag"]
            categories = [p.question.category for p in plain]
            assert len(categories) == len(set(categories)), (persona, categories)
            assert all("as ML engineer" not in p.text for p in picks)
