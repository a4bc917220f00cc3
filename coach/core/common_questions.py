"""The common opening questions of ML, data-science and behavioural interviews, read
strictly from `templates/common/questions.yaml`; the user's file of that name (in their
config folder's `templates/common/`) replaces the shipped one, and a broken one is reported
with its file and line while the shipped set stays in use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.core.errors import InputError
from coach.core.match_vocabulary import CONCEPTS
from coach.core.question_data import SIGNALS
from coach.core.yamlfile import YamlDoc, read_yaml

FOLDER = "common"
NAME = "questions"
KINDS = ("project", "behavioral")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = frozenset({"id", "text", "kind", "themes", "signals"})


@dataclass(frozen=True)
class CommonQuestion:
    id: str
    text: str
    kind: str
    """project (a project opener) or behavioral (a theme such as conflict or failure)."""
    themes: tuple[str, ...]
    """What the question is about: concepts of `match_vocabulary` (conflict, churn, ...)."""
    signals: tuple[str, ...]
    """The rubric signals an answer shows (`question_data.SIGNALS`)."""


@dataclass(frozen=True)
class CommonQuestions:
    title: str
    questions: tuple[CommonQuestion, ...]
    source: str
    origin: str
    """shipped or user."""

    def get(self, question_id: str) -> CommonQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass
class LoadedQuestions:
    """The set in use, and the problem of a broken user file (the shipped set is kept)."""

    questions: CommonQuestions
    problems: list[InputError] = field(default_factory=list)
    overridden: CommonQuestions | None = None


def _names(
    doc: YamlDoc, value: Any, allowed: Iterable[str], what: str, *where: str | int, label: str
) -> tuple[str, ...]:
    allowed = tuple(allowed)
    if not isinstance(value, list) or not value:
        raise doc.error(f"must be a non-empty list of {what}", *where, field=label)
    for item in value:
        if item not in allowed:
            raise doc.error(
                f"{item!r} is not a known {what}; use one of {', '.join(allowed)}",
                *where,
                field=label,
            )
    return tuple(dict.fromkeys(value))


def _question(doc: YamlDoc, raw: Any, index: int) -> CommonQuestion:
    where: tuple[str | int, ...] = ("questions", index)
    if not isinstance(raw, dict):
        raise doc.error("each question must be a mapping with id, text, kind, themes, signals")
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise doc.error(
            "id must be lower-kebab-case text", *where, "id", field=f"questions[{index}].id"
        )
    label = f"question {qid}"
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise doc.error(
            f"unknown setting {unknown[0]!r}; remove it", *where, unknown[0], field=label
        )
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise doc.error("text must be a non-empty text", *where, "text", field=label)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise doc.error(f"kind must be one of {', '.join(KINDS)}", *where, "kind", field=label)
    themes = _names(doc, raw.get("themes"), CONCEPTS, "theme", *where, "themes", label=label)
    signals = _names(doc, raw.get("signals"), SIGNALS, "signal", *where, "signals", label=label)
    return CommonQuestion(qid, " ".join(text.split()), kind, themes, signals)


def parse_common_questions(doc: YamlDoc, *, origin: str) -> CommonQuestions:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("the common questions must be a mapping with title and questions")
    if data.get("format", 1) != 1:
        raise doc.error("unknown format; this coach reads format 1", "format")
    unknown = sorted(set(data) - {"format", "title", "questions"})
    if unknown:
        raise doc.error(f"unknown setting {unknown[0]!r}; remove it", unknown[0])
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise doc.error("title must be a non-empty text", "title")
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise doc.error("questions must be a non-empty list", "questions")
    questions: list[CommonQuestion] = []
    for i, item in enumerate(raw):
        question = _question(doc, item, i)
        if any(q.id == question.id for q in questions):
            raise doc.error(
                f"id {question.id!r} is used twice; ids must be unique",
                "questions",
                i,
                "id",
                field=f"question {question.id}",
            )
        questions.append(question)
    return CommonQuestions(title.strip(), tuple(questions), doc.name, origin)


def common_question_files(shipped: Path, user_dirs: Iterable[Path] = ()) -> list[Path]:
    """The files `load_common_questions` reads, in its order (those that exist)."""
    found = [folder / FOLDER / f"{NAME}.yaml" for folder in (shipped, *user_dirs)]
    return [path for path in found if path.is_file()]


def load_common_questions(shipped: Path, user_dirs: Iterable[Path] = ()) -> LoadedQuestions:
    """The shipped set, replaced by the user's file of the same name when it reads well.

    A broken shipped file raises; a broken user file is recorded in `problems`.
    """
    path = shipped / FOLDER / f"{NAME}.yaml"
    result = LoadedQuestions(parse_common_questions(read_yaml(path), origin="shipped"))
    for folder in user_dirs:
        user = folder / FOLDER / f"{NAME}.yaml"
        if not user.is_file():
            continue
        try:
            found = parse_common_questions(read_yaml(user), origin="user")
        except InputError as exc:
            result.problems.append(exc)
            continue
        result.overridden, result.questions = result.questions, found
    return result
