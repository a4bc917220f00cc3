"""Dismissed findings wherever the checks and readiness are worked out for a user: the
checks of one story or of many, the progress readiness and the overview's."""

from __future__ import annotations

import datetime as dt

from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.services.export import readiness_for
from coach.services.progress import stories_page
from coach.services.stories import (
    checked,
    checked_stories,
    dismiss_findings,
    dismissals_by_field,
    undo_dismissals,
)
from coach.store import Store

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
IMPACT = "Waste went down significantly."


def write(store: Store, templates: TemplateSet) -> int:
    """A project story with every field written, the impact a vague one with no figure."""
    form = templates.get("project")
    fields = {s.key: f"The {s.label.lower()} part, told plainly and briefly." for s in form.fields}
    return store.create_story(
        Story(title="Produce forecast", template="project", fields=fields | {"impact": IMPACT})
    )


def dismiss_everything(store: Store, templates: TemplateSet, story_id: int) -> None:
    """What a user does who presses "I mean it" on every field with a finding."""
    fields = store.fields(story_id)
    for finding in checked(store, templates, story_id).findings:
        dismiss_findings(store, story_id, [finding], fields.get(finding.key, ""))


def test_a_dismissed_finding_leaves_the_checks_until_the_text_changes(
    store: Store, templates: TemplateSet
) -> None:
    story_id = write(store, templates)
    before = checked(store, templates, story_id)
    impact = [f for f in before.findings if f.key == "impact"]
    assert impact, before.findings

    made = dismiss_findings(store, story_id, impact, IMPACT)
    assert [d.key for d in made] == ["impact"] * len(impact)
    assert dismissals_by_field(store, story_id) == {"impact": made}
    after = checked(store, templates, story_id)
    assert after.dismissed == tuple(impact)
    assert [f for f in after.findings if f.key == "impact"] == []
    assert after.passing == before.passing + 1

    _, rev = store.field_state(story_id, "impact")
    store.save_field(story_id, "impact", IMPACT + " Managers liked it.", rev)
    edited = checked(store, templates, story_id)
    assert [f.key for f in edited.findings].count("impact") >= 1
    assert edited.dismissed == ()
    assert edited.passing == before.passing


def test_an_empty_required_field_is_not_dismissed(store: Store, templates: TemplateSet) -> None:
    story_id = store.create_story(Story(title="Empty", template="project"))
    required = [f for f in checked(store, templates, story_id).findings if f.check == "required"]
    assert required
    assert dismiss_findings(store, story_id, required, "") == []
    assert dismissals_by_field(store, story_id) == {}


def test_undo_brings_the_findings_back(store: Store, templates: TemplateSet) -> None:
    story_id = write(store, templates)
    impact = [f for f in checked(store, templates, story_id).findings if f.key == "impact"]
    dismiss_findings(store, story_id, impact, IMPACT)
    assert undo_dismissals(store, story_id, "impact") == len(impact)
    assert checked(store, templates, story_id).dismissed == ()
    assert undo_dismissals(store, story_id, "impact") == 0


def test_readiness_no_longer_counts_what_was_dismissed(
    store: Store, templates: TemplateSet
) -> None:
    story_id = write(store, templates)
    other = write(store, templates)
    [draft, _] = stories_page(store, templates, NOW)
    assert draft.readiness.label == "draft"

    dismiss_everything(store, templates, story_id)
    by_id = {p.id: p.readiness for p in stories_page(store, templates, NOW)}
    assert by_id[story_id].label == "rehearse", by_id[story_id]
    assert by_id[other].label == "draft", "dismissals are per story"
    overview = readiness_for(store, templates)([story_id, other])
    assert (overview[story_id].label, overview[other].label) == ("rehearse", "draft")


def test_many_stories_are_checked_in_a_few_queries(store: Store, templates: TemplateSet) -> None:
    ids = [write(store, templates) for _ in range(25)]
    for story_id in ids[::2]:
        dismiss_everything(store, templates, story_id)
    rows = store.list_stories(limit=25)
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    try:
        found = checked_stories(store, templates, rows)
    finally:
        store.conn.set_trace_callback(None)
    assert len(queries) == 2, "the fields and the dismissals of the page, one query each"
    assert [found[i].findings == () for i in ids] == [n % 2 == 0 for n in range(25)]
