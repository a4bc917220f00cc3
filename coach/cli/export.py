"""`coach export` and `coach backup`: sheets and story files out, a copy of the database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coach.cli.context import Context, echo, pass_ctx, reported
from coach.core.errors import InputError
from coach.core.text import plural
from coach.services.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    by_suffix,
    either,
    sheet_formats,
    story_file_formats,
)

SHEET_KEYS = [f.key for f in sheet_formats()]
STORY_FILE_KEYS = [f.key for f in story_file_formats()]


@click.command()
@click.argument("stories", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default=None,
    help=f"Sheets ({', '.join(SHEET_KEYS)}) "
    f"or story files that re-import ({', '.join(STORY_FILE_KEYS)}); "
    f"by default the suffix of --out (bank.html), else {DEFAULT_FORMAT}.",
)
@click.option(
    "--out",
    default=".",
    show_default=True,
    help="Folder for one file a story; a file name ending in the format's suffix "
    "(bank.html) for everything in one file; - for stdout.",
)
@click.option(
    "--overview", is_flag=True, help=f"Add the bank overview sheet ({either(SHEET_KEYS)})."
)
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@pass_ctx
@reported
def export(
    ctx: Context, stories: tuple[str, ...], fmt: str | None, out: str, overview: bool, force: bool
) -> None:
    """Export story sheets or story files: the named stories, or every active one.

    Into a folder, one file a story named from its slug; with --out NAME.html (the
    format's suffix) all of them in one file, to print; with --out -, to stdout.
    """
    from coach.services.export import Exporter, is_document

    fmt = fmt or _format_of(out)
    store = ctx.store
    if stories:
        ids = list(dict.fromkeys(ctx.story_id(s) for s in stories))
    else:
        ids = [r.id for r in store.list_stories()]
    exporter = Exporter(ctx.workspace, store, fmt, ids, overview=overview)
    if out == "-":
        if exporter.format.binary and sys.stdout.isatty():
            raise InputError(
                f"{exporter.format.name} is binary; give --out NAME{exporter.format.suffixes[0]}"
                " or pipe it into a file"
            )
        exporter.write_stream(sys.stdout)
        return
    if not out.strip():
        raise InputError("--out is empty; give a folder, a file name, or - for stdout")
    target = Path(out).expanduser()
    if is_document(target, fmt):
        exporter.write_document(target, force=force)
        echo(str(target))
        return
    count = 0
    for path in exporter.write_files(target, force=force):
        echo(str(path))
        count += 1
    echo(f"exported {plural(count, 'file')}", err=True)


def _format_of(out: str) -> str:
    """The format --out names by its suffix (bank.html: html), else the default one."""
    target = Path(out).expanduser()
    if out == "-" or target.is_dir():
        return DEFAULT_FORMAT
    found = by_suffix(target.suffix)
    return found.key if found is not None else DEFAULT_FORMAT


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True)
@pass_ctx
@reported
def backup(ctx: Context, path: Path, force: bool) -> None:
    """Write a consistent copy of the database to PATH, even while coach is open."""
    ctx.workspace.backup(path, force=force)
    echo(f"backed up to {path}")
