"""The checks read like an editor's notes: comparisons, vague claims where they claim
something, generic lessons, answers too short to be a story, and the new project fields."""

from __future__ import annotations

import pytest

from coach.core.checks import check_field, lint_story, vague_words_without_figure
from coach.core.storyfiles import read_story_file
from coach.core.templates import FormTemplate, TemplateSet
from coach.paths import samples_dir


def checks_on(template: FormTemplate, key: str, text: str) -> dict[str, str]:
    spec = template.field(key)
    assert spec is not None
    return {f.check: f.message for f in check_field(spec, text, template.vague_words)}


@pytest.mark.parametrize("key", ["impact", "offline_metrics", "online_metrics"])
def test_a_metric_with_nothing_to_compare_it_with_is_flagged(
    templates: TemplateSet, key: str
) -> None:
    project = templates.get("project")
    found = checks_on(project, key, "ROC-AUC reached 0.81 on the final two months.")
    assert found["comparison"].startswith("no comparison: 0.81 against what?")
    assert "baseline" in found["comparison"]
    compared = "ROC-AUC reached 0.81 on the final two months, against 0.74 for the old rule."
    assert "comparison" not in checks_on(project, key, compared)
    # No figure at all is the number check's job, not this one's.
    assert "comparison" not in checks_on(project, key, "It helped the call centre.")


def test_a_star_result_needs_a_comparison_too(templates: TemplateSet) -> None:
    star = templates.get("star")
    alone = "The job finished in 40 minutes every night, and the campaign started on time."
    assert "comparison" in checks_on(star, "result", alone)
    before = "The job went from 6 hours to 40 minutes a night, and the campaign started on time."
    assert "comparison" not in checks_on(star, "result", before)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("model", "I increased the regularization strength until the trees stopped overfitting."),
        ("model", "Huber loss, because it is robust to the outliers in delivery times."),
        ("impact", "Managers order from the forecast; order too much and it goes in the bin."),
        ("impact", "It was the very first model the store managers trusted."),
        ("alternatives", "A neural net matched it but was slower to serve and harder to explain."),
        ("online_metrics", "No significant change in complaints, our guardrail."),
        ("production", "When drift alerts fire, I cut the feature list and retrain."),
        ("alternatives", "The classes were highly imbalanced, so I dropped accuracy as a metric."),
        ("production", "I improved the pipeline by adding retries."),
        ("production", "I sped up the nightly job with a cache of last week's features."),
        ("model", "I chose it because it handles sparse data well."),
        ("production", "The retries work as well as the old cron job did."),
        ("alternatives", "A simpler model made no difference on the held-out month."),
        ("alternatives", "The two-tower model was more useful as an input feature."),
    ],
)
def test_ordinary_phrases_are_not_vague(templates: TemplateSet, key: str, text: str) -> None:
    project = templates.get("project")
    assert vague_words_without_figure(text, project.vague_words) == []
    assert "vague" not in checks_on(project, key, text)


def test_a_lesson_is_never_checked_for_vague_words(templates: TemplateSet) -> None:
    lesson = "A launch goes better when product agrees the metric at kickoff; I now insist on it."
    assert checks_on(templates.get("star"), "lesson", lesson) == {}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Engagement went up after launch.", "went up"),
        ("Conversion saw a significant lift.", "significant"),
        ("It made a substantial difference to the team.", "substantial"),
        ("The results were great.", "great"),
        ("The new pipeline is robust.", "robust"),
        ("It helped the call centre.", "helped"),
        ("Recall got worse for new customers.", "worse"),
        ("Refunds fell noticeably.", "fell noticeably"),
        ("We increased engagement across regions.", "increased"),
        ("Latency came down considerably.", "considerably"),
        ("It made a big difference.", "made a big difference"),
        ("The model performed well.", "performed well"),
        ("Customers were happier.", "happier"),
        ("The team was much happier.", "much happier"),
        ("This reduced manual review.", "reduced"),
        ("It cut the time analysts spend on each claim.", "cut"),
        ("The new ranker was more accurate.", "more accurate"),
        ("Agents were happier as a result.", "happier"),
        ("I improved conversion by adding recommendations.", "improved"),
    ],
)
def test_claims_of_change_or_quality_without_a_figure_are_vague(
    templates: TemplateSet, text: str, phrase: str
) -> None:
    found = checks_on(templates.get("project"), "impact", text)
    assert f"'{phrase}'" in found["vague"]


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("project", "impact"),
        ("project", "model"),
        ("project", "alternatives"),
        ("project", "offline_metrics"),
        ("project", "online_metrics"),
        ("project", "production"),
        ("star", "result"),
    ],
)
def test_a_claim_with_no_measure_is_vague_in_every_field_that_carries_claims(
    templates: TemplateSet, form: str, key: str
) -> None:
    text = "It made a big difference and the model performed well; customers were happier."
    found = checks_on(templates.get(form), key, text)
    assert found["vague"] == (
        "vague: 'made a big difference', 'performed well', 'happier' with no figure; say how much"
    )
    star = templates.get("star")
    assert "vague" not in checks_on(star, "lesson", text)
    assert "vague" not in checks_on(star, "action", text)


