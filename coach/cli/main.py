"""The command line. With no command, coach opens the TUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from coach import __version__
from coach.cli.context import Context, fail, pass_ctx, reported
from coach.cli.drill import drill
from coach.cli.export import backup, export
from coach.cli.match import coverage, match
from coach.cli.mock import mock
from coach.cli.progress import progress_tui, stats
from coach.cli.rehearse import followups, rehearse
from coach.cli.stories import import_, lint, list_, show, templates
from coach.cli.voice import voice
from coach.services.workspace import Workspace


def _open_tui(ctx: Context, *, new_template: str | None = None) -> None:
    from coach.tui.app import make_app

    if new_template is not None:
        ctx.templates.get(new_template)
    ctx.workspace.open_store()  # said in one line now, not inside the app
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


for command in (
    list_,
    show,
    import_,
    export,
    lint,
    templates,
    backup,
    followups,
    rehearse,
    drill,
    stats,
    progress_tui,
    match,
    coverage,
    mock,
    voice,
):
    main.add_command(command)


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
