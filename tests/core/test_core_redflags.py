"""Red flags: the methodological mistakes found in a story's own words, and the many ways of
saying the right thing that must not raise one (a false flag keeps a story in draft)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.core.checks import lint_story
from coach.core.redflag_table import FLAGS
from coach.core.redflags import red_flags
from coach.core.templates import TemplateSet
from coach.paths import samples_dir

LEAKY_CHURN = {
    "goal": "At Example Mobile I built a model that predicts which customers cancel next month.",
    "impact": "We expect churn among contacted customers to go from 2.1% to 1.7% a month.",
    "data": (
        "Only 3% of customers cancel in a month, so I applied SMOTE to the whole dataset "
        "and then split it 80/20 into train and test sets."
    ),
    "features": (
        "Tenure, plan, dropped calls, and the number of support calls after cancellation, "
        "which was the strongest feature."
    ),
    "tuning": "I tuned the tree depth and learning rate on the test set.",
    "offline_metrics": "It reached 99% accuracy on the test set.",
}
"""Every mistake at once: the story a user writes before an interviewer takes it apart."""

CLEAN_CHURN = {
    "goal": "At Example Mobile I built a model that predicts which customers cancel next month.",
    "data": (
        "Eighteen months of history; only 3% of customers cancel in a month. After splitting "
        "by month, I applied SMOTE to the training folds only, never to the test data."
    ),
    "features": "Tenure, plan and dropped calls, each computed as of the scoring date.",
    "tuning": "Depth and learning rate, tuned with cross-validation on the training months.",
    "offline_metrics": (
        "On the last two months, held out: PR-AUC 0.41 against 0.18 for the renewal-date rule, "
        "not accuracy, which a model predicting no churn would ace."
    ),
    "online_metrics": "In a 10-week A/B test, churn fell from 2.1% to 1.7% a month.",
}

FORECAST = {
    "goal": "I built the weekly demand forecast for 300 stores at a grocery chain.",
    "data": "Three years of weekly sales per store and product.",
    "tuning": "I tuned it on rolling-origin backtests, always training on the past only.",
    "offline_metrics": "Weighted MAPE of 14% against 21% for last year's sales as forecast.",
}


def flags(form, fields: dict[str, str]) -> list[str]:
    return [f.flag for f in red_flags(form, fields)]


@pytest.fixture
def project(templates: TemplateSet):
    return templates.get("project")


@pytest.fixture
def star(templates: TemplateSet):
    return templates.get("star")


# -- whole stories -------------------------------------------------------------------------


def test_a_leaky_evaluation_raises_each_of_its_mistakes_on_its_own_field(project) -> None:
    found = {f.flag: f for f in red_flags(project, LEAKY_CHURN)}
    assert {flag: f.key for flag, f in found.items()} == {
        "leaky-preprocessing": "data",
        "tuned-on-test": "tuning",
        "accuracy-on-rare-positives": "offline_metrics",
        "future-features": "features",
        "too-good-offline": "offline_metrics",
    }
    for flag, finding in found.items():
        assert finding.check == "red_flag"
        assert finding.message == "red flag: " + FLAGS[flag].explanation
        assert finding.question.endswith("?") and finding.question.count("?") == 1
    assert found["too-good-offline"].question.startswith("Your offline accuracy was 99%:")
    # The same project told carefully raises nothing.
    assert flags(project, CLEAN_CHURN) == []


def test_a_forecast_split_by_time_raises_nothing_and_at_random_it_does(project) -> None:
    assert flags(project, FORECAST) == []
    shuffled = {**FORECAST, "tuning": "I tuned it on a random 80/20 split of the weeks."}
    assert flags(project, shuffled) == ["random-split-on-time"]


def test_the_sample_stories_raise_no_red_flag_though_one_tells_of_a_leak(
    templates: TemplateSet,
) -> None:
    """They are written well; the churn story says how it caught a leaking field. Told
    without owning up to it, that field is a red flag."""
    stories = {
        path.stem: yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for path in sorted(samples_dir().glob("*.yaml"))
    }
    for slug, story in stories.items():
        assert flags(templates.get(story["template"]), story["fields"]) == [], slug
    churn = stories["churn-leakage"]["fields"]
    said = churn["challenges"].replace(", so it leaked the answer", " and fed the model")
    assert said != churn["challenges"]
    raised = red_flags(templates.get("project"), {**churn, "challenges": said})
    assert [(f.key, f.flag) for f in raised] == [("challenges", "future-features")]


def test_a_flagged_field_no_longer_passes_in_lint(project) -> None:
    done = lint_story(project, {**CLEAN_CHURN, "tuning": LEAKY_CHURN["tuning"]})
    assert [(f.key, f.flag) for f in done.findings if f.check == "red_flag"] == [
        ("tuning", "tuned-on-test")
    ]
    clean = lint_story(project, CLEAN_CHURN)
    assert done.passing == clean.passing - 1


# -- one phrasing at a time: the mistake, and the careful way of saying the same thing --

FORECASTING = {"goal": "A weekly demand forecast for 300 stores."}
CHURN = {"goal": "A churn model; only 2% of customers leave in a month."}
FRAUD = {"goal": "A card fraud model."}

PAIRS = [
    (
        "leaky-preprocessing",
        "I applied SMOTE before splitting into train and test sets.",
        "After splitting, I applied SMOTE to the training set only.",
    ),
    (
        "leaky-preprocessing",
        "I applied SMOTE to the whole dataset and then split it 80/20.",
        "I split the data 80/20 before applying SMOTE.",
    ),
    (
        "leaky-preprocessing",
        "Before the train/test split, I standardised every feature.",
        "To avoid leakage I did not standardise anything before the split.",
    ),
    (
        "leaky-preprocessing",
        "First I oversampled the minority class. Then I split the data.",
        "Rather than oversampling the whole dataset, I oversampled the training folds only.",
    ),
    (
        "leaky-preprocessing",
        "Missing incomes were imputed with the mean of the entire dataset.",
        "Missing incomes were imputed with zeros across the whole dataset, plus an indicator.",
    ),
    (
        "leaky-preprocessing",
        "PCA was fitted on the whole dataset, 300 columns to 40.",
        "PCA and the scaler were fitted in a pipeline, refitted on each fold.",
    ),
    (
        "leaky-preprocessing",
        "I normalised all the data with a scaler, then trained with cross-validation.",
        "I resampled the sensor readings to hourly averages across the whole dataset.",
    ),
    (
        "leaky-preprocessing",
        "We oversampled fraud cases with SMOTE and then ran 5-fold cross-validation.",
        "We ran 5-fold cross-validation, oversampling with SMOTE inside each training fold.",
    ),
    (
        "leaky-preprocessing",
        "I scaled all the data before splitting.",
        "At first I scaled all the data before splitting, which leaked; I redid it properly.",
    ),
    (
        "random-split-on-time",
        {**FORECASTING, "tuning": "I used a random 80/20 train/test split."},
        {**FORECASTING, "tuning": "Instead of a random split, I held out the last 13 weeks."},
    ),
    (
        "random-split-on-time",
        {**FORECASTING, "tuning": "I tuned it with 5-fold cross-validation."},
        {**FORECASTING, "tuning": "Time-series cross-validation: each fold trains on the past."},
    ),
    (
        "random-split-on-time",
        {**FORECASTING, "tuning": "Shuffled k-fold cross-validation over the weeks."},
        {**FORECASTING, "impact": "A 3-fold rise in forecast use against last year's tool."},
    ),
    (
        "random-split-on-time",
        "Two years of card transactions, split randomly into train and test.",
        "Two years of card transactions, split by month: trained on 2022, tested on 2023.",
    ),
    (
        "random-split-on-time",
        {**CHURN, "data": "Customer rows were randomly split 80/20 into train and test."},
        {**CHURN, "online_metrics": "Users were randomly split 50/50 into control and treatment."},
    ),
    (
        "random-split-on-time",
        {**CHURN, "data": "I shuffled the monthly snapshots and split them 80/20."},
        {**CHURN, "tuning": "I used random search over 80 trials."},
    ),
    (
        "random-split-on-entities",
        "12,000 chest X-rays from 3,000 patients, with a random 80/20 split.",
        "12,000 chest X-rays from 3,000 patients, split randomly by patient so none is in both.",
    ),
    (
        "tuned-on-test",
        "I tuned the tree depth and learning rate on the test set.",
        "I tuned the tree depth on a validation set and scored the test set once.",
    ),
    (
        "tuned-on-test",
        "I picked the model that did best on the test set.",
        "The test set was never used for picking or tuning anything.",
    ),
    (
        "tuned-on-test",
        "A grid search with 5-fold cross-validation on the whole dataset.",
        "Grid search with cross-validation on the full dataset, then a check on a held-out month.",
    ),
    (
        "tuned-on-test",
        "I used the test set to choose the decision threshold.",
        "I used the validation set to choose the decision threshold.",
    ),
    (
        "accuracy-on-rare-positives",
        {**CHURN, "offline_metrics": "Accuracy was 96% against 93% for the renewal rule."},
        {**CHURN, "offline_metrics": "I judged it on precision in the top decile, not accuracy."},
    ),
    (
        "accuracy-on-rare-positives",
        {**FRAUD, "offline_metrics": "Accuracy of 94% against 92% for the rules."},
        {**FRAUD, "offline_metrics": "Accuracy of 94% against 92% for the rules; recall 81%."},
    ),
    (
        "accuracy-on-rare-positives",
        {**FRAUD, "offline_metrics": "Model accuracy was 94% against 90% for the rules."},
        {**FRAUD, "data": "Label accuracy was 94% against 90% for the old vendor."},
    ),
    (
        "future-features",
        {**CHURN, "features": "The number of support calls after cancellation."},
        {**CHURN, "features": "Only activity before the scoring date; nothing after cancellation."},
    ),
    (
        "future-features",
        "A cancellation-reason field was one of the model's inputs.",
        "A cancellation-reason field was filled in during the exit call, so it leaked the answer.",
    ),
    (
        "future-features",
        {**FRAUD, "features": "Inputs included the refund issued flag."},
        {"goal": "A demand model.", "features": "Inputs included the refund issued flag."},
    ),
    (
        "future-features",
        {**CHURN, "features": "A flag for whether the customer later called to cancel."},
        {**CHURN, "findings": "Customers who cancel after a price rise rarely come back."},
    ),
    (
        "too-good-offline",
        "R² of 0.99 on the test set, against 0.6 for linear regression.",
        "R² of 0.99 on the training set and 0.83 on the test set, against 0.6 for linear.",
    ),
    (
        "too-good-offline",
        "The first model scored 0.99 AUC against 0.7 for the rules.",
        "The first model scored 0.99 AUC, which turned out to be a leak.",
    ),
    (
        "no-baseline",
        {"offline_metrics": "Weighted MAPE was 18.5%."},
        {"offline_metrics": "Weighted MAPE was 18.5% against 24% for last year's sales."},
    ),
    (
        "no-baseline",
        {"offline_metrics": "F1 of 0.72 on a held-out set."},
        {"offline_metrics": "F1 and PR-AUC on a held-out set."},
    ),
    (
        "no-baseline",
        {"offline_metrics": "We got 92% precision at 40% recall."},
        {"offline_metrics": "Is 92% precision at 40% recall good enough?"},
    ),
]


def story(fields: str | dict[str, str]) -> dict[str, str]:
    return {"challenges": fields} if isinstance(fields, str) else fields


@pytest.mark.parametrize(
    ("flag", "mistake", "careful"), PAIRS, ids=[f"{p[0]}-{i}" for i, p in enumerate(PAIRS)]
)
def test_a_mistake_is_flagged_and_the_careful_wording_is_not(
    project, flag: str, mistake: str | dict[str, str], careful: str | dict[str, str]
) -> None:
    assert flag in flags(project, story(mistake))
    assert flags(project, story(careful)) == []


def test_a_strong_score_with_a_live_result_is_not_too_good(project) -> None:
    offline = {"offline_metrics": "AUC 0.99 against 0.70 for the rules."}
    assert flags(project, offline) == ["too-good-offline"]
    live = {**offline, "online_metrics": "In a 4-week A/B test, fraud losses fell 12%."}
    assert flags(project, live) == []
    assert flags(project, {"offline_metrics": "AUC 0.93 against 0.70 for the rules."}) == []


def test_the_entity_in_the_question_is_the_storys_own(project) -> None:
    data = "40 hours of recordings from 200 speakers, randomly split 90/10 into train and test."
    [found] = red_flags(project, {"data": data})
    assert found.flag == "random-split-on-entities"
    assert found.question == "When you split the data, where did each speaker's examples end up?"
    assert "the same speaker" in found.message


def test_alternatives_or_a_comparison_anywhere_is_a_baseline(project) -> None:
    metric = {"offline_metrics": "Weighted MAPE was 18.5%."}
    assert flags(project, metric) == ["no-baseline"]
    assert flags(project, {**metric, "alternatives": "Prophet per item, and DeepAR."}) == []
    assert flags(project, {**metric, "impact": "Waste fell from 9% to 7% of stock."}) == []


# -- we and I --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("we", "i"),
    [
        (
            "We rebuilt the feature, we retrained the model and our team added a drift check.",
            "I rebuilt the feature; we retrained the model and our team added a drift check.",
        ),
        (
            "We moved the I/O layer to our new US cluster and we tuned it.",
            "Me and two engineers moved the I/O layer to our new cluster; we met daily.",
        ),
    ],
)
def test_we_everywhere_and_i_nowhere_in_the_action(star, we: str, i: str) -> None:
    [found] = red_flags(star, {"action": we})
    assert (found.key, found.flag) == ("action", "we-not-i")
    assert found.question == "Which of those steps did you do yourself?"
    assert flags(star, {"action": i}) == []
    assert flags(star, {"action": "We met daily. The model was retrained."}) == []


def test_the_questions_a_star_story_answers_are_never_read(star) -> None:
    text = "Tell me about a time we got 99% accuracy on fraud."
    assert "too-good-offline" in flags(star, {"result": text})
    assert flags(star, {"question": text, "action": "I rebuilt it."}) == []


# -- a mistake caught and put right is a strength ------------------------------------------

FOUND = "We found that two of the features were recorded after cancellation."


@pytest.mark.parametrize(
    ("fields", "raised"),
    [
        ({"action": f"{FOUND} I rolled the model back."}, []),
        ({"action": f"{FOUND} It was late on a Friday. I removed them and retrained."}, []),
        ({"situation": f"Two weeks after launch: {FOUND}", "task": "I took them out."}, []),
        ({"action": f"{FOUND} I kept them: they were our best."}, ["future-features"]),
        ({"action": f"{FOUND} I rolled the model out to every region."}, ["future-features"]),
        ({"action": f"{FOUND}", "result": "I retrained it every month."}, ["future-features"]),
        ({"action": "Two features were recorded after cancellation. I rolled it back."}, []),
        (
            {
                "task": "We found a bug.",
                "action": "Two features came after cancellation. I fixed it.",
            },
            [],
        ),
    ],
)
def test_a_future_feature_caught_and_fixed_is_not_a_red_flag(
    star, fields: dict[str, str], raised: list[str]
) -> None:
    assert flags(star, {"question": "Tell me about a failure.", **fields}) == raised
