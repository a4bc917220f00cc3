"""Choosing follow-ups (plain pytest, no terminal): the gaps in their fixed order, the persona
and the check-in as filters, questions that fit the story, and the schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.errors import InputError
from coach.core.followups import Pick, choose_followups
from coach.core.gaps import story_gaps
from coach.core.questions import QuestionSet, load_question_sets
from coach.core.schedule import Rating, review
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SEEDS = range(25)

FRAUD = {
    "goal": (
        "At Harbour Bank I was the data scientist on the payments team. I built a model that "
        "ranks card payments by fraud risk, so the review team checks the riskiest first."
    ),
    "impact": (
        "Fraud losses fell from $2.1M to $1.4M a quarter against the old rules, with the same "
        "number of reviewers."
    ),
    "challenges": (
        "Fraud labels arrive up to 60 days late, so I trained on payments at least two months "
        "old. Scores had to come back within 50 ms of the card swipe."
    ),
    "findings": (
        "Payments made within a minute of a password reset were eight times as likely to be "
        "fraud, which the security team now uses too."
    ),
    "leadership": (
        "I ran a fortnightly review with two senior investigators, and I wrote the guide the "
        "on-call engineers follow when the model raises an alert."
    ),
    "scope": (
        "Nine months with a team of four: I owned the model and its evaluation, an engineer "
        "built the scoring service."
    ),
    "data": (
        "Eighteen months of card payments, about 240 million rows for 3 million customers, "
        "joined from the ledger, device logs and the fraud case system."
    ),
    "features": (
        "I started from 180 candidates and kept 52 after permutation importance on a "
        "time-based validation split."
    ),
    "model": (
        "Gradient-boosted trees in LightGBM, because the data is tabular with many gaps and "
        "each score takes under 5 ms."
    ),
    "alternatives": (
        "The baseline was the old rule set, which caught 41% of fraud at a 1% review rate. "
        "Logistic regression caught 55% and LightGBM 68% at the same rate."
    ),
    "tuning": (
        "Leaves, learning rate and the positive-class weight, over 60 random-search trials "
        "validated on later months than each training window."
    ),
    "offline_metrics": (
        "On the last three months, held out until the end: 68% of fraud caught at a 1% "
        "review rate, against 41% for the old rules."
    ),
    "online_metrics": (
        "A six-week randomized test on 10% of payments: losses per thousand payments were "
        "31% lower than in the control group, at the same review rate."
    ),
    "production": (
        "A real-time service scores every payment within 50 ms. I monitor input drift daily "
        "and the catch rate weekly, and the model retrains every month."
    ),
    "hindsight": (
        "It still misses fraud on brand-new cards, where there is no history. Starting over, "
        "I would set up the delayed labels before the first model."
    ),
    "plain_pitch": (
        "Card fraud cost the bank millions, and the team checking payments could only look "
        "at a few. I built a tool that puts the most suspicious payments at the top of their "
        "list, and losses fell by a third with the same people."
    ),
}
"""A complete classification story that fails no check: what is asked comes from the mix."""

KMEANS = {
    "goal": (
        "At Brightcart I was the analyst who grouped our 2 million shoppers into segments, so "
        "the marketing team could write one campaign per segment."
    ),
    "impact": (
        "Campaign revenue per email rose from $0.21 to $0.29 against the old one-size "
        "campaign, over a quarter."
    ),
    "challenges": (
        "Half the shoppers bought only once, so I built the segments on the 1.1 million who "
        "bought at least twice and placed the rest by their first basket."
    ),
    "findings": (
        "The biggest segment was night-time shoppers buying for the next morning, whom "
        "nobody in marketing had heard of."
    ),
    "leadership": (
        "I ran two workshops with the campaign managers to name the segments, and I wrote "
        "the one-page guide each campaign now starts from."
    ),
    "scope": "Three months, with one marketing analyst; the segments and their checks were mine.",
    "data": "Two years of orders, about 40 million rows for 2 million shoppers.",
    "features": (
        "14 behavioural features, such as basket size, time of day and share of fresh food, "
        "cut from 30 after checking which ones moved the groups."
    ),
    "model": "K-means on the 14 standardised features, with k chosen at 6.",
    "alternatives": (
        "The baseline was the old split by age band. Gaussian mixtures gave the same groups "
        "at ten times the cost."
    ),
    "tuning": "The number of segments, from 3 to 12, and ten restarts for each.",
    "offline_metrics": (
        "A silhouette of 0.41 against 0.18 for the age bands, and 92% of shoppers stayed in "
        "the same segment a month later."
    ),
    "online_metrics": (
        "Campaigns sent by segment earned 38% more revenue per email than the one-size "
        "campaign in a four-week split of the mailing list."
    ),
    "production": "The segments are recomputed every month and written to the mailing tool.",
    "hindsight": (
        "The segments still ignore returns. Starting over, I would agree the segment names "
        "with marketing before the first run."
    ),
    "plain_pitch": (
        "We sent every shopper the same email. I sorted shoppers into six groups that shop "
        "alike, and emails written for each group earned about a third more."
    ),
}
"""A clustering story: no labels, no threshold, no class imbalance to ask about."""


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def plans(
    qsets: dict[str, QuestionSet],
    templates: TemplateSet,
    fields: dict[str, str],
    *,
    template: str = "project",
    seeds: range = SEEDS,
    **options: object,
) -> list[list[Pick]]:
    return [
        choose_followups(
            qsets[template],
            templates.get(template),
            fields,
            {},
            now=NOW,
            seed=seed,
            **options,  # type: ignore[arg-type]
        )
        for seed in seeds
    ]


def asked(found: list[list[Pick]]) -> set[str]:
    return {p.question.id for plan in found for p in plan}


def test_the_complete_story_has_no_gaps(templates: TemplateSet) -> None:
    assert story_gaps(templates.get("project"), FRAUD) == []
    assert story_gaps(templates.get("project"), KMEANS) == []


# -- gaps in a fixed order of weight ------------------------------------------------------


def test_a_leaky_evaluation_is_asked_about_first(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    leaky = {
        **FRAUD,
        "impact": "Fraud losses went down significantly after launch.",
        "offline_metrics": (
            "I scaled the features and oversampled the fraud cases with SMOTE on the whole "
            "dataset, then split it 80/20 at random. Recall was 0.91 against 0.62 for the rules."
        ),
    }
    for persona in (None, "technical", "manager", "non-technical"):
        for plan in plans(question_sets, templates, leaky, persona=persona, limit=3):
            first = plan[0]
            assert (first.served, first.flag, first.stage) == (
                "red_flag",
                "leaky-preprocessing",
                "gap",
            )
            assert first.question.category == "leakage"
            if persona in (None, "technical"):  # the flag's own question, else in plain words
                assert first.text.startswith("Walk me through the order of your pipeline")
            assert first.reason.startswith("gap: red flag in offline_metrics")
            after_flags = [p for p in plan if p.served != "red_flag"]
            assert after_flags[0].field == "impact"  # then the impact figure
            assert first.as_json()["flag"] == "leaky-preprocessing"
            assert first.as_json()["for"] == "red_flag"


def test_a_vague_impact_is_asked_for_its_number_quoting_the_word(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    vague = {**FRAUD, "impact": "Customer engagement went up significantly after the launch."}
    for persona in (None, "technical", "manager", "non-technical"):
        for plan in plans(question_sets, templates, vague, persona=persona, limit=2):
            first = plan[0]
            assert (first.field, first.served) == ("impact", "vague")
            assert '"customer engagement went up significantly' in first.text
            assert "by how much" in first.text.lower()
            assert first.as_json()["for"] == "vague"
            assert "flag" not in first.as_json()


def test_gaps_come_in_the_order_an_interviewer_weighs_them(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    thin = {
        **FRAUD,
        "leadership": "",
        "plain_pitch": "",
        "tuning": "",
        "challenges": "",
        "impact": "Losses dropped a lot.",
    }
    order = [g.key for g in story_gaps(templates.get("project"), thin)]
    assert order == ["impact", "challenges", "tuning", "leadership", "plain_pitch"]
    for plan in plans(question_sets, templates, thin, persona="technical", limit=5):
        gaps = [p.field for p in plan if p.stage == "gap"]
        assert gaps[:3] == ["impact", "challenges", "tuning"]


def test_an_empty_field_gets_an_opener_never_a_question_about_its_content(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    no_finding = {**FRAUD, "findings": "", "online_metrics": ""}
    found = plans(question_sets, templates, no_finding, limit=12)
    ids = asked(found)
    assert {"finding-how", "finding-consequence"}.isdisjoint(ids)
    assert {"ab-setup", "ab-duration-power", "ab-unit", "significance"}.isdisjoint(ids)
    first_gaps = {p.question.id for plan in found for p in plan if p.field == "findings"}
    assert first_gaps <= {"finding-opener", "finding-people"}
    assert all(p.served == "empty" for plan in found for p in plan if p.field == "findings")


def test_a_story_with_no_feedback_is_not_asked_about_that_feedback(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    freeze = {
        "situation": (
            "Our hotel-ranking model needed hourly prices, but the data engineering team had "
            "frozen their pipeline for a quarter while they moved to a new warehouse."
        ),
        "task": "I needed hourly prices for the next release without slowing their move.",
        "action": (
            "I met their lead to understand the plan, then offered to write and test the "
            "hourly job myself on the new warehouse, with one of their engineers reviewing it."
        ),
        "result": "Prices refreshed hourly from the next release, and our bookings rose 4%.",
    }
    ids = asked(plans(question_sets, templates, freeze, template="star", limit=15))
    assert {"feedback-disagreed", "feedback-acted", "warning-signs", "failure-cost"}.isdisjoint(ids)


# -- the story's kind, and what it already answers ----------------------------------------


def test_a_clustering_story_is_never_asked_about_thresholds_or_labels(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    ids = asked(plans(question_sets, templates, KMEANS, limit=15))
    assert {"decision-threshold", "class-imbalance", "label-quality", "error-analysis"}.isdisjoint(
        ids
    )
    assert {"cluster-count", "cluster-useful", "cluster-stable", "cluster-use"} & ids
    fraud = asked(plans(question_sets, templates, FRAUD, limit=15))
    assert "decision-threshold" in fraud and "cluster-count" not in fraud


def test_a_question_the_story_already_answers_is_not_asked(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    answered = {"serving", "simplest-baseline", "data-size", "feature-count", "tuning-search"}
    ids = asked(plans(question_sets, templates, FRAUD, persona="technical", limit=20))
    assert answered.isdisjoint(ids)
    assert {"serving-limits", "simpler-model-gap", "tuning-what-mattered"} & ids
    silent = {
        **FRAUD,
        "production": "The model runs inside the payments platform and I look after it.",
        "alternatives": "I tried logistic regression and a random forest before LightGBM.",
        "offline_metrics": "68% of fraud caught at a 1% review rate on the held-out months.",
    }
    both = asked(plans(question_sets, templates, silent, persona="technical", limit=20))
    assert {"serving", "simplest-baseline"} <= both


# -- the persona and the check-in as filters ------------------------------------------------


def test_a_non_technical_interviewer_asks_only_their_questions(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    thin = {**FRAUD, "tuning": "", "offline_metrics": "", "plain_pitch": ""}
    found = plans(question_sets, templates, thin, persona="non-technical", limit=8)
    assert all("non-technical" in p.question.asked_by for plan in found for p in plan)
    ids = asked(found)
    assert "class-imbalance" not in ids
    assert all(p.field != "tuning" for plan in found for p in plan)  # no plain version
    offline = {p.question.id for plan in found for p in plan if p.field == "offline_metrics"}
    assert offline == {"checked-before-launch"}  # the plain version of a technical gap


def test_after_the_checkin_the_next_two_come_from_the_direction_chosen(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    qset = question_sets["project"]
    thin = {**FRAUD, "impact": "Losses dropped a lot.", "tuning": ""}
    for focus in ("leadership", "impact", "technical"):
        steer = set(qset.choice(focus).categories)
        for fields in (FRAUD, thin):
            for plan in plans(question_sets, templates, fields, focus=focus, limit=5):
                assert all(p.question.category in steer for p in plan[1:3]), focus
    for plan in plans(question_sets, templates, thin, focus="leadership", limit=5):
        assert plan[0].field == "impact"  # the first is the top gap, whatever was chosen
    with pytest.raises(InputError, match="unknown check-in choice"):
        choose_followups(qset, templates.get("project"), FRAUD, {}, now=NOW, focus="astrology")


# -- the schedule still counts -------------------------------------------------------------------


def test_weak_answers_come_back_when_due(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    qset, template = question_sets["project"], templates.get("project")
    weak_q, strong_q = "engineered-feature", "model-why"
    asked_at = NOW - dt.timedelta(days=6)
    reviews = {
        weak_q: review(None, Rating.WEAK, asked_at),
        strong_q: review(None, Rating.VERY_STRONG, asked_at),
    }
    picks = choose_followups(qset, template, FRAUD, reviews, now=NOW)
    assert picks[0].question.id == weak_q
    assert picks[0].reason == "due: rated weak 6 days ago"
    early = choose_followups(qset, template, FRAUD, reviews, now=asked_at + dt.timedelta(days=1))
    assert all(p.stage != "due" for p in early)


def test_same_seed_same_plan_nothing_twice_and_exclude_kept(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    qset, template = question_sets["project"], templates.get("project")

    def ids(seed: int, **options: object) -> list[str]:
        found = choose_followups(qset, template, FRAUD, {}, now=NOW, seed=seed, **options)  # type: ignore[arg-type]
        return [p.question.id for p in found]

    assert ids(7, limit=6) == ids(7, limit=6)
    assert len({tuple(ids(seed, limit=6)) for seed in range(20)}) >= 15
    many = ids(0, limit=40, exclude=["model-why"])
    assert len(many) == len(set(many)) == 40 and "model-why" not in many


def test_a_category_named_in_a_reason_keeps_its_acronyms() -> None:
    from coach.core.followups import lower_first

    assert lower_first("Data size and sources") == "data size and sources"
    assert lower_first("A/B test design") == "A/B test design"
    assert lower_first("NLP specifics") == "NLP specifics"
