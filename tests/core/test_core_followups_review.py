"""Follow-ups an experienced interviewer would choose (plain pytest, no terminal): nothing the
story already answers, a gap's own question that asks for what is missing, plain versions of
every red flag, the role and the title read as English, and one question per category."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.followups import Pick, choose_followups
from coach.core.question_data import Question, role_phrase
from coach.core.questions import QuestionSet, load_question_sets
from coach.core.redflag_table import FLAGS as RED_FLAGS
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SEEDS = range(20)
PERSONAS = (None, "technical", "manager", "non-technical")

ANSWERED = {
    "goal": (
        "At Northwind Telecom I built a model that lists the customers most likely to "
        "cancel next month, so the retention team can call them first."
    ),
    "impact": (
        "Monthly cancellations fell from 2.6% to 2.2% in the called group against a "
        "control group, about $700k a year."
    ),
    "challenges": "Cancellation labels arrived a month late and the offers changed often.",
    "findings": "Customers who called support twice in a week left at three times the rate.",
    "scope": (
        "Five months with two data scientists and an engineer; I owned the model and its "
        "evaluation, the engineer built the scoring job."
    ),
    "data": "1.5 million customers, 18 months of usage and billing history.",
    "features": "35 features kept from 110 candidates by permutation importance.",
    "model": "LightGBM, with the call list cut at the top 4% of scores to fit the team.",
    "alternatives": (
        "I tried a logistic regression and a random forest: they scored 0.62 and 0.65 AUC "
        "against 0.69 for LightGBM on the same test month."
    ),
    "tuning": "Bayesian optimisation with Optuna over 40 trials on a validation month.",
    "offline_metrics": (
        "AUC 0.69 on the last month, held out by time, against 0.62 for the logistic "
        "regression baseline."
    ),
    "online_metrics": (
        "A six-week test on 40,000 customers per group, randomised by account: "
        "cancellations fell 15% against control, p < 0.01."
    ),
    "production": "A weekly batch job scores every customer and writes the list to the CRM.",
    "hindsight": (
        "The list still ignores what each offer costs. Starting over, I would model who "
        "changes their mind when called, and next I would add the offer cost to the ranking."
    ),
    "plain_pitch": (
        "Each week I hand the retention team a list of customers likely to leave, so they "
        "call the right people first."
    ),
}
"""A project story that already answers the hindsight, baseline, alternatives and
your-part questions."""

LESSON_SAID = {
    "situation": (
        "Our product lead wanted to launch a new pricing model before the holiday freeze, "
        "but my backtest showed it underpriced long-distance orders."
    ),
    "task": "I had to decide whether to block the launch or find a safe way to ship it.",
    "action": (
        "I rebuilt the backtest with the product lead so she could see the errors herself. "
        "I proposed a launch to 10% of routes with a price floor, I wrote the rollback plan, "
        "and I checked the margins every morning for two weeks."
    ),
    "result": (
        "We launched on time to 10% of routes; margins stayed within 1% of the old prices, "
        "and all routes followed four weeks later."
    ),
    "lesson": (
        "Now when I disagree I build the evidence together with the other person, and I "
        "offer a smaller launch before I say no."
    ),
}
"""A STAR story whose lesson already says what the candidate does differently now."""


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def plans(
    qsets: dict[str, QuestionSet],
    templates: TemplateSet,
    fields: dict[str, str],
    *,
    template: str = "project",
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
        for seed in SEEDS
    ]


def asked(found: list[list[Pick]]) -> set[str]:
    return {p.question.id for plan in found for p in plan}


# -- 1. nothing the story already answers ---------------------------------------------------


def test_a_story_that_answers_hindsight_baseline_alternatives_and_share_is_asked_deeper(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    already = {
        "do-differently",
        "next-improvement",
        "still-falls-short",
        "before-the-model",
        "simplest-baseline",
        "alternatives-compared",
        "alternatives-plain",
        "your-part",
    }
    deeper: set[str] = set()
    for persona in PERSONAS:
        ids = asked(plans(question_sets, templates, ANSWERED, persona=persona, limit=40))
        assert already.isdisjoint(ids), (persona, already & ids)
        deeper |= ids
    assert {"hindsight-deeper", "fair-comparison", "simpler-model-gap"} <= deeper


def test_a_hindsight_that_names_only_a_limit_still_gets_what_would_you_change(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    limit_only = {**ANSWERED, "hindsight": "The list still ignores what each offer costs."}
    ids = asked(plans(question_sets, templates, limit_only, persona="manager", limit=40))
    assert "do-differently" in ids and "still-falls-short" not in ids


def test_alternatives_named_without_scores_are_asked_for_the_scores(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    unscored = {
        **ANSWERED,
        "alternatives": "I tried a logistic regression and a random forest before LightGBM.",
    }
    ids = asked(plans(question_sets, templates, unscored, persona="technical", limit=40))
    assert "alternatives-compared" not in ids and "alternatives-scores" in ids


def test_a_lesson_that_says_what_changed_is_not_asked_what_you_would_do_differently(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    for persona in PERSONAS:
        found = plans(question_sets, templates, LESSON_SAID, template="star", limit=30)
        assert "do-differently" not in asked(found), persona
    manager = plans(
        question_sets, templates, LESSON_SAID, template="star", persona="manager", limit=30
    )
    assert "lesson-applied" in asked(manager)
    motto = {**LESSON_SAID, "lesson": "I learned that communication really matters."}
    found = plans(question_sets, templates, motto, template="star", persona="manager", limit=30)
    assert "do-differently" in asked(found)


# -- 2. a gap's own question, asking for what is missing --------------------------------------


def test_a_too_short_action_is_asked_for_the_steps_by_every_interviewer(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    short = {**LESSON_SAID, "action": "We split the jobs and tested them."}
    steps = {"first-step", "action-plain", "technical-detail"}
    for persona in PERSONAS:
        for plan in plans(question_sets, templates, short, template="star", persona=persona):
            gap = next(p for p in plan if p.stage == "gap" and p.field == "action")
            assert gap.served in ("empty", "red_flag")
            if gap.served == "empty":
                assert gap.question.id in steps, (persona, gap.question.id)
            if persona == "technical":
                assert gap.question.id != "action-plain"


def test_an_empty_features_field_gets_an_opener_not_questions_about_its_features(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    no_features = {**ANSWERED, "features": ""}
    assuming = {"engineered-feature", "feature-ideas", "fairness-proxy", "top-features"}
    for persona in PERSONAS:
        found = plans(question_sets, templates, no_features, persona=persona, limit=40)
        assert assuming.isdisjoint(asked(found)), (persona, assuming & asked(found))
        on_features = [p for plan in found for p in plan if p.field == "features"]
        assert all(p.served == "empty" for p in on_features)


# -- 3. every red flag has a plain version ----------------------------------------------------

RARE = {
    "goal": "At Acme Bank I built a model that flags card payments likely to be fraud.",
    "impact": "Fraud losses fell from $3.1M to $2.4M a year against the old rules.",
    "data": "10 million card payments over two years; only 0.3% were fraud.",
    "alternatives": "The old rules caught 40% of fraud; logistic regression caught 52%.",
    "offline_metrics": "The model reached 99.6% accuracy on the held-out last quarter.",
}
NO_BASELINE = {
    "goal": "At Acme Shop I built a model that predicts next week's orders for each store.",
    "impact": "Stores now order stock from the forecast every Monday.",
    "offline_metrics": "The forecast had a MAPE of 11% on the last eight weeks.",
}


@pytest.mark.parametrize(
    ("fields", "flag"), [(RARE, "accuracy-on-rare-positives"), (NO_BASELINE, "no-baseline")]
)
def test_a_non_technical_interviewer_asks_the_plain_version_of_each_red_flag(
    question_sets: dict[str, QuestionSet],
    templates: TemplateSet,
    fields: dict[str, str],
    flag: str,
) -> None:
    for persona in ("non-technical", "manager"):
        for plan in plans(question_sets, templates, fields, persona=persona, limit=4):
            pick = next((p for p in plan if p.flag == flag), None)
            assert pick is not None, persona
            assert persona in pick.question.asked_by
            assert pick.field in pick.question.probes  # about the flagged figure
            assert pick.text.count("?") == 1
            for jargon in ("accuracy", "precision", "recall", "baseline", "AUC"):
                assert jargon not in pick.text


def test_every_red_flag_has_a_question_in_plain_words(
    question_sets: dict[str, QuestionSet],
) -> None:
    plain = [q for q in question_sets["project"].questions if "non-technical" in q.asked_by]
    for flag in RED_FLAGS:
        assert any(flag in q.flags for q in plain), flag


# -- 4. the role, the title, one question per category ----------------------------------------


@pytest.mark.parametrize(
    ("role", "bare", "with_article"),
    [
        ("Data scientist", "data scientist", "a data scientist"),
        ("Senior data scientist", "senior data scientist", "a senior data scientist"),
        ("ML engineer", "ML engineer", "an ML engineer"),
        ("Analyst", "analyst", "an analyst"),
        ("UX researcher", "UX researcher", "a UX researcher"),
        ("The lead data scientist", "lead data scientist", "the lead data scientist"),
        ("an engineer", "engineer", "an engineer"),
        ("Head of analytics", "head of analytics", "a head of analytics"),
        ("One of two ML engineers", "", "one of two ML engineers"),
        ("Data scientists", "", ""),
        ("", "", ""),
    ],
)
def test_a_role_reads_with_its_article(role: str, bare: str, with_article: str) -> None:
    assert role_phrase(role, article=False) == bare
    assert role_phrase(role, article=True) == with_article


def test_questions_about_the_role_read_as_english(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    project, star = question_sets["project"], question_sets["star"]

    def text(qset: QuestionSet, qid: str, role: str) -> str:
        q = qset.question(qid)
        assert isinstance(q, Question)
        return q.render({"role": role, "title": "Churn scores", "company": "TelcoX"})

    assert text(project, "your-part", "Data scientist").startswith(
        "In your role as a data scientist, "
    )
    assert text(project, "direction-set", "ML engineer").startswith("In your role as an ML ")
    assert text(star, "expected-or-volunteered", "the team lead").startswith(
        "In your role as the team lead, "
    )
    assert text(project, "your-part", "Data scientists") == project.question("your-part").fallback  # type: ignore[union-attr]
    assert "a new analyst who" in text(star, "advice-to-colleague", "An analyst")
    assert "Churn scores" not in text(project, "left-halfway", "Data scientist")


def test_a_story_title_is_never_quoted_as_if_the_candidate_said_it(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    for qset in question_sets.values():
        for q in qset.questions:
            assert '"{title}"' not in q.text and "'{title}'" not in q.text, q.id


def test_a_plan_asks_one_question_per_category_until_it_runs_out(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    thin = {**RARE, "hindsight": "", "challenges": "", "findings": "", "leadership": ""}
    for persona in ("non-technical", "manager"):
        for plan in plans(question_sets, templates, thin, persona=persona, limit=8):
            categories = [p.question.category for p in plan]
            assert len(categories) == len(set(categories)), (persona, categories)
    long_plan = plans(question_sets, templates, ANSWERED, persona="non-technical", limit=60)
    assert all(len(plan) > len({p.question.category for p in plan}) for plan in long_plan)
