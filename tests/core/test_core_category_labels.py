"""One category, one label, across the shipped question sets: progress groups answers by
category key, so a key labelled twice, or two keys labelled alike, reads as a mistake."""

from __future__ import annotations

from coach.core.questions import load_question_sets
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir


def test_a_category_has_one_label_and_a_label_one_category(templates: TemplateSet) -> None:
    labels: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}
    for qset in load_question_sets(shipped_templates_dir(), templates).by_name.values():
        for category in qset.categories:
            labels.setdefault(category.key, set()).add(category.label)
            keys.setdefault(category.label, set()).add(category.key)
    assert {k: v for k, v in labels.items() if len(v) > 1} == {}
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
