"""What `coach show`, `coach lint` and `coach templates` print, as text or JSON."""

from __future__ import annotations

import json
from typing import Any

import click

from coach.core.checks import lint_story
from coach.core.stories import story_to_dict
from coach.core.text import speaking_seconds, word_count


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def show_story(ctx: Any, story_id: int, *, as_json: bool) -> None:
    story = ctx.store.story(story_id)
    template = ctx.templates.get(story.template)
    done = lint_story(template, story.fields)
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
    click.secho(story.title, bold=True)
    meta = " · ".join(x for x in (story.company, story.role, story.dates) if x)
    if meta:
        click.echo(meta)
    click.echo(f"{story.slug} · {template.title} · {done.summary()}")
    if story.tags or story.competencies:
        click.echo(f"tags: {', '.join(story.tags)}  competencies: {', '.join(story.competencies)}")
    problems = {f.key: f for f in done.findings}
    for spec in template.fields:
        text = story.fields.get(spec.key, "").strip()
        words = word_count(text)
        timing = f"{words} words, ~{speaking_seconds(words)} s of {spec.target_seconds} s"
        head = f"\n{spec.label}  ({timing})"
        click.secho(head, bold=True)
        click.echo(text or "(empty)")
        if spec.key in problems:
            click.secho(f"  ! {problems[spec.key].message}", fg="yellow")


def lint_stories(ctx: Any, ids: list[int] | None, *, as_json: bool) -> None:
    store = ctx.store
    rows = [store.row(i) for i in ids] if ids is not None else store.list_stories()
    fields = store.fields_for(r.id for r in rows)
    report = []
    for row in rows:
        template = ctx.templates.get(row.template)
        done = lint_story(template, fields[row.id])
        report.append((row, done))
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
        click.echo(f"{row.slug}: {done.summary()}")
        for finding in done.findings:
            click.echo(f"  {finding.key}: {finding.message}")


def show_templates(ctx: Any, *, as_json: bool) -> None:
    """The form templates and question sets in use; a broken user file exits 2 after."""
    found = ctx.templates
    question_sets = ctx.workspace.question_sets
    problems = [*found.problems, *question_sets.problems]
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
                "problems": [str(p) for p in problems],
            }
        )
    else:
        click.secho("Form templates", bold=True)
        for t in found.templates.values():
            note = " (overrides the shipped one)" if t.name in found.overridden else ""
            click.echo(f"  {t.name:<10} {t.title:<28} {t.origin}: {t.source}{note}")
        click.secho("Question sets", bold=True)
        for b in question_sets.by_name.values():
            note = " (overrides the shipped one)" if b.name in question_sets.overridden else ""
            title = f"{b.title} ({len(b.questions)})"
            click.echo(f"  {b.name:<10} {title:<28} {b.origin}: {b.source}{note}")
    for problem in problems:
        click.echo(f"coach: not used: {problem}", err=True)
    if problems:
        raise SystemExit(2)
