"""The story's figures said or missed in real speech: right for at least 90% of them, over
the fixtures and a story (fixtures/story.yaml) holding the figures they say and some they
never say."""

from __future__ import annotations

from typing import Any

import pytest
from voice_truth import ANSWERS, FIXTURES, truth

from coach.core.stories import Story
from coach.core.storyfiles import read_story_files
from coach.core.templates import TemplateSet
from coach.services.voice.analysis import analyze
from coach.services.voice.sources import FileSource


@pytest.fixture
def story(templates: TemplateSet) -> Story:
    return read_story_files([FIXTURES / "story.yaml"], templates)[0].story


def test_figures_said_and_missed_are_right_nine_times_in_ten(
    story: Story, templates: TemplateSet, engine: Any
) -> None:
    template = templates.get("project")
    judged: list[tuple[str, str, bool, bool]] = []
    for name in ANSWERS:
        known = truth(name)
        result = analyze(FileSource(known.wav), engine, story, template=template)
        for figure in result.figures:
            judged.append((name, figure.text, figure.said, figure.text in known.figures))
        said = {f.text for f in result.figures if f.said}
        assert said <= set(known.figures), (name, said)
    wrong = [j for j in judged if j[2] != j[3]]
    assert len(judged) >= 3 * 6
    assert len(wrong) <= len(judged) // 10, wrong


def test_a_figure_said_has_the_time_it_was_said(
    story: Story, templates: TemplateSet, engine: Any
) -> None:
    result = analyze(FileSource(truth("pauses").wav), engine, story, field="challenges")
    said = {f.text: f.at_s for f in result.figures if f.said}
    assert set(said) == {"7 days", "62%"}
    third = truth("pauses").pauses[1]
    third_starts = third["at_s"] + third["seconds"]  # "I moved the cut off back by 7 days"
    assert third_starts < said["7 days"] < third_starts + 3
    assert said["62%"] > said["7 days"]
    assert {f.field for f in result.figures} == {"challenges"}
