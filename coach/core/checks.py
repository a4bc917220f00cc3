"""The story-quality checks the form shows as you type and `coach lint` prints.

Each check reads like an editor's note on one field: empty where it is needed, no
figure, a figure with nothing to compare it with, a vague claim, a generic lesson,
too short or too long to say. The story's red flags come from `coach.core.redflags`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from coach.core.figures import find_figures, has_comparison, has_figure, headline_figure
from coach.core.findings import Finding
from coach.core.redflags import red_flags
from coach.core.templates import FieldSpec, FormTemplate, TemplateSet
from coach.core.text import plural, speaking_seconds
from coach.core.vague import vague_phrases

LENGTH_SLACK = 1.2
"""A field fails the length check when it takes longer than this times its target to say."""
SHORT_SHARE = 0.4
"""A field fails the too_short check when it takes less than this share of its target."""

_GENERIC = re.compile(
    r"\b(?:(?:i|we)\s+(?:have\s+)?learn(?:ed|t)\s+(?:a\s+lot|so\s+much|a\s+great\s+deal"
    r"|many\s+things|lots)"
    r"|(?:learned|learnt|realized|realised|understood|saw)\s+(?:the\s+)?(?:importance|value)\s+of"
    r"|(?:communication|teamwork|collaboration|planning|testing|documentation|feedback"
    r"|preparation|patience|transparency|trust|flexibility|listening|time\s+management)"
    r"\s+(?:is|are)\s+(?:very\s+|really\s+|so\s+|extremely\s+|always\s+)?(?:important|key"
    r"|crucial|essential|vital|everything)"
    r"|(?:it\s+is|it's|it’s)\s+(?:always\s+|very\s+|really\s+)?(?:important|good|better|best"
    r"|crucial|essential|key)\s+to"
    r"|never\s+give\s+up|learn(?:ed)?\s+from\s+(?:my|our)\s+mistakes|work(?:ing)?\s+hard"
    r"|learn(?:ing)?\s+by\s+doing|step\s+out\s+of\s+my\s+comfort\s+zone)\b",
    re.IGNORECASE,
)
_APPLIED = re.compile(
    r"\b(?:now\s+i|i\s+now|since\s+then|ever\s+since|these\s+days|next\s+time|from\s+then\s+on"
    r"|today\s+i|on\s+my\s+next|in\s+my\s+next|i\s+have\s+since|i've\s+since)\b",
    re.IGNORECASE,
)


def has_number(text: str) -> bool:
    """Whether `text` gives a figure: a quantity, not a year or a name with a digit
    (see `coach.core.figures`)."""
    return has_figure(text)


def vague_words_without_figure(text: str, vague_words: tuple[str, ...]) -> list[str]:
    """The vague claims in clauses that give no figure, in order of first use
    (see `coach.core.vague`)."""
    return vague_phrases(text, vague_words)


def generic_lesson(text: str) -> str:
    """The stock phrase that makes a lesson anyone's ('I learned a lot', 'communication
    is important'), or '' when there is none or the lesson says what is done now."""
    match = _GENERIC.search(text)
    if match is None or _APPLIED.search(text):
        return ""
    return " ".join(match.group(0).split())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(figure_text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(figure_text)}


def compared_elsewhere(fields: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """For each field, the numbers the story's OTHER fields set against something: a figure
    a field gives bare ('AUC 0.81') is compared when another field says it against a baseline
    ('0.81 against 0.74 for the logistic baseline'), and asking 'against what?' is wrong."""
    compared = {
        key: frozenset(n for f in find_figures(text) for n in _numbers(f.text))
        for key, text in fields.items()
        if text.strip() and has_comparison(text)
    }
    return {
        key: frozenset().union(*(numbers for other, numbers in compared.items() if other != key))
        for key in fields
    }


def check_field(
    spec: FieldSpec,
    text: str,
    vague_words: tuple[str, ...],
    compared: Collection[str] = (),
) -> list[Finding]:
    """Every check of `spec` that `text` fails. An empty optional field fails nothing. A
    figure of the field among `compared` (numbers another field of the story sets against
    something: see `compared_elsewhere`) has its comparison."""
    text = text.strip()
    if not text:
        if "required" in spec.checks:
            return [Finding(spec.key, "required", "empty: this field is needed; write a sentence")]
        return []
    findings: list[Finding] = []
    figure = has_figure(text) if {"number", "comparison"} & set(spec.checks) else False
    if "number" in spec.checks and not figure:
        findings.append(
            Finding(spec.key, "number", "no figure: add a number (size, %, money, time)")
        )
    if "comparison" in spec.checks and figure and not has_comparison(text):
        found = find_figures(text)
        shown = headline_figure(found)
        said = f"{shown.text} against what?" if shown else "against what?"
        if not any(_numbers(f.text) & set(compared) for f in found):
            findings.append(
                Finding(
                    spec.key,
                    "comparison",
                    f"no comparison: {said} Give the baseline, the old system or the control group",
                )
            )
    if "vague" in spec.checks:
        vague = vague_phrases(text, vague_words)
        if vague:
            words = ", ".join(f"'{w}'" for w in vague[:3])
            findings.append(
                Finding(spec.key, "vague", f"vague: {words} with no figure; say how much")
            )
    if "generic" in spec.checks and (phrase := generic_lesson(text)):
        findings.append(
            Finding(
                spec.key,
                "generic",
                f"generic: '{phrase}' could be anyone's lesson; say what you do differently now",
            )
        )
    seconds = speaking_seconds(text) if {"length", "too_short"} & set(spec.checks) else 0
    if "too_short" in spec.checks and seconds < spec.target_seconds * SHORT_SHARE:
        findings.append(
            Finding(
                spec.key,
                "too_short",
                f"too short: about {seconds} s to say, target {spec.target_seconds} s; "
                "give the detail an interviewer will ask for",
            )
        )
    if "length" in spec.checks and seconds > spec.target_seconds * LENGTH_SLACK:
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
    compared: dict[str, frozenset[str]] | None = None  # read only when a figure is asked
    # 'against what?': it reads the whole story again (the bank checks a page at start-up)
    findings: list[Finding] = []
    filled = passing = 0
    for spec in template.fields:
        text = fields.get(spec.key, "")
        problems = check_field(spec, text, template.vague_words)
        if any(p.check == "comparison" for p in problems):
            compared = compared_elsewhere(fields) if compared is None else compared
            if compared.get(spec.key):
                problems = check_field(spec, text, template.vague_words, compared[spec.key])
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
