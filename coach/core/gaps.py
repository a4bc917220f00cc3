"""What a story lacks, as an interviewer weighs it: the gaps follow-ups dig into, in order.

The order is fixed: red flags first, then the pitch's figure (impact, result), the other
pitch fields, the technical fields, and last the plain pitch and leadership. Within one
rank, a claim without evidence (no figure, a vague word) or an empty required field comes
before an empty optional one, and then the form's order decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coach.core.checks import lint_story
from coach.core.findings import Finding
from coach.core.templates import FieldSpec, FormTemplate

LAST = frozenset({"leadership"})
"""Pitch fields an interviewer leaves until last, with the audience versions."""

_KIND = {
    "required": "empty",
    "too_short": "empty",
    "number": "no_figure",
    "comparison": "no_figure",
    "vague": "vague",
    "generic": "vague",
}
"""The gap type each failed check opens: a field too short to say much gets an opener, a
generic lesson is quoted back like a vague claim. A field too long is not for follow-ups."""
_SAID = {
    "required": "is empty",
    "too_short": "is too short",
    "number": "has no figure",
    "comparison": "has no comparison",
    "vague": "is vague",
    "generic": "is generic",
}
_FIELD_PREFERENCE = ("vague", "no_figure", "empty")
"""When one field fails several checks, the gap asked about: a vague question asks for the
number too."""
_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Gap:
    """One thing the story lacks, on one field, and why it is a gap in words a user reads."""

    key: str
    kind: str
    """empty, no_figure, vague or red_flag."""
    reason: str
    rank: int
    """Within its tier: 0 for a claim without evidence or an empty required field, 1 for an
    empty optional field."""
    flag: str = ""
    """For a red flag: its key."""
    question: str = ""
    """For a red flag: the question it invites."""
    message: str = ""
    """For a red flag: the one-line explanation."""
    words: tuple[str, ...] = ()
    """For a vague field: the words found vague."""


def field_tier(template: FormTemplate, spec: FieldSpec) -> int | None:
    """1 the pitch's figure, 2 the other pitch fields, 3 the technical fields, 4 the plain
    pitch and leadership; None for a field never spoken (the STAR question)."""
    if spec.section == "prep":
        return None
    if spec.section == "audience" or spec.key in LAST:
        return 4
    pitch = template.pitch_fields
    if spec in pitch and "number" in spec.checks:
        return 1
    if spec in pitch or spec.section in ("pitch", "star"):
        return 2
    return 3


def _field_gap(spec: FieldSpec, text: str, findings: Sequence[Finding]) -> Gap | None:
    kinds = {_KIND[f.check]: f for f in findings if f.check in _KIND}
    if not text.strip():
        required = "required" in spec.checks
        return Gap(spec.key, "empty", f"gap: {spec.key} is empty", 0 if required else 1)
    for kind in _FIELD_PREFERENCE:
        finding = kinds.get(kind)
        if finding is None:
            continue
        said = _SAID[finding.check]
        words = tuple(_QUOTED.findall(finding.message)) if kind == "vague" else ()
        detail = ", ".join(f"'{w}'" for w in words[:3])
        reason = f"gap: {spec.key} {said} ({detail})" if detail else f"gap: {spec.key} {said}"
        return Gap(spec.key, kind, reason, 0, words=words)
    return None


def story_gaps(
    template: FormTemplate,
    fields: Mapping[str, str],
    findings: Sequence[Finding] | None = None,
) -> list[Gap]:
    """The story's gaps, most pressing first. `findings` are the story's checks and red
    flags (`lint_story`'s, less any the user dismissed); read from the text when None."""
    if findings is None:
        findings = lint_story(template, fields).findings
    by_field: dict[str, list[Finding]] = {}
    for finding in findings:
        by_field.setdefault(finding.key, []).append(finding)
    ordered: list[tuple[tuple[int, int, int], Gap]] = []
    for position, spec in enumerate(template.fields):
        tier = field_tier(template, spec)
        if tier is None:
            continue
        mine = by_field.get(spec.key, [])
        for finding in mine:
            if finding.check == "red_flag":
                flag = Gap(
                    spec.key,
                    "red_flag",
                    f"gap: red flag in {spec.key}: {finding.message.removeprefix('red flag: ')}",
                    0,
                    flag=finding.flag,
                    question=finding.question,
                    message=finding.message,
                )
                ordered.append(((0, 0, position), flag))
        gap = _field_gap(spec, fields.get(spec.key, ""), mine)
        if gap is not None:
            ordered.append(((tier, gap.rank, position), gap))
    ordered.sort(key=lambda pair: pair[0])
    return [gap for _, gap in ordered]
