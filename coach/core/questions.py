"""Question sets read from YAML: the follow-ups an interviewer asks about one form
template's stories.

A question set is a YAML file named after itself, read strictly: a bad one is refused with its
file, line and question, and the shipped set of that name stays in use. The data it becomes is
in `coach.core.question_data`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.core.errors import InputError
from coach.core.question_data import (
    GAP_TYPES,
    PERSONAS,
    QUOTES,
    SIGNALS,
    STORY_FACTS,
    Category,
    CheckinChoice,
    Question,
    QuestionSet,
    placeholders,
)
from coach.core.redflag_table import FLAGS as RED_FLAGS
from coach.core.storykinds import FACTS, KINDS
from coach.core.templates import FormTemplate, TemplateSet, yaml_files
from coach.core.yamlfile import YamlDoc, read_yaml

__all__ = [
    "GAP_TYPES",
    "PERSONAS",
    "SIGNALS",
    "STORY_FACTS",
    "Category",
    "CheckinChoice",
    "Question",
    "QuestionSet",
    "QuestionSets",
    "load_question_set",
    "load_question_sets",
    "parse_question_set",
    "placeholders",
    "question_files",
]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_QUESTION_KEYS = frozenset(
    "id text fallback category probes asked_by target_seconds why serves applies_to not_for "
    "needs answered_if deeper flags strong".split()
)
_CATEGORY_KEYS = frozenset({"key", "label", "signal", "strong"})
_DEFAULT_SERVES = ("empty", "filled")


def _text(doc: YamlDoc, value: Any, *path: str | int, field: str | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise doc.error("must be a non-empty text", *path, field=field)
    return " ".join(value.split())


def _keys(
    doc: YamlDoc,
    value: Any,
    allowed: Iterable[str],
    what: str,
    *path: str | int,
    field: str | None = None,
) -> tuple[str, ...]:
    allowed = tuple(allowed)
    if not isinstance(value, list) or not value:
        raise doc.error(f"must be a non-empty list of {what}", *path, field=field)
    for item in value:
        if item not in allowed:
            raise doc.error(
                f"{item!r} is not a known {what}; use one of {', '.join(allowed)}",
                *path,
                field=field,
            )
    return tuple(dict.fromkeys(value))


def _optional_keys(
    doc: YamlDoc,
    raw: dict[str, Any],
    key: str,
    allowed: Iterable[str],
    what: str,
    *where: str | int,
    field: str,
) -> tuple[str, ...]:
    if key not in raw:
        return ()
    return _keys(doc, raw[key], allowed, what, *where, key, field=field)


def _optional_text(
    doc: YamlDoc, raw: dict[str, Any], key: str, *where: str | int, field: str | None = None
) -> str:
    return _text(doc, raw[key], *where, key, field=field) if key in raw else ""


def _categories(doc: YamlDoc, raw: Any) -> tuple[Category, ...]:
    if not isinstance(raw, list) or not raw:
        raise doc.error("categories must be a non-empty list of key, label, signal", "categories")
    found: list[Category] = []
    for i, item in enumerate(raw):
        where = ("categories", i)
        if not isinstance(item, dict):
            raise doc.error("each category needs key, label and signal", *where)
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise doc.error("key must be lower_snake_case text", *where, "key")
        if any(c.key == key for c in found):
            raise doc.error(f"category {key!r} is declared twice", *where, "key")
        unknown = sorted(set(item) - _CATEGORY_KEYS)
        if unknown:
            raise doc.error(f"unknown setting {unknown[0]!r}; remove it", *where, unknown[0])
        signal = item.get("signal")
        if signal not in SIGNALS:
            raise doc.error(f"signal must be one of: {', '.join(SIGNALS)}", *where, "signal")
        label = _text(doc, item.get("label"), *where, "label")
        strong = _optional_text(doc, item, "strong", *where)
        found.append(Category(key, label, signal, strong))
    return tuple(found)


def _checkin(
    doc: YamlDoc, raw: Any, categories: tuple[str, ...]
) -> tuple[str, tuple[CheckinChoice, ...]]:
    if not isinstance(raw, dict):
        raise doc.error("checkin must be a mapping with text and choices", "checkin")
    text = _text(doc, raw.get("text"), "checkin", "text")
    choices_raw = raw.get("choices")
    if not isinstance(choices_raw, list) or not choices_raw:
        raise doc.error("choices must be a non-empty list", "checkin", "choices")
    choices: list[CheckinChoice] = []
    for i, item in enumerate(choices_raw):
        where = ("checkin", "choices", i)
        if not isinstance(item, dict):
            raise doc.error("each choice needs key, label and categories", *where)
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise doc.error("key must be lower_snake_case text", *where, "key")
        if any(c.key == key for c in choices):
            raise doc.error(f"choice {key!r} is given twice", *where, "key")
        label = _text(doc, item.get("label"), *where, "label")
        steer = _keys(doc, item.get("categories"), categories, "category", *where, "categories")
        choices.append(CheckinChoice(key, label, steer))
    return text, tuple(choices)


def _wording(
    doc: YamlDoc, raw: dict[str, Any], template: FormTemplate, *where: str | int, field: str
) -> tuple[str, str, tuple[str, ...]]:
    """A question's text, its fallback and the placeholders its text uses."""
    text = _text(doc, raw.get("text"), *where, "text", field=field)
    try:
        names = placeholders(text)
    except ValueError:
        raise doc.error(
            "text has an unmatched { or }; write {{ or }} for a brace", *where, "text", field=field
        ) from None
    allowed = (*template.keys, *STORY_FACTS, *QUOTES)
    for name in names:
        if name not in allowed:
            raise doc.error(
                f"placeholder {{{name}}} is not a field of the {template.name!r} template; "
                f"use one of {', '.join(allowed)}",
                *where,
                "text",
                field=field,
            )
    if names and "fallback" not in raw:
        raise doc.error(
            "text uses the story's facts: add a fallback for stories without them",
            *where,
            "text",
            field=field,
        )
    fallback = _optional_text(doc, raw, "fallback", *where, field=field)
    if placeholders(fallback):
        raise doc.error("fallback must not use placeholders", *where, "fallback", field=field)
    return text, fallback, names


