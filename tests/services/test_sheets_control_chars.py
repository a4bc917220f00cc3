"""Sheets show control characters in user text as symbols (Markdown, HTML, the preview),
while story files keep the exact text, escaped."""

from __future__ import annotations

import json

import pytest
import yaml

from coach.core.schedule import Rating
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.services.export import Exporter
from coach.services.sheets import category_labels, sheet_for
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals

ESC = "\x1b]0;PWNED\x07 \x1b]52;c;aGk=\x07 \x1b[2J \x9b31m \x7f\r\x00"
SHOWN = "␛]0;PWNED␇ ␛]52;c;aGk=␇ ␛[2J \ufffd31m ␡␍␀"  # noqa: RUF001


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if (ch < " " and ch not in "\t\n") or "\x7f" <= ch <= "\x9f"]


@pytest.fixture
def hostile(store: Store, workspace: Workspace) -> int:
    """A story with control characters in every kind of text a sheet shows: title,
    details, tags, fields (one the template no longer has), a note and a question."""
    story_id = store.create_story(
        Story(
            title=f"Churn {ESC} model",
            template="project",
            company=f"Evil {ESC} Corp",
            role=f"Data {ESC}",
            dates="2023",
            tags=[f"tag {ESC}", "plain"],
            competencies=[f"evaluation {ESC}"],
            fields={
                "goal": f"I built a model {ESC} that cut churn by 12% for 4,000 users.",
                "impact": f"Saved $1.2M a year {ESC}.",
                "gone_field": f"Kept {ESC} from an older form.",
            },
        )
    )
    rid = rehearsals.start(store, story_id, persona="technical")
    rehearsals.record(
        store,
        rid,
        0,
        kind="followup",
        key="data-size",
        category="data",
        prompt=f"How big {ESC} was it?",
        target_seconds=40,
        seconds=50,
        rating=Rating(1),
        note=f"forgot {ESC} the size",
    )
    rehearsals.close(store, rid, "finished")
    return story_id


def _strings(value: object) -> list[str]:
    """Every string inside a sheet's data (dataclasses, tuples, properties aside)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [s for name in value.__dataclass_fields__ for s in _strings(getattr(value, name))]
    return []


def test_every_text_on_the_sheet_is_visible(
    store: Store, workspace: Workspace, templates: TemplateSet, hostile: int
) -> None:
    sheet = sheet_for(store, hostile, templates, category_labels(workspace.question_sets))
    texts = _strings(sheet)
    assert raw_controls("".join(texts)) == []
    assert f"Churn {SHOWN} model" == sheet.title
    assert sheet.byline.startswith(f"Evil {SHOWN} Corp")
    assert sheet.hardest and "forgot ␛]0;PWNED␇" in sheet.hardest[0].note
    assert sheet.last is not None and SHOWN in sheet.last.answers[0].prompt


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_sheets_show_the_symbols(
    store: Store, workspace: Workspace, hostile: int, fmt: str
) -> None:
    text = Exporter(workspace, store, fmt, [hostile]).text()
    assert raw_controls(text) == []
    assert "PWNED" in text and "␛" in text


def test_the_preview_text_is_visible(store: Store, workspace: Workspace, hostile: int) -> None:
    """The app's sheet preview draws the Markdown export of one story."""
    text = Exporter(workspace, store, "md", [hostile]).text()
    assert "forgot ␛\\]0;PWNED␇" in text  # Markdown escapes the bracket


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_story_files_keep_the_exact_text_escaped(
    store: Store, workspace: Workspace, hostile: int, fmt: str
) -> None:
    text = Exporter(workspace, store, fmt, [hostile]).text()
    assert raw_controls(text) == []
    data = yaml.safe_load(text) if fmt == "yaml" else json.loads(text)
    assert data["title"] == f"Churn {ESC} model"
    assert data["fields"]["goal"].startswith(f"I built a model {ESC}")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_overview_and_the_document_title_are_visible(
    store: Store, workspace: Workspace, hostile: int, fmt: str
) -> None:
    """Drawn from the bank's rows, not the sheets: the exporter makes them visible."""
    text = Exporter(workspace, store, fmt, [hostile], overview=True).text()
    assert raw_controls(text) == []
    alone = Exporter(workspace, store, fmt, [hostile]).text()
    assert raw_controls(alone) == []
