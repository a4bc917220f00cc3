"""The bank overview's "Common questions" section: which common interview questions the
overview's stories answer well, weakly or not at all, over the real samples and YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.services.export import Exporter
from coach.services.matching import Matcher, common_questions
from coach.services.workspace import Workspace
from coach.store import Store

GOLDEN = Path(__file__).parent / "golden"


def overview_text(store: Store, fmt: str, slugs: list[str] | None = None) -> str:
    """The export with its overview, of these stories (every one by default)."""
    ids = [r.id for r in store.list_stories() if slugs is None or r.slug in slugs]
    return Exporter(Workspace(store.path), store, fmt, ids, overview=True).text()


def section(markdown: str) -> str:
    """The overview's common questions section, up to the first story's sheet."""
    return markdown.split("**Common questions**", 1)[1].split("\n# ", 1)[0]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_section_counts_the_banks_answers_and_lists_what_to_write(
    samples: Store, fmt: str
) -> None:
    expected = Matcher(samples).coverage(common_questions(Workspace(samples.path)).questions)
    good, weak, none = (expected.of(name) for name in ("good", "weak", "none"))
    assert none and expected.busiest
    text = overview_text(samples, fmt)
    assert "Common questions" in text
    total = len(expected.rows)
    assert (
        f"{len(good)} of the {total} common interview questions have a good story, "
        f"{len(weak)} only a weak match, {len(none)} none."
    ) in text
    for row in none:
        assert row.question.text in text
    story, count = expected.busiest[0]
    assert f"{story.title} ({count})" in text


def test_the_section_counts_only_the_overviews_stories(samples: Store) -> None:
    alone = section(overview_text(samples, "md", ["pipeline-freeze-disagreement"]))
    whole = section(overview_text(samples, "md"))
    good_alone, good_whole = int(alone.split()[0]), int(whole.split()[0])
    assert 0 < good_alone < good_whole
    assert "Churn model" not in alone and "Churn model" in whole
    assert "Hourly prices during a data engineering freeze (" in alone


def test_an_overview_of_no_stories_has_no_section(samples: Store) -> None:
    assert "Common questions" not in overview_text(samples, "md", [])