def _question(
    doc: YamlDoc, raw: Any, index: int, categories: tuple[str, ...], template: FormTemplate
) -> Question:
    where: tuple[str | int, ...] = ("questions", index)
    if not isinstance(raw, dict):
        raise doc.error("each question must be a mapping with id, text, category ...", *where)
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise doc.error(
            "id must be lower-kebab-case text", *where, "id", field=f"questions[{index}].id"
        )
    label = f"question {qid}"
    unknown = sorted(set(raw) - _QUESTION_KEYS)
    if unknown:
        raise doc.error(
            f"unknown setting {unknown[0]!r}; remove it", *where, unknown[0], field=label
        )
    text, fallback, names = _wording(doc, raw, template, *where, field=label)
    category = raw.get("category")
    if category not in categories:
        raise doc.error(
            f"category {category!r} is not declared under categories",
            *where,
            "category",
            field=label,
        )
    seconds = raw.get("target_seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not 5 <= seconds <= 600:
        raise doc.error(
            "target_seconds must be a whole number of seconds, 5 to 600",
            *where,
            "target_seconds",
            field=label,
        )
    keys = template.keys
    probes = _keys(doc, raw.get("probes"), keys, "field key", *where, "probes", field=label)
    serves = _optional_keys(doc, raw, "serves", GAP_TYPES, "gap type", *where, field=label)
    serves = serves or _DEFAULT_SERVES
    needs = _optional_keys(doc, raw, "needs", keys, "field key", *where, field=label)
    for name, gaps in (("vague", ("vague",)), ("figure", ("filled", "no_figure", "red_flag"))):
        if name in names and not set(gaps) & set(serves):
            raise doc.error(
                f"{{{name}}} quotes the field it is about: serve {' or '.join(gaps)}",
                *where,
                "text",
                field=label,
            )
    if "empty" in serves and probes[0] in needs:
        raise doc.error(
            f"a question that serves empty fields cannot need {probes[0]!r}, its own field",
            *where,
            "needs",
            field=label,
        )
    flags = _optional_keys(doc, raw, "flags", RED_FLAGS, "red flag", *where, field=label)
    if flags and "red_flag" not in serves:
        raise doc.error(
            "a question that names flags must serve red_flag", *where, "flags", field=label
        )
    deeper = _optional_text(doc, raw, "deeper", *where, field=label)
    if deeper == qid:
        raise doc.error("deeper must name another question", *where, "deeper", field=label)
    return Question(
        id=qid,
        text=text,
        fallback=fallback,
        category=category,
        probes=probes,
        asked_by=_keys(
            doc, raw.get("asked_by"), PERSONAS, "persona", *where, "asked_by", field=label
        ),
        target_seconds=seconds,
        why=_text(doc, raw.get("why"), *where, "why", field=label),
        serves=serves,
        applies_to=_optional_keys(doc, raw, "applies_to", KINDS, "story kind", *where, field=label),
        not_for=_optional_keys(doc, raw, "not_for", KINDS, "story kind", *where, field=label),
        needs=needs,
        answered_if=_optional_keys(doc, raw, "answered_if", FACTS, "fact", *where, field=label),
        flags=flags,
        deeper=deeper,
        strong=_optional_text(doc, raw, "strong", *where, field=label),
    )


def parse_question_set(
    doc: YamlDoc, *, expected_name: str, templates: TemplateSet, origin: str
) -> QuestionSet:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("a question set must be a mapping with name, template and questions")
    if data.get("format", 1) != 1:
        raise doc.error("unknown format; this coach reads format 1", "format")
    if data.get("name") != expected_name:
        raise doc.error(f"name must be {expected_name!r}, the file's name", "name")
    template_name = data.get("template")
    if template_name not in templates.templates:
        known = ", ".join(templates.names())
        raise doc.error(
            f"template {template_name!r} is not a form template; use one of {known}", "template"
        )
    template = templates.templates[template_name]
    categories = _categories(doc, data.get("categories"))
    keys = tuple(c.key for c in categories)
    checkin_text, choices = _checkin(doc, data.get("checkin"), keys)
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise doc.error("questions must be a non-empty list", "questions")
    questions: list[Question] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_questions):
        question = _question(doc, raw, i, keys, template)
        if question.id in seen:
            raise doc.error(
                f"id {question.id!r} is used twice; ids must be unique",
                "questions",
                i,
                "id",
                field=f"question {question.id}",
            )
        seen.add(question.id)
        questions.append(question)
    for i, question in enumerate(questions):
        if question.deeper and question.deeper not in seen:
            raise doc.error(
                f"deeper names {question.deeper!r}, which is not a question of this set",
                "questions",
                i,
                "deeper",
                field=f"question {question.id}",
            )
    return QuestionSet(
        name=expected_name,
        template=template_name,
        title=_text(doc, data.get("title"), "title"),
        categories=categories,
        checkin_text=checkin_text,
        choices=choices,
        questions=tuple(questions),
        source=doc.name,
        origin=origin,
    )


