"""The command line. With no command, coach opens the TUI."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from coach import __version__
from coach.cli.context import Context, fail, pass_ctx, reported
from coach.cli.progress import progress_tui, stats
from coach.cli.rehearse import followups, rehearse
from coach.core.errors import InputError
from coach.services.workspace import Workspace


def _open_tui(ctx: Context, *, new_template: str | None = None) -> None:
    from coach.tui.app import make_app

    if new_template is not None:
        ctx.templates.get(new_template)
    ctx.open_store()
    make_app(ctx.workspace, new_template=new_template).run()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    envvar="COACH_DB",
    help="Database file (default: coach.db in the user data folder; env COACH_DB).",
)
@click.version_option(__version__, prog_name="coach")
@click.pass_context
@reported
def main(click_ctx: click.Context, db: Path | None) -> None:
    """coach: rehearse the project stories of ML and data-science interviews.

    With no command, opens the story bank in the terminal.
    """
    ctx = Context(Workspace(db))
    click_ctx.obj = ctx
    if click_ctx.invoked_subcommand is None:
        _open_tui(ctx)


@main.command()
@click.option("--template", "template", default="project", show_default=True)
@pass_ctx
@reported
def new(ctx: Context, template: str) -> None:
    """Open the TUI on a new story's form."""
    _open_tui(ctx, new_template=template)


def _row_json(row: Any, completeness: Any) -> dict[str, Any]:
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
        "filled": completeness.filled,
        "passing": completeness.passing,
        "total": completeness.total,
    }


def _completeness(ctx: Context, row: Any, fields: dict[str, str]) -> Any:
    from coach.core.checks import Completeness, lint_story

    template = ctx.templates.templates.get(row.template)
    if template is None:
        return Completeness(len(fields), 0, len(fields), ())
    return lint_story(template, fields)


@main.command(name="list")
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
    store = ctx.store
    rows = store.list_stories(
        search=search, tag=tag, template=template, competency=competency, archived=archived
    )
    fields = store.fields_for(r.id for r in rows)
    done = [(r, _completeness(ctx, r, fields[r.id])) for r in rows]
    if as_json:
        click.echo(json.dumps([_row_json(r, c) for r, c in done], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No stories." if not search else f"No story matches {search!r}.")
        return
    for r, c in done:
        tags = f"  [{', '.join(r.tags)}]" if r.tags else ""
        click.echo(f"{r.id:>5}  {r.slug:<34} {r.template:<8} {c.summary():<24}  {r.title}{tags}")


@main.command()
@click.argument("story")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def show(ctx: Context, story: str, as_json: bool) -> None:
    """Show one story (by id or slug) with every field and what its checks say."""
    from coach.cli.show import show_story

    show_story(ctx, ctx.story_id(story), as_json=as_json)


@main.command(name="import")
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
            click.echo(f"{label} {len(slugs)}: {', '.join(slugs)}")


@main.command()
@click.argument("stories", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "yaml", "json"]),
    default="md",
    show_default=True,
    help="Sheets (md, html) or story files that re-import (yaml, json).",
)
@click.option(
    "--out",
    default=".",
    show_default=True,
    help="Folder for one file a story; a file name ending in the format's suffix "
    "(bank.html) for everything in one file; - for stdout.",
)
@click.option("--overview", is_flag=True, help="Add the bank overview sheet (md or html).")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@pass_ctx
@reported
def export(
    ctx: Context, stories: tuple[str, ...], fmt: str, out: str, overview: bool, force: bool
) -> None:
    """Export story sheets or story files: the named stories, or every active one.

    Into a folder, one file a story named from its slug; with --out NAME.html (the
    format's suffix) all of them in one file, to print; with --out -, to stdout.
    """
    from coach.services.export import Exporter, is_document

    store = ctx.store
    if stories:
        ids = list(dict.fromkeys(ctx.story_id(s) for s in stories))
    else:
        ids = [r.id for r in store.list_stories()]
    exporter = Exporter(ctx.workspace, store, fmt, ids, overview=overview)
    if out == "-":
        exporter.write_stream(sys.stdout)
        return
    if not out.strip():
        raise InputError("--out is empty; give a folder, a file name, or - for stdout")
    target = Path(out).expanduser()
    if is_document(target, fmt):
        exporter.write_document(target, force=force)
        click.echo(str(target))
        return
    count = 0
    for path in exporter.write_files(target, force=force):
        click.echo(str(path))
        count += 1
    click.echo(f"exported {count} file{'' if count == 1 else 's'}", err=True)


@main.command()
@click.argument("stories", nargs=-1)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def lint(ctx: Context, stories: tuple[str, ...], as_json: bool) -> None:
    """The story-quality checks of the form, for some stories or all active ones."""
    from coach.cli.show import lint_stories

    ids = [ctx.story_id(s) for s in stories] if stories else None
    lint_stories(ctx, ids, as_json=as_json)


@main.command()
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@reported
def templates(ctx: Context, as_json: bool) -> None:
    """The form templates in use, and where each comes from."""
    from coach.cli.show import show_templates

    show_templates(ctx, as_json=as_json)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True)
@pass_ctx
@reported
def backup(ctx: Context, path: Path, force: bool) -> None:
    """Write a consistent copy of the database to PATH, even while coach is open."""
    import sqlite3

    if path.is_dir():
        raise InputError("is a folder; give the backup's file name", file=str(path))
    if path.exists() and not force:
        raise InputError("exists already; add --force to overwrite it", file=str(path))
    if not path.parent.is_dir():
        raise InputError("the folder does not exist; create it or choose another", file=str(path))
    store = ctx.store
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        store.backup(tmp)
        tmp.replace(path)
    except (OSError, sqlite3.OperationalError) as exc:
        tmp.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise InputError(f"cannot write the backup here ({reason})", file=str(path)) from None
    click.echo(f"backed up to {path}")


main.add_command(followups)
main.add_command(rehearse)
main.add_command(stats)
main.add_command(progress_tui)


def run() -> None:
    """The `coach` command: click's own usage errors said in one line too."""
    try:
        status = main.main(standalone_mode=False)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "coach"
        fail(f"{exc.format_message().rstrip('.')}; see {where} --help")
    except click.ClickException as exc:
        fail(exc.format_message())
    except click.Abort:
        fail("aborted", 1)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
