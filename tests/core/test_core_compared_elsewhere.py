"""A figure given bare in one field and set against a baseline in another has its
comparison: the form does not ask "against what?" about it."""

from __future__ import annotations

from coach.core.checks import compared_elsewhere, lint_story
from coach.core.templates import TemplateSet

BARE = "ROC-AUC reached 0.81 on the final two months, with recall of 62% at 90% precision."
COMPARED = "A logistic baseline reached 0.74; gradient boosting beat it with 0.81."


def comparison_findings(templates: TemplateSet, fields: dict[str, str]) -> list[str]:
    done = lint_story(templates.get("project"), fields)
    return [f.key for f in done.findings if f.check == "comparison"]


def test_a_figure_compared_in_another_field_is_not_asked_against_what(
    templates: TemplateSet,
) -> None:
    assert comparison_findings(templates, {"offline_metrics": BARE}) == ["offline_metrics"]
    both = {"offline_metrics": BARE, "alternatives": COMPARED}
    assert comparison_findings(templates, both) == []


def test_another_fields_comparison_of_other_figures_does_not_count(
    templates: TemplateSet,
) -> None:
    other = {"offline_metrics": BARE, "alternatives": "A baseline reached 0.70, then 0.74."}
    assert comparison_findings(templates, other) == ["offline_metrics"]


def test_only_other_fields_count_and_only_when_they_compare() -> None:
    found = compared_elsewhere({"a": COMPARED, "b": BARE, "c": "We had 1,200 stores."})
    assert "0.81" in found["b"] and "0.74" in found["b"]
    assert found["a"] == frozenset()  # its own comparison is its own business
    assert "1200" not in found["b"]  # no comparison in c: its figures compare nothing


def test_when_a_change_happened_is_no_figure_of_how_much() -> None:
    from coach.core.vague import vague_phrases

    words = ("a lot", "significantly")
    said = "Support tickets about false wake-ups dropped a lot in two months."
    assert vague_phrases(said, words) == ["a lot"]
    assert vague_phrases("Latency improved significantly over 3 weeks.", words)
    assert vague_phrases("Churn fell 12% in two months.", words) == []
    assert vague_phrases("Tickets dropped a lot in May, from 40 a day to 12.", words) == []
