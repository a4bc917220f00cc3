"""Red flags: the methodological mistakes a strong interviewer listens for, found in the
story's own words, each with a one-line explanation and the question it invites."""

from __future__ import annotations

from collections.abc import Mapping

from coach.core.findings import Finding
from coach.core.templates import FormTemplate


def red_flags(template: FormTemplate, fields: Mapping[str, str]) -> list[Finding]:
    """Every red flag the story's text raises, as findings with check 'red_flag'."""
    return []
