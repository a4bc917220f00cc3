"""The story-quality checks the form shows as you type and `coach lint` prints."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from coach.core.findings import Finding
from coach.core.redflags import red_flags
from coach.core.templates import FieldSpec, FormTemplate, TemplateSet
from coach.core.text import plural, speaking_seconds, word_count

LENGTH_SLACK = 1.2
"""A field fails the length check when it takes longer than this times its target to say."""

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions half "
    "double doubled twice triple tripled percent dozen".split()
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NUMBER_WORDS)) + r")\b")
_SENTENCE_END = re.compile(r"[.!?\n]+")


def has_number(text: str) -> bool:
    """A digit, or a number word such as 'twice' or 'million'."""
    return bool(_DIGIT.search(text) or _NUMBER_WORD.search(text.lower()))


@lru_cache(maxsize=32)
def _vague_pattern(vague_words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not vague_words:
        return None
    words = sorted(vague_words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def vague_words_without_figure(text: str, vague_words: tuple[str, ...]) -> list[str]:
    """The vague words used in sentences that give no figure, in order of first use."""
    pattern = _vague_pattern(vague_words)
    found: list[str] = []
    lowered = text.lower()
    if pattern is None or not pattern.search(lowered):
        return found
    for sentence in _SENTENCE_END.split(lowered):
        words = pattern.findall(sentence)
        if not words or has_number(sentence):
            continue
        found.extend(w for w in dict.fromkeys(words) if w not in found)
    return found


def check_field(spec: FieldSpec, text: str, vague_words: tuple[str, ...]) -> list[Finding]:
    """Every check of `spec` that `text` fails. An empty optional field fails nothing."""
    text = text.strip()
    if not text:
        if "required" in spec.checks:
            return [Finding(spec.key, "required", "empty: this field is needed; write a sentence")]
        return []
    findings: list[Finding] = []
    if "number" in spec.checks and not has_number(text):
        findings.append(
            Finding(spec.key, "number", "no figure: add a number (size, %, money, time)")
        )
    if "vague" in spec.checks:
        vague = vague_words_without_figure(text, vague_words)
        if vague:
            words = ", ".join(f"'{w}'" for w in vague[:3])
            findings.append(
                Finding(spec.key, "vague", f"vague: {words} with no figure; say how much")
            )
    if "length" in spec.checks:
        seconds = speaking_seconds(word_count(text))
        if seconds > spec.target_seconds * LENGTH_SLACK:
            findings.append(
                Finding(
                    spec.key,
                    "length",
                    f"too long: about {seconds} s to say, target {spec.target_seconds} s; cut it",
                )
            )
    return findings


@dataclass(frozen=True)
class Completeness:
    """How far a story is: fields filled, fields passing every check, and what fails."""

    filled: int
    passing: int
    total: int
    findings: tuple[Finding, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.passing / self.total) if self.total else 0

    def summary(self) -> str:
        issues = len(self.findings)
        tail = f" · {plural(issues, 'issue')}" if issues else ""
        return f"{self.filled}/{self.total} filled{tail}"


def lint_story(template: FormTemplate, fields: Mapping[str, str]) -> Completeness:
    """Every field's checks, then the story's red flags (each on the field it is found in)."""
    flags = red_flags(template, fields)
    flagged = {f.key for f in flags}
    findings: list[Finding] = []
    filled = passing = 0
    for spec in template.fields:
        text = fields.get(spec.key, "")
        problems = check_field(spec, text, template.vague_words)
        findings.extend(problems)
        findings.extend(f for f in flags if f.key == spec.key)
        if text.strip():
            filled += 1
            if not problems and spec.key not in flagged:
                passing += 1
    return Completeness(filled, passing, len(template.fields), tuple(findings))


def completeness(templates: TemplateSet, template: str, fields: Mapping[str, str]) -> Completeness:
    """A story's checks under its form; a story whose form is gone counts as unchecked."""
    form = templates.templates.get(template)
    if form is None:
        return Completeness(len(fields), 0, len(fields), ())
    return lint_story(form, fields)
