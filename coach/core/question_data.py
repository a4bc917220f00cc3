"""Question sets as data: categories, check-in choices and the questions an interviewer asks.

Read from YAML by `coach.core.questions`; chosen for a story by `coach.core.followups`.
"""

from __future__ import annotations

import re
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

STORY_FACTS = ("title", "company", "role", "a_role")
"""Placeholders a question may use besides the template's field keys: the story's title (never
quoted as if the candidate said it), its company, and its role bare ('a new {role}') or with
its article ('as {a_role}': 'as a data scientist', 'as an ML engineer', 'as the lead')."""

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
            elif name in ("role", "a_role"):
                value = role_phrase(facts.get("role", ""), article=name == "a_role")
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


_DETERMINER = re.compile(r"^(?:a|an|the|one|my|our|their|his|her)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_HEAD_END = re.compile(r"\s(?:of|for|at|in|on|to)\s", re.IGNORECASE)
_NOT_PLURAL = frozenset(
    "analytics sales operations ops logistics statistics economics physics mathematics "
    "maths insights news business ads payments devops mlops finops research".split()
)
_AN_LETTERS = frozenset("aefhilmnorsx")
_A_VOWEL_WORDS = ("uni", "use", "usu", "uti", "eu", "one", "once")
_AN_H_WORDS = ("hour", "honest", "honor", "honour", "heir")


def _plural(phrase: str) -> bool:
    head = _HEAD_END.split(phrase, maxsplit=1)[0].split()[-1].lower().strip(",")
    return (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is"))
        and head not in _NOT_PLURAL
    )


def _article(phrase: str) -> str:
    """'a' or 'an' before `phrase`, by how its first word is said ('an ML engineer')."""
    word = phrase.split()[0]
    if word[:2].isupper():  # an acronym, said letter by letter: 'an ML', 'an MLOps', 'a UX'
        return "an" if word[0].lower() in _AN_LETTERS else "a"
    lowered = word.lower()
    if lowered.startswith(_AN_H_WORDS):
        return "an"
    if lowered[:1] in "aeiou" and not lowered.startswith(_A_VOWEL_WORDS):
        return "an"
    return "a"


def role_phrase(role: str, *, article: bool) -> str:
    """The story's role to drop into a question: bare ('data scientist', for 'a new
    {role}') or with its article ('a data scientist', 'an ML engineer'; a role written with
    one keeps it: 'the lead', 'one of two engineers'). '' when it would not read as English
    (a plural, a sentence); the question then falls back to its unquoted wording."""
    phrase = noun_phrase(role)
    if not phrase:
        return ""
    if _DETERMINER.match(phrase):
        if article:
            return phrase[:1].lower() + phrase[1:]
        bare = _ARTICLE.sub("", phrase, count=1)
        return "" if bare == phrase or _plural(bare) else bare
    if _plural(phrase):
        return ""
    return f"{_article(phrase)} {phrase}" if article else phrase