def load_question_set(path: Path, templates: TemplateSet, *, origin: str = "user") -> QuestionSet:
    return parse_question_set(
        read_yaml(path), expected_name=path.stem, templates=templates, origin=origin
    )


@dataclass
class QuestionSets:
    """The question sets in use, by the form template they serve."""

    by_name: dict[str, QuestionSet] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)
    overridden: dict[str, QuestionSet] = field(default_factory=dict)

    def for_template(self, template: str) -> QuestionSet:
        found = next((b for b in self.by_name.values() if b.template == template), None)
        if found is None:
            raise InputError(
                f"no question set asks about {template!r} stories; add "
                f"templates/questions/{template}.yaml to your config folder"
            )
        return found


def question_files(shipped: Path, user_dirs: Iterable[Path] = ()) -> list[Path]:
    """Every question set file `load_question_sets` reads, in its order."""
    return [path for folder in (shipped, *user_dirs) for path in yaml_files(folder / "questions")]


def load_question_sets(
    shipped: Path, templates: TemplateSet, user_dirs: Iterable[Path] = ()
) -> QuestionSets:
    """Shipped question sets, then the user's, which override the shipped ones by name.

    A broken shipped set raises; a broken user set is recorded in `problems` and the
    shipped set of that name stays in use.
    """
    result = QuestionSets()
    for path in yaml_files(shipped / "questions"):
        result.by_name[path.stem] = load_question_set(path, templates, origin="shipped")
    for folder in user_dirs:
        for path in yaml_files(folder / "questions"):
            try:
                qset = load_question_set(path, templates, origin="user")
            except InputError as exc:
                result.problems.append(exc)
                continue
            if qset.name in result.by_name:
                result.overridden[qset.name] = result.by_name[qset.name]
            result.by_name[qset.name] = qset
    return result
