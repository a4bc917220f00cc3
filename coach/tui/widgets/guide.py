"""The panel beside the form: the focused field's question, hint and example."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.core.templates import FieldSpec, FormTemplate


class Guide(Static):
    """Coaching for whatever field has focus."""

    def show_field(self, spec: FieldSpec) -> None:
        text = Text()
        text.append(f"{spec.label}\n", style="bold")
        text.append(f"{spec.prompt}\n\n", style="italic")
        text.append("Hint\n", style="bold")
        text.append(f"{spec.hint}\n\n")
        text.append("Example\n", style="bold")
        text.append(f"{spec.example}\n\n", style="dim")
        text.append(f"Aim for about {spec.target_words} words, {spec.target_seconds} s spoken.")
        self.update(text)

    def show_template(self, template: FormTemplate) -> None:
        text = Text()
        text.append(f"{template.title}\n", style="bold")
        text.append(f"{template.description}\n\n")
        total = sum(f.target_seconds for f in template.fields if f.section in ("pitch", "star"))
        text.append(f"Spoken pitch target: about {total} s.\n\n", style="dim")
        text.append("Every change is saved as you type.\n", style="dim")
        text.append("ctrl+↓/↑ next/previous field · F2 one field at a time\n", style="dim")
        text.append("ctrl+r earlier versions of a field · esc back to the bank", style="dim")
        self.update(text)
