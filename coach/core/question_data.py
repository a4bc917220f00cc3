"""Question sets as data: categories, check-in choices and the questions an interviewer asks.

Read from YAML by `coach.core.questions`; chosen for a story by `coach.core.followups`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass

from coach.core.errors import InputError
from coach.core.phrases import noun_phrase, title_phrase

PERSONAS = ("technical", "manager", "non-technical")
"""Who may be asking: each question names the ones it suits, and only they ask it."""

SIGNALS = (
    "data handling",
    "model selection",
    "optimization",
    "evaluation",
    "production",
    "business impact",
    "communication",
    "collaboration",
    "leadership",
    "ownership",
    "failure",
    "feedback",
    "learning",
)
"""The rubric signals and behavioural themes a category can count towards."""

GAP_TYPES = ("empty", "no_figure", "vague", "red_flag", "filled")
"""What a question is fit for: a field left empty (an opener that assumes nothing), a claim
with no figure or nothing to compare it with, a vague word, a red flag, or a field written
well enough to go one level deeper."""

STORY_FACTS = ("title", "company", "role")
"""Placeholders a question may use besides the template's field keys."""

QUOTES = ("vague", "figure")
"""Placeholders quoting the field the question is about: its vague words, its first figure."""


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    signal: str
    strong: str = ""
    """What a strong answer in this category contains, shown after the rating."""


@dataclass(frozen=True)
class CheckinChoice:
    """One answer to the check-in question, and the categories it steers towards."""

    key: str
    label: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    probes: tuple[str, ...]
    asked_by: tuple[str, ...]
    target_seconds: int
    why: str
    fallback: str = ""
    serves: tuple[str, ...] = ("empty", "filled")
    """The gap types it is fit for (GAP_TYPES)."""
    applies_to: tuple[str, ...] = ()
    """Story kinds it is asked about (any of them); empty for every story."""
    not_for: tuple[str, ...] = ()
    """Story kinds it is never asked about."""
    needs: tuple[str, ...] = ()
    """Fields it refers to besides its own: never asked while one of them is empty."""
    answered_if: tuple[str, ...] = ()
    """Facts that, found in the fields it probes, mean the story already answers it."""
    flags: tuple[str, ...] = ()
    """The red flags (their keys) it asks about; it then serves red_flag gaps."""
    deeper: str = ""
    """The question that takes its place when the story already answers it."""
    strong: str = ""
    """What a strong answer contains, when it says more than its category's."""

    @property
    def field(self) -> str:
        """The field it is first about."""
        return self.probes[0]

    @property
    def placeholders(self) -> tuple[str, ...]:
        return placeholders(self.text)

    def render(self, facts: Mapping[str, str], quotes: Mapping[str, str] | None = None) -> str:
        """The text with the story's facts in it, or the fallback when one is missing or
        would not read as English.

        A field placeholder takes the field's opening noun phrase; `quotes` holds the words
        quoted from the field the question is about (QUOTES), already cut to size.
        """
        names = self.placeholders
        if not names:
            return self.text
        values: dict[str, str] = {}
        for name in names:
            if name in QUOTES:
                value = (quotes or {}).get(name, "")
            elif name == "title":
                value = title_phrase(facts.get(name, ""))
            elif name == "company":
                value = " ".join(facts.get(name, "").split())
            else:
                value = noun_phrase(facts.get(name, ""))
            if not value:
                return self.fallback
            values[name] = value
        return self.text.format_map(values)


@dataclass(frozen=True)
class QuestionSet:
    name: str
    template: str
    title: str
    categories: tuple[Category, ...]
    checkin_text: str
    choices: tuple[CheckinChoice, ...]
    questions: tuple[Question, ...]
    source: str = ""
    origin: str = "shipped"

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def choice(self, key: str) -> CheckinChoice:
        found = next((c for c in self.choices if c.key == key), None)
        if found is None:
            known = ", ".join(c.key for c in self.choices)
            raise InputError(f"unknown check-in choice {key!r}; choose one of {known}")
        return found

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def strong(self, question: Question) -> str:
        """What a strong answer to `question` contains: its own text, else its category's."""
        return question.strong or self.category(question.category).strong


def placeholders(text: str) -> tuple[str, ...]:
    """The `{name}` placeholders in a question's text, in order."""
    names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    return tuple(dict.fromkeys(names))
