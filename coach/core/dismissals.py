"""Findings the user has dismissed ("I mean it"): each is tied to the text of its field as
it was when dismissed, so editing that text brings the finding back.

A dismissed finding no longer counts against the story: `apply_dismissals` takes it out of
a Completeness's findings (keeping it in `dismissed`, for the form to show greyed) and
counts its field as passing again when nothing else fails there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from coach.core.checks import Completeness
from coach.core.findings import Finding

UNDISMISSABLE = frozenset({"required"})
"""Checks that cannot be waved off: an empty field has no text to mean."""


def fingerprint(text: str) -> str:
    """What a dismissal remembers of its field's text: a hash of its words, so that new
    line breaks or spaces at the ends do not bring a finding back, but any other edit does."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class Dismissal:
    """One finding waved off on one field, while the field says exactly what it said then."""

    key: str
    """The field."""
    check: str
    """The finding's check (number, vague, red_flag ...)."""
    flag: str
    """For a red flag, its key; empty otherwise."""
    fingerprint: str
    """`fingerprint` of the field's text when the finding was dismissed."""

    def matches(self, finding: Finding) -> bool:
        """The same finding (field, check, red flag), whatever the text now says."""
        return (finding.key, finding.check, finding.flag) == (self.key, self.check, self.flag)


def can_dismiss(finding: Finding) -> bool:
    return finding.check not in UNDISMISSABLE


def dismissal(finding: Finding, text: str) -> Dismissal:
    """The dismissal of `finding` on a field whose text is `text`."""
    return Dismissal(finding.key, finding.check, finding.flag, fingerprint(text))


def split_findings(
    findings: Sequence[Finding], fields: Mapping[str, str], dismissals: Iterable[Dismissal]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(the findings that still count, the ones dismissed on their field's current text)."""
    waved = list(dismissals)
    if not waved:
        return tuple(findings), ()
    prints: dict[str, str] = {}
    kept: list[Finding] = []
    dismissed: list[Finding] = []
    for finding in findings:
        if can_dismiss(finding) and any(d.matches(finding) for d in waved):
            if finding.key not in prints:
                prints[finding.key] = fingerprint(fields.get(finding.key, ""))
            current = prints[finding.key]
            if any(d.matches(finding) and d.fingerprint == current for d in waved):
                dismissed.append(finding)
                continue
        kept.append(finding)
    return tuple(kept), tuple(dismissed)


@dataclass(frozen=True)
class Checked(Completeness):
    """A story's checks with the user's dismissals applied: `findings` are those that still
    count (readiness reads them), `dismissed` those waved off on the text as it is."""

    dismissed: tuple[Finding, ...] = ()

    def summary(self) -> str:
        tail = f" · {len(self.dismissed)} dismissed" if self.dismissed else ""
        return super().summary() + tail


def apply_dismissals(
    done: Completeness, fields: Mapping[str, str], dismissals: Iterable[Dismissal]
) -> Checked:
    """`done` (a story's `lint_story` or `completeness`) without the findings dismissed on
    their field's current text; a filled field left with no finding counts as passing."""
    kept, dismissed = split_findings(done.findings, fields, dismissals)
    still = {f.key for f in kept}
    cleared = {f.key for f in dismissed if f.key not in still and fields.get(f.key, "").strip()}
    return Checked(
        filled=done.filled,
        passing=done.passing + len(cleared),
        total=done.total,
        findings=kept,
        dismissed=dismissed,
    )
