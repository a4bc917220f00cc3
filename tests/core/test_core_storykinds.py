"""What kind of story this is: the tags and competencies first, then what the goal and the
model say the task is, and never a word that only tells how the work was done."""

from __future__ import annotations

import datetime as dt

from coach.core.followups import choose_followups
from coach.core.questions import load_question_sets
from coach.core.storykinds import story_kinds
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

KMEANS_WITH_CHURN = {
    "goal": "I segmented ShopCo's 2 million customers with k-means so marketing could target them.",
    "impact": "Repeat purchases rose from 21% to 24% against a random-offer control group.",
    "findings": "One segment of lapsed high spenders had twice the churn of the rest.",
    "model": "k-means with k=6, chosen by silhouette score and what marketing could act on.",
}
FRAUD_WITH_TIME_SERIES_CV = {
    "goal": "I built a card fraud classifier for Acme Bank's payments team.",
    "tuning": (
        "I tuned max depth with 5-fold time-series cross-validation on the training data, "
        "then scored a held-out quarter."
    ),
    "offline_metrics": "PR-AUC was 0.58 against 0.22 for the rules baseline.",
}
STAR_FAILURE = {
    "question": "Tell me about a time a model you shipped went wrong.",
    "situation": "Our churn model started flagging loyal customers a month after launch.",
    "task": "The model was mine, so finding the cause fell to me.",
    "action": (
        "I retrained it with a lower learning rate and more trees, and I rolled the old "
        "model back while I checked."
    ),
    "result": "Precision went from 0.31 back to 0.52 within a week.",
}


def test_a_kmeans_story_that_mentions_churn_is_clustering_not_classification() -> None:
    kinds = story_kinds([], [], KMEANS_WITH_CHURN)
    assert "clustering" in kinds
    assert "classification" not in kinds
    # Tagged with the business outcome, the model still says what the task is.
    assert story_kinds(["churn"], [], KMEANS_WITH_CHURN) >= {"clustering"}
    assert "classification" not in story_kinds(["churn"], [], KMEANS_WITH_CHURN)


def test_time_series_cross_validation_does_not_make_a_forecast() -> None:
    kinds = story_kinds([], [], FRAUD_WITH_TIME_SERIES_CV)
    assert "classification" in kinds
    assert {"time_series", "regression"}.isdisjoint(kinds)
    # Nothing but the method detail: still no forecast.
    alone = {"tuning": FRAUD_WITH_TIME_SERIES_CV["tuning"]}
    assert "time_series" not in story_kinds(["fraud"], [], alone)


def test_a_learning_rate_does_not_make_a_star_story_about_learning() -> None:
    kinds = story_kinds([], [], STAR_FAILURE)
    assert "failure" in kinds
    assert "learning" not in kinds
    learned = {**STAR_FAILURE, "task": "I had to learn Spark in two weeks; I had never used it."}
    assert "learning" in story_kinds([], [], learned)


def test_the_tags_and_competencies_come_first() -> None:
    assert story_kinds(["ranking", "search"], [], {"offline_metrics": "AUC 0.81, recall 0.6"}) >= {
        "ranking"
    }
    assert "classification" not in story_kinds(
        ["ranking"], [], {"offline_metrics": "AUC 0.81 and recall 0.6 against 0.7 before."}
    )
    themes = story_kinds([], ["failure"], {"action": "I pushed back and argued with my lead."})
    assert "failure" in themes and "conflict" not in themes


def test_a_real_churn_classifier_is_still_classification() -> None:
    churn = {
        "goal": "I built a churn model that ranks customers by their risk of cancelling.",
        "findings": "Customers in the prepaid segment left twice as often.",
        "tuning": "Learning rate and depth, tuned with time-series cross-validation.",
        "offline_metrics": "PR-AUC 0.41 against 0.22 for the contract-end rule.",
    }
    kinds = story_kinds([], [], churn)
    assert "classification" in kinds
    assert {"clustering", "time_series", "regression"}.isdisjoint(kinds)
    untold = {"offline_metrics": "Recall 0.62 at 30% precision against 0.4 for the rule."}
    assert "classification" in story_kinds([], [], untold)


def test_a_real_forecast_is_still_a_forecast() -> None:
    forecast = {
        "goal": "A weekly demand forecast for 300 stores, so managers order less waste.",
        "model": "One global LightGBM model predicting log sales.",
        "tuning": "Learning rate and leaves, tuned with time-series cross-validation.",
    }
    assert story_kinds([], [], forecast) >= {"regression", "time_series"}
    assert story_kinds(["forecasting"], [], {}) >= {"regression", "time_series"}


def test_a_kmeans_story_that_mentions_churn_gets_no_classification_question(
    templates: TemplateSet,
) -> None:
    qset = load_question_sets(shipped_templates_dir(), templates).by_name["project"]
    asked = {
        pick.question.id
        for seed in range(12)
        for pick in choose_followups(
            qset,
            templates.get("project"),
            KMEANS_WITH_CHURN,
            {},
            limit=25,
            seed=seed,
            now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        )
    }
    assert {"class-imbalance", "decision-threshold", "loop-unseen-outcomes"}.isdisjoint(asked)
