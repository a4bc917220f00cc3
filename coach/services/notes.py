"""A note written after a rehearsal answer, taken into the story: the user sees it, edits it,
and chooses to add it (nothing goes into a field unread)."""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.questions import QuestionSet
from coach.core.templates import TemplateSet
from coach.services import editing
from coach.services.rehearsals import AnswerRow, Report, note_field
from coach.store import Store


@dataclass(frozen=True)
class NoteTarget:
    """The story field a note on one answer would go into."""

    story_id: int
    key: str
    label: str
    """The field's label, as the form shows it."""


def note_target(
    templates: TemplateSet, qset: QuestionSet, report: Report, answer: AnswerRow
) -> NoteTarget | None:
    """Where a note on `answer` belongs: the section's own field, or the first field the
    follow-up probes; None when the story's form has no such field."""
    key = note_field(qset, answer)
    template = templates.templates.get(report.story.template)
    if template is None or key not in template.keys:
        return None
    spec = template.field(key)
    return NoteTarget(report.rehearsal.story_id, key, spec.label if spec else key)


def add_to_field(store: Store, target: NoteTarget, text: str) -> bool:
    """Append `text` (as the user edited it) to the target field, as a new version of the
    field; False, and nothing written, when the text is empty."""
    text = text.strip()
    if not text:
        return False
    current, rev = store.field_state(target.story_id, target.key)
    joined = f"{current.rstrip()}\n\n{text}" if current.strip() else text
    editing.save_field(store, target.story_id, target.key, joined, rev, new_revision=True)
    return True
