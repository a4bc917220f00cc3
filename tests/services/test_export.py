"""Story files exported by the Exporter re-import to the same story, whatever it holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.stories import Story, story_to_dict
from coach.core.templates import TemplateSet
from coach.services.export import Exporter
from coach.services.stories import import_paths
from coach.services.workspace import Workspace
from coach.store import open_store

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
_line = _text.map(str.strip).filter(bool)
_long = st.text(st.characters(exclude_categories=("Cs",)), max_size=300) | st.lists(
    st.text(max_size=90), max_size=5
).map("\n".join)


@st.composite
def stories(draw: st.DrawFn) -> Story:
    template = draw(st.sampled_from(["project", "star"]))
    keys = ["goal", "impact", "data"] if template == "project" else ["situation", "result"]
    fields = draw(st.dictionaries(st.sampled_from(keys), _long.filter(str.strip), max_size=3))
    items = st.lists(_line.filter(lambda t: "," not in t), max_size=3, unique=True)
    return Story(
        title=draw(_line),
        template=template,
        company=draw(_text.map(str.strip)),
        role=draw(_text.map(str.strip)),
        tags=draw(items),
        competencies=draw(items),
        fields=fields,
        archived=draw(st.booleans()),
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(story=stories())
def test_any_story_survives_export_and_reimport(
    templates: TemplateSet, fmt: str, story: Story
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = open_store(folder / "a.db")
        story_id = first.create_story(story)
        saved = first.story(story_id)
        out = folder / "out"
        written = list(Exporter(Workspace(first.path), first, fmt, [story_id]).write_files(out))
        second = open_store(folder / "b.db")
        import_paths(second, written, templates)
        again = second.find(saved.slug)
        assert again is not None
        assert story_to_dict(second.story(again.id)) == story_to_dict(saved)
        assert second.story(again.id).fields == story.fields
        first.close()
        second.close()
