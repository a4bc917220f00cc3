"""`coach lint`, `show` and `list` leave out a finding the user dismissed in the form, until
the field's text changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cli_helpers import run

from coach.services.stories import checked, dismiss_findings
from coach.services.workspace import Workspace

SLUG = "produce-demand-forecast"


def dismiss_impact(db: Path) -> tuple[int, str]:
    """Dismiss the sample's impact findings, as ctrl+o in the form does; (id, its text)."""
    workspace = Workspace(db)
    try:
        store = workspace.open_store()
        row = store.find(SLUG)
        assert row is not None
        text = store.fields(row.id)["impact"]
        findings = checked(store, workspace.templates, row.id).findings
        impact = [f for f in findings if f.key == "impact"]
        assert impact, "the sample's impact is vague and gives no figure"
        assert dismiss_findings(store, row.id, impact, text)
        return row.id, text
    finally:
        workspace.close()


def lint_json(db: Path) -> Any:
    [found] = json.loads(run(db, "lint", SLUG, "--json").output)
    return found


def test_lint_show_and_list_leave_out_a_dismissed_finding(loaded: Path) -> None:
    before = lint_json(loaded)
    assert "impact: " in run(loaded, "lint", SLUG).output
    listed = {d["slug"]: d for d in json.loads(run(loaded, "list", "--json").output)}

    dismiss_impact(loaded)

    text = run(loaded, "lint", SLUG).output
    assert "impact: " not in text
    assert text.splitlines()[0].endswith(" dismissed"), text
    after = lint_json(loaded)
    assert [f for f in after["findings"] if f["key"] == "impact"] == []
    assert after["passing"] == before["passing"] + 1
    shown = json.loads(run(loaded, "show", SLUG, "--json").output)
    assert not [f for f in shown["findings"] if f["key"] == "impact"]
    assert shown["passing"] == after["passing"]
    listed_after = {d["slug"]: d for d in json.loads(run(loaded, "list", "--json").output)}
    assert listed_after[SLUG]["passing"] == listed[SLUG]["passing"] + 1
    others = {s: d["passing"] for s, d in listed_after.items() if s != SLUG}
    assert others == {s: d["passing"] for s, d in listed.items() if s != SLUG}


def test_editing_the_text_brings_the_finding_back(loaded: Path) -> None:
    story_id, text = dismiss_impact(loaded)
    assert "impact: " not in run(loaded, "lint", SLUG).output

    workspace = Workspace(loaded)
    try:
        store = workspace.open_store()
        _, rev = store.field_state(story_id, "impact")
        store.save_field(story_id, "impact", text + " Everyone was pleased.", rev)
    finally:
        workspace.close()

    out = run(loaded, "lint", SLUG).output
    assert "impact: " in out
    assert "dismissed" not in out.splitlines()[0]
