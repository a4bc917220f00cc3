"""The sheet's "Be ready for": the question each red flag of the story invites, after the
story and before what rehearsals taught, escaped like every other piece of text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import yaml
from test_sheets import export_text, parse

from coach.core.redflags import red_flags
from coach.core.schedule import Rating
from coach.core.sheets import build_sheet
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.render.filters import md_escape
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals

DAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

LEAKY = Story(
    title="Churn model, leaky edition",
    template="project",
    fields={
        "goal": "I built a model that predicts which customers cancel next month.",
        "data": (
            "Only 3% of customers cancel in a month, so I applied SMOTE to the whole dataset "
            "and then split it 80/20 into train and test sets."
        ),
        "tuning": "I tuned the tree depth and learning rate on the test set.",
        "offline_metrics": "It reached 99% accuracy on the test set.",
    },
)


def ready_section(md: str) -> list[str]:
    """The bullets under '## Be ready for', up to the next heading."""
    after = md.split("## Be ready for\n\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in after.splitlines() if line]


def test_the_markdown_sheet_lists_each_red_flags_question(
    store: Store, templates: TemplateSet
) -> None:
    slug = store.row(store.create_story(LEAKY)).slug  # type: ignore[union-attr]
    md = export_text(store, templates, "md", [slug])
    form = templates.get("project")
    found = red_flags(form, LEAKY.fields)
    assert [f.flag for f in found] == [
        "leaky-preprocessing",
        "tuned-on-test",
        "accuracy-on-rare-positives",
        "too-good-offline",
        "no-baseline",
    ]
    assert ready_section(md) == [
        f"- {md_escape(f.question)} *({form.field(f.key).label})*"  # type: ignore[union-attr]
        for f in found
    ]
    assert "- Your offline accuracy was 99%: what convinced you it would hold up" in md
    # After the story itself: the last section of the form comes first.
    heads = [line.split(" · ")[0] for line in md.splitlines() if line.startswith("## ")]
    assert heads[-2:] == ["## Plain-language pitch", "## Be ready for"]


def test_a_story_with_no_red_flag_has_no_be_ready_for(
    samples: Store, templates: TemplateSet
) -> None:
    md = export_text(samples, templates, "md", ["marketplace-search-ranking"])
    html = export_text(samples, templates, "html", ["marketplace-search-ranking"])
    assert "Be ready for" not in md and "Be ready for" not in html
    # The same story split at random (its search logs run over time) gains the section.
    story = samples.story(samples.find("marketplace-search-ranking").id)  # type: ignore[union-attr]
    fields = {**story.fields, "tuning": "Tuned on a random 80/20 split of the search logs."}
    form = templates.get("project")
    sheet = build_sheet(dataclasses.replace(story, fields=fields), form)
    assert [r.flag for r in sheet.ready] == ["random-split-on-time"]
    assert sheet.ready[0].label == form.field("tuning").label  # type: ignore[union-attr]


def test_it_comes_before_the_hardest_follow_ups(store: Store, templates: TemplateSet) -> None:
    story_id = store.create_story(LEAKY)
    started = rehearsals.start(store, story_id, persona="technical", when=DAY)
    rehearsals.record(
        store, started, 0, kind="followup", key="q-size", category="data",
        prompt="How many rows did you train on?", target_seconds=45, seconds=70.0,
        rating=Rating.VERY_WEAK, when=DAY,
    )  # fmt: skip
    md = export_text(store, templates, "md", [store.row(story_id).slug])  # type: ignore[union-attr]
    assert md.index("## Be ready for") < md.index("## Hardest follow-ups")
    assert md.index("## Hardest follow-ups") < md.index("## Last rehearsal")


def test_flags_the_user_dismissed_stay_off_the_sheet(templates: TemplateSet) -> None:
    form = templates.get("project")
    assert len(build_sheet(LEAKY, form).ready) == 5
    kept = [f for f in red_flags(form, LEAKY.fields) if f.flag == "tuned-on-test"]
    assert [r.flag for r in build_sheet(LEAKY, form, flags=kept).ready] == ["tuned-on-test"]
    assert build_sheet(LEAKY, form, flags=[]).ready == ()


def test_html_lists_them_and_escapes_a_user_forms_label(tmp_path: Path) -> None:
    """The label comes from a form the user wrote: it is text, never markup."""
    forms = tmp_path / "config" / "templates" / "forms"
    forms.mkdir(parents=True)
    label = "<b>What we did</b> & how"
    field = {
        "key": "action",
        "label": label,
        "section": "star",
        "prompt": "What did you do?",
        "hint": "Steps.",
        "example": "This.",
        "target_words": 60,
        "target_seconds": 30,
    }
    (forms / "mine.yaml").write_text(
        yaml.safe_dump({"format": 1, "name": "mine", "title": "Mine", "fields": [field]}),
        encoding="utf-8",
    )
    workspace = Workspace(tmp_path / "coach.db")
    store = workspace.open_store()
    action = "We rebuilt the pipeline and we retrained the model with our data team."
    story_id = store.create_story(
        Story(title="Team work", template="mine", fields={"action": action})
    )
    slug = store.row(story_id).slug  # type: ignore[union-attr]
    html = export_text(store, workspace.templates, "html", [slug])
    tree = parse(html)
    assert "b" not in tree.tags
    text = "".join(tree.text)
    assert "Be ready for" in text
    assert f"Which of those steps did you do yourself? ({label})" in text
    md = export_text(store, workspace.templates, "md", [slug])
    assert ready_section(md) == [
        f"- Which of those steps did you do yourself? *({md_escape(label)})*"
    ]
    workspace.close()


def test_a_red_flag_the_user_dismissed_leaves_the_sheet(
    store: Store, templates: TemplateSet
) -> None:
    from coach.services.stories import dismiss_findings

    story_id = store.create_story(LEAKY)
    slug = store.row(story_id).slug  # type: ignore[union-attr]
    tuned = [f for f in red_flags(templates.get("project"), LEAKY.fields) if f.key == "tuning"]
    assert [f.flag for f in tuned] == ["tuned-on-test"]
    before = ready_section(export_text(store, templates, "md", [slug]))
    dismiss_findings(store, story_id, tuned, LEAKY.fields["tuning"])
    after = ready_section(export_text(store, templates, "md", [slug]))
    assert len(after) == len(before) - 1
    assert md_escape(tuned[0].question) not in "\n".join(after)


def test_be_ready_for_lists_the_flags_in_the_order_lint_does(
    store: Store, templates: TemplateSet
) -> None:
    from coach.core.checks import lint_story

    # the impact (early in the form) raises a flag that comes late in the table of flags
    story = dataclasses.replace(
        LEAKY,
        fields={
            **LEAKY.fields,
            "impact": "It caught fraud with 99% accuracy, where only 1% of payments are fraud.",
        },
    )
    slug = store.row(store.create_story(story)).slug  # type: ignore[union-attr]
    form = templates.get("project")
    linted = [f for f in lint_story(form, story.fields).findings if f.check == "red_flag"]
    raised = red_flags(form, story.fields)
    assert [f.flag for f in linted] != [f.flag for f in raised]  # the two orders differ
    md = export_text(store, templates, "md", [slug])
    assert ready_section(md) == [
        f"- {md_escape(f.question)} *({form.field(f.key).label})*"  # type: ignore[union-attr]
        for f in linted
    ]
