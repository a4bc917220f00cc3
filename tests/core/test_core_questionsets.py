"""Question sets: the shipped ones cover every gap, persona and red flag; a user's set is read
strictly (file, line and question named); the story's words quoted into a question read as
English."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.core.phrases import figure_quote, noun_phrase, vague_quote
from coach.core.question_data import GAP_TYPES
from coach.core.questions import PERSONAS, QuestionSet, load_question_sets
from coach.core.redflag_table import FLAGS
from coach.core.storykinds import gives, story_kinds
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

NEW_CATEGORIES = {
    "objective",
    "leakage",
    "fairness",
    "feedback_loops",
    "skew",
    "cost_latency",
    "reproducibility",
    "cold_start",
    "ab_design",
}


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def raw(name: str) -> dict[str, object]:
    text = (shipped_templates_dir() / "questions" / f"{name}.yaml").read_text()
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


# -- the shipped sets -----------------------------------------------------------------


def test_every_shipped_question_says_what_it_serves_and_every_category_what_is_strong(
    question_sets: dict[str, QuestionSet],
) -> None:
    for name in ("project", "star"):
        data = raw(name)
        for question in data["questions"]:  # type: ignore[attr-defined]
            assert question.get("serves"), question["id"]
        for category in question_sets[name].categories:
            assert len(category.strong.split()) >= 12, category.key
    project = question_sets["project"]
    assert NEW_CATEGORIES <= {c.key for c in project.categories}
    for key in NEW_CATEGORIES:
        assert sum(q.category == key for q in project.questions) >= 3, key


def test_shipped_sets_cover_every_gap_of_every_field(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    for name in ("project", "star"):
        qset, template = question_sets[name], templates.get(name)
        for spec in template.fields:
            if spec.section == "prep":
                continue
            mine = [q for q in qset.questions if q.field == spec.key]
            needed = {"empty", "filled"}
            if {"number", "comparison"} & set(spec.checks):
                needed.add("no_figure")
            if {"vague", "generic"} & set(spec.checks):
                needed.add("vague")
            served = {kind for q in mine for kind in q.serves}
            assert needed <= served, (name, spec.key, needed - served)
        steered = {c for choice in qset.choices for c in choice.categories}
        assert steered == {c.key for c in qset.categories}
        for persona in PERSONAS:
            assert sum(persona in q.asked_by for q in qset.questions) >= 20, (name, persona)
    flagged = {flag for qset in question_sets.values() for q in qset.questions for flag in q.flags}
    assert flagged == set(FLAGS)


def test_a_question_about_content_never_serves_an_empty_field(
    question_sets: dict[str, QuestionSet],
) -> None:
    about = ("that finding", "the live test", "that feedback", "that obstacle", "that lesson")
    for qset in question_sets.values():
        for q in qset.questions:
            if any(words in q.text for words in about):
                assert "empty" not in q.serves, q.id
            assert set(q.serves) <= set(GAP_TYPES)


# -- broken user question sets ------------------------------------------------------------


def user_bank(tmp_path: Path, **change: object) -> Path:
    data = raw("project")
    question = data["questions"][1]  # type: ignore[index]
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
        ({"serves": ["half_empty"]}, "'half_empty' is not a known gap type"),
        ({"applies_to": ["astrology"]}, "'astrology' is not a known story kind"),
        ({"not_for": ["poetry"]}, "'poetry' is not a known story kind"),
        ({"answered_if": ["weather"]}, "'weather' is not a known fact"),
        ({"needs": ["colour"]}, "'colour' is not a known field key"),
        ({"deeper": "no-such-question"}, "deeper names 'no-such-question'"),
        ({"flags": ["bad-vibes"], "serves": ["red_flag"]}, "'bad-vibes' is not a known red flag"),
        ({"flags": ["no-baseline"], "serves": ["empty"]}, "must serve red_flag"),
        ({"text": 'You said "{vague}": how much?', "fallback": "How much?"}, "serve vague"),
        ({"serves": ["empty"], "needs": ["goal"], "probes": ["goal"]}, "cannot need 'goal'"),
        ({"strong": ""}, "must be a non-empty text"),
    ],
)
def test_a_broken_user_bank_is_named_and_the_shipped_one_kept(
    tmp_path: Path, templates: TemplateSet, change: dict[str, object], message: str
) -> None:
    folder = user_bank(tmp_path, **change)
    found = load_question_sets(shipped_templates_dir(), templates, [folder])
    assert found.by_name["project"].origin == "shipped"
    (problem,) = found.problems
    said = str(problem)
    assert message in said
    assert said.startswith(str(folder / "questions" / "project.yaml") + ":")
    assert problem.line is not None and problem.line > 1
    assert "question " in said  # names the question


def test_a_good_user_bank_overrides_and_may_leave_out_the_new_keys(
    tmp_path: Path, templates: TemplateSet
) -> None:
    data = raw("project")
    quoting = ("{vague}", "{figure}")
    data["questions"] = [
        q
        for q in data["questions"]  # type: ignore[attr-defined]
        if not any(name in q["text"] for name in quoting)
    ]
    for question in data["questions"]:  # type: ignore[attr-defined]
        for key in ("serves", "applies_to", "not_for", "answered_if", "deeper", "flags"):
            question.pop(key, None)
    folder = tmp_path / "user"
    (folder / "questions").mkdir(parents=True)
    (folder / "questions" / "project.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    found = load_question_sets(shipped_templates_dir(), templates, [folder])
    assert not found.problems
    qset = found.by_name["project"]
    assert qset.origin == "user"
    assert all(q.serves == ("empty", "filled") for q in qset.questions)


# -- the story's words, read as English -----------------------------------------------------


def test_quoted_facts_read_as_english(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    facts = {
        "goal": "At Harbour Bank I built a model that ranks card payments by fraud risk.",
        "model": "I chose gradient boosting because it handles missing values natively.",
        "tuning": "We tuned the learning rate and tree depth with a random search.",
        "role": "Senior data scientist",
    }
    texts = {q.id: q.render(facts) for q in question_sets["project"].questions}
    assert texts["model-why"].startswith("You chose gradient boosting: what about")
    assert texts["tuning-one-setting"].startswith("You tuned the learning rate and tree depth")
    assert texts["your-part"].startswith("In your role as a senior data scientist,")
    for text in texts.values():
        assert "…" not in text
        assert " i " not in f" {text} " and "chose i" not in text.lower()
    clause = {**facts, "model": "The model is exported to the search service every night."}
    question = question_sets["project"].question("model-why")
    assert question is not None and question.render(clause) == question.fallback


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Gradient-boosted trees in XGBoost. The data was tabular", "gradient-boosted trees"),
        ("LightGBM, because it is fast", "LightGBM"),
        ("I chose gradient boosting because it handles gaps", "gradient boosting"),
        (
            "We tuned the learning rate and tree depth with a grid search",
            "the learning rate and tree depth",
        ),
        ("I eventually went with a random forest.", "a random forest"),
        (
            "A single global model across all stores and items and regions too",
            "a single global model",
        ),
        ("Random Forest with 500 trees", "Random Forest"),
        ("The model is exported to the search service", ""),
        ("An extremely long list of many different things nobody could say at once", ""),
        ("Because it was the fastest", ""),
        ("", ""),
    ],
)
def test_noun_phrase(text: str, phrase: str) -> None:
    assert noun_phrase(text) == phrase


def test_quotes_keep_their_clause_and_stop_at_a_small_word() -> None:
    impact = "Waste went down significantly and the store managers were very happy."
    assert vague_quote(impact, ("went down significantly",)) == "waste went down significantly"
    assert vague_quote(impact, ("very happy",)) == "the store managers were very happy"
    assert vague_quote("There was a lot of missing data.", ("a lot",)) == (
        "there was a lot of missing data"
    )
    assert vague_quote("I made it better.", ("much",)) == ""
    assert figure_quote("Late deliveries dropped from 11% to 7.5% of orders.") == (
        "late deliveries dropped from 11% to 7.5% of orders"
    )
    assert figure_quote("I retrain when any feature's PSI passes 0.2 in a week.") == (
        "I retrain when any feature's PSI passes 0.2 in a week"
    )
    assert figure_quote("We shipped it in Q3 2023 with F1 as the metric.") == ""


def test_story_kinds_and_the_facts_a_story_gives() -> None:
    assert "clustering" in story_kinds([], [], {"model": "K-means with six segments"})
    assert "classification" in story_kinds(["churn"], [], {})
    assert "classification" not in story_kinds([], [], {"model": "Linear regression on price"})
    assert "regression" not in story_kinds([], [], {"model": "Logistic regression"})
    assert "feedback" in story_kinds([], ["feedback"], {})
    assert gives("serving_mode", "A weekly Airflow batch scores every customer.")
    assert not gives("serving_mode", "The model lives in the payments platform.")
    assert gives("baseline_score", "The baseline, the old rule, caught 41% of fraud.")
    assert not gives("baseline_score", "I compared it with a baseline.")
