"""`coach mock`: a whole mock interview over the bank, in the app."""

from __future__ import annotations

import click

from coach.cli.context import Context, pass_ctx, reported
from coach.services.mock import KINDS, MINUTES


@click.command()
@click.option(
    "--minutes",
    type=click.Choice([str(m) for m in MINUTES]),
    default=str(MINUTES[0]),
    show_default=True,
    help="How long the interview lasts.",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="mixed",
    show_default=True,
    help="Which common questions it asks (mixed: a project one, then a behavioral one).",
)
@click.option(
    "--seed", type=click.IntRange(0), help="The draw of the questions (default: a new one)."
)
@pass_ctx
@reported
def mock(ctx: Context, minutes: str, kind: str, seed: int | None) -> None:
    """A mock interview: a common question, the story you pick to answer it, its
    follow-ups, then the next question, until the time is up; a report at the end. A mock
    left unfinished (the app closed during it) is offered first, to resume or discard."""
    from coach.services.matching import common_questions
    from coach.tui.app import MockRequest, make_app

    loaded = common_questions(ctx.workspace)
    if loaded.problems:
        raise loaded.problems[0]
    ctx.workspace.existing_store()  # a missing or foreign database said in one line now
    make_app(ctx.workspace, mock=MockRequest(int(minutes), kind, seed)).run()
