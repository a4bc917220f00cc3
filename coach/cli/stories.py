"""`coach list`, `show`, `import`, `lint` and `templates`: the story bank."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coach.cli.context import Context, echo, echo_json, pass_ctx, reported
from coach.core.checks import Completeness
from coach.core.stories import story_to_dict
from coach.core.text import speaking_seconds, word_count

if TYPE_CHECKING:
    from coach.services.stories import StoryRow


def _row_json(row: StoryRow, done: Completeness) -> dict[str, Any]:
    return {
        "id": row.id,
        "slug": row.slug,
        "title": row.title,
        "template": row.template,
        "company": row.company,
        "role": row.role,
        "dates": row.dates,
        "tags": row.tags,
        "competencies": row.competencies,
        "archived": row.archived,
        "updated_at": row.updated_at,
        "filled": done.filled,
        "passing": done.passing,
        "total": done.total,
    }


@click.command(name="list")
@click.option("--search", help="Full-text search over titles and every field.")
@click.option("--tag")
@click.option("--template")
@click.option("--competency")
@click.option("--archived", is_flag=True, help="List archived stories instead.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@reported
def list_(
    ctx: Context,
    search: str | None,
    tag: str | None,
    template: str | None,
    competency: str | None,
    archived: bool,
    as_json: bool,
) -> None:
    """List the stories in the bank, newest first (best match first when searching)."""
    from coach.services.stories import checked_stories

    store = ctx.store
    rows = store.list_stories(
        search=search, tag=tag, template=template, competency=competency, archived=archived
    )
    checks = checked_stories(store, ctx.templates, rows)
    done = [(r, checks[r.id]) for r in rows]
    if as_json:
        echo_json([_row_json(r, c) for r, c in done])
        return
    if not rows:
        echo("No stories." if not search else f"No story matches {search!r}.")
        return
    for r, c in done:
        tags = f"  [{', '.join(r.tags)}]" if r.tags else ""
        echo(f"{r.id:>5}  {r.slug:<34} {r.template:<8} {c.summary():<24}  {r.title}{tags}")


@click.command()
@click.argument("story")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def show(ctx: Context, story: str, as_json: bool) -> None:
    """Show one story (by id or slug) with every field and what its checks say."""
    show_story(ctx, ctx.story_id(story), as_json=as_json)


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Update stories whose slug is already in the bank.")
@click.option("--skip-existing", is_flag=True, help="Leave stories already in the bank alone.")
@pass_ctx
@reported
def import_(ctx: Context, paths: tuple[Path, ...], replace: bool, skip_existing: bool) -> None:
    """Import story files (YAML or JSON) or folders of them, all or nothing."""
    from coach.core.storyfiles import read_story_files
    from coach.services.stories import import_loaded

    existing = "replace" if replace else "skip" if skip_existing else "error"
    loaded = read_story_files(list(paths), ctx.templates)
    report = import_loaded(ctx.open_store(), loaded, existing=existing)
    for label, slugs in (
        ("imported", report.created),
        ("replaced", report.replaced),
        ("skipped", report.skipped),
    ):
        if slugs:
            echo(f"{label} {len(slugs)}: {', '.join(slugs)}")


@click.command()
@click.argument("stories", nargs=-1)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def lint(ctx: Context, stories: tuple[str, ...], as_json: bool) -> None:
    """The story-quality checks of the form, for some stories or all active ones."""
    ids = [ctx.story_id(s) for s in stories] if stories else None
    lint_stories(ctx, ids, as_json=as_json)


@click.command()
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def templates(ctx: Context, as_json: bool) -> None:
    """The form templates, question sets and common questions in use, and where each
    comes from."""
    show_templates(ctx, as_json=as_json)


# -- what show, lint and templates print ----------------------------------------------


ASKED = "an interviewer may ask:"
"""Before the question a red flag invites, as the form says it."""


def _echo_json(data: Any) -> None:
    echo_json(data)


def show_story(ctx: Context, story_id: int, *, as_json: bool) -> None:
    from coach.services.stories import checked

    story = ctx.store.story(story_id)
    template = ctx.templates.get(story.template)
    done = checked(ctx.store, ctx.templates, story_id)
    if as_json:
        data = story_to_dict(story, ctx.templates)
        data |= {
            "id": story.id,
            "updated_at": story.updated_at,
            "filled": done.filled,
            "passing": done.passing,
            "total": done.total,
            "findings": [f.__dict__ for f in done.findings],
        }
        _echo_json(data)
        return
    echo(story.title, bold=True)
    meta = " · ".join(x for x in (story.company, story.role, story.dates) if x)
    if meta:
        echo(meta)
    echo(f"{story.slug} · {template.title} · {done.summary()}")
    if story.tags or story.competencies:
        echo(f"tags: {', '.join(story.tags)}  competencies: {', '.join(story.competencies)}")
    for spec in template.fields:
        text = story.fields.get(spec.key, "").strip()
        words = word_count(text)
        timing = f"{words} words, ~{speaking_seconds(text)} s of {spec.target_seconds} s"
        head = f"\n{spec.label}  ({timing})"
        echo(head, bold=True)
        echo(text or "(empty)")
        for finding in done.findings:
            if finding.key == spec.key:
                echo(f"  ! {finding.message}", fg="yellow")
                if finding.question:
                    echo(f"    {ASKED} {finding.question}", fg="yellow")


def lint_stories(ctx: Context, ids: list[int] | None, *, as_json: bool) -> None:
    from coach.services.stories import checked_stories

    store = ctx.store
    if ids is None:
        rows = store.list_stories()
    else:  # ids come from ctx.story_id: each is in the bank
        rows = [row for i in ids if (row := store.row(i)) is not None]
    checks = checked_stories(store, ctx.templates, rows, strict=True)
    report = [(row, checks[row.id]) for row in rows]
    if as_json:
        _echo_json(
            [
                {
                    "id": row.id,
                    "slug": row.slug,
                    "filled": done.filled,
                    "passing": done.passing,
                    "total": done.total,
                    "findings": [f.__dict__ for f in done.findings],
                }
                for row, done in report
            ]
        )
        return
    for row, done in report:
        echo(f"{row.slug}: {done.summary()}")
        for finding in done.findings:
            echo(f"  {finding.key}: {finding.message}")
            if finding.question:
                echo(f"    {ASKED} {finding.question}")


def show_templates(ctx: Context, *, as_json: bool) -> None:
    """The form templates and question sets in use; a broken user file exits 2 after."""
    from coach.services.matching import common_questions

    found = ctx.templates
    question_sets = ctx.workspace.question_sets
    common = common_questions(ctx.workspace)
    asked = common.questions
    problems = [*found.problems, *question_sets.problems, *common.problems]
    if as_json:
        _echo_json(
            {
                "forms": [
                    {
                        "name": t.name,
                        "title": t.title,
                        "origin": t.origin,
                        "path": t.source,
                        "fields": list(t.keys),
                    }
                    for t in found.templates.values()
                ],
                "question_banks": [
                    {
                        "name": b.name,
                        "template": b.template,
                        "title": b.title,
                        "origin": b.origin,
                        "path": b.source,
                        "questions": len(b.questions),
                        "categories": [c.key for c in b.categories],
                    }
                    for b in question_sets.by_name.values()
                ],
                "common_questions": {
                    "title": asked.title,
                    "origin": asked.origin,
                    "path": asked.source,
                    "questions": len(asked.questions),
                    "overrides_shipped": common.overridden is not None,
                },
                "problems": [str(p) for p in problems],
            }
        )
    else:
        echo("Form templates", bold=True)
        for t in found.templates.values():
            note = " (overrides the shipped one)" if t.name in found.overridden else ""
            echo(f"  {t.name:<10} {t.title:<30} {t.origin}: {t.source}{note}")
        echo("Question sets", bold=True)
        for b in question_sets.by_name.values():
            note = " (overrides the shipped one)" if b.name in question_sets.overridden else ""
            title = f"{b.title} ({len(b.questions)})"
            echo(f"  {b.name:<10} {title:<30} {b.origin}: {b.source}{note}")
        echo("Common questions", bold=True)
        note = " (overrides the shipped one)" if common.overridden is not None else ""
        title = f"{asked.title} ({len(asked.questions)})"
        echo(f"  {'common':<10} {title:<30} {asked.origin}: {asked.source}{note}")
    for problem in problems:
        echo(f"coach: not used: {problem}", err=True)
    if problems:
        raise SystemExit(2)