def test_vague_quotes_the_claim_as_a_phrase(templates: TemplateSet) -> None:
    project = templates.get("project")
    text = "DeepAR was slightly worse and much harder to run."
    assert checks_on(project, "alternatives", text)["vague"] == (
        "vague: 'slightly worse', 'much harder' with no figure; say how much"
    )


def test_vague_is_only_checked_where_a_claim_matters(templates: TemplateSet) -> None:
    project = templates.get("project")
    claimed = {key for key in project.keys if "vague" in project.field(key).checks}  # type: ignore[union-attr]
    assert claimed == {
        "impact",
        "model",
        "alternatives",
        "offline_metrics",
        "online_metrics",
        "production",
    }
    star = templates.get("star")
    assert [f.key for f in star.fields if "vague" in f.checks] == ["result"]


def test_a_generic_lesson_is_flagged_unless_it_says_what_changed(templates: TemplateSet) -> None:
    star = templates.get("star")
    for lesson in (
        "I learned a lot from this project.",
        "Communication is really important.",
        "I learned the importance of testing.",
        "I learned that it is better to learn by doing things on real data.",
    ):
        found = checks_on(star, "lesson", lesson)
        assert found["generic"].startswith("generic: '"), lesson
        assert "what you do differently now" in found["generic"]
    applied = (
        "Communication is important, so I now send a one-page note to product before every "
        "launch review."
    )
    assert "generic" not in checks_on(star, "lesson", applied)


def test_a_short_action_or_result_is_flagged(templates: TemplateSet) -> None:
    star = templates.get("star")
    found = checks_on(star, "action", "I fixed the pipeline and told my manager.")
    assert found["too_short"].startswith("too short: about 3 s to say, target 45 s")
    found = checks_on(star, "result", "Late orders fell from 11% to 8%.")
    assert "too_short" in found
    assert "too_short" not in checks_on(star, "action", star.field("action").example)  # type: ignore[union-attr]


def test_the_question_field_is_never_spoken_so_has_no_length(templates: TemplateSet) -> None:
    question = templates.get("star").field("question")
    assert question is not None and "length" not in question.checks
    long_list = " ".join(["Tell me about a time you failed?"] * 20)
    assert checks_on(templates.get("star"), "question", long_list) == {}


def test_project_form_asks_for_scope_and_hindsight(templates: TemplateSet) -> None:
    project = templates.get("project")
    scope, hindsight = project.field("scope"), project.field("hindsight")
    assert scope is not None and hindsight is not None
    assert project.keys.index("scope") < project.keys.index("data")
    assert project.keys.index("production") < project.keys.index("hindsight")
    assert "team" in scope.prompt and "number" in scope.checks
    assert "differently" in hindsight.prompt
    found = checks_on(project, "scope", "A small team, and I did most of the modelling.")
    assert "number" in found
    assert "number" not in checks_on(project, "scope", scope.example)


def test_every_example_passes_its_own_checks(templates: TemplateSet) -> None:
    for name in ("project", "star"):
        template = templates.get(name)
        for spec in template.fields:
            assert check_field(spec, spec.example, template.vague_words) == [], (name, spec.key)


def lint_sample(templates: TemplateSet, slug: str) -> dict[tuple[str, str], str]:
    [loaded] = read_story_file(samples_dir() / f"{slug}.yaml", templates)
    template = templates.get(loaded.story.template)
    done = lint_story(template, loaded.story.fields)
    return {(f.key, f.check): f.message for f in done.findings if f.check != "red_flag"}


def test_samples_read_right(templates: TemplateSet) -> None:
    assert lint_sample(templates, "churn-leakage") == {}
    assert lint_sample(templates, "fraud-model-drift") == {}
    produce = lint_sample(templates, "produce-demand-forecast")
    assert "'went down significantly'" in produce[("impact", "vague")]
    assert ("impact", "number") in produce
    assert produce[("offline_metrics", "comparison")].startswith("no comparison: 18.5%")
    spark = lint_sample(templates, "spark-in-two-weeks")
    assert "'much faster'" in spark[("result", "vague")]
    assert ("lesson", "generic") in spark
    assert ("lesson", "vague") not in spark
