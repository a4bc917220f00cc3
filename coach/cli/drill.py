"""`coach drill`: re-ask the follow-ups last rated weak or very weak, now."""

from __future__ import annotations

import click

from coach.cli.context import Context, echo, pass_ctx, reported
from coach.core.errors import InputError


@click.command()
@click.argument("story", required=False)
@click.option("--all-stories", is_flag=True, help="Drill every active story's weak follow-ups.")
@pass_ctx
@reported
def drill(ctx: Context, story: str | None, all_stories: bool) -> None:
    """Re-ask the follow-ups of STORY last rated weak or very weak, whatever the schedule
    says (default: the story with the most of them)."""
    from coach.services.drill import Scope, busiest, nothing_to_drill, select
    from coach.tui.app import DrillRequest, make_app

    if story is not None and all_stories:
        raise InputError("give a STORY or --all-stories, not both")
    store, sets = ctx.store, ctx.question_sets
    story_id: int | None = None
    picked = False
    if story is not None:
        story_id = ctx.story_id(story)
        sets.for_template(store.story(story_id).template)
    elif not all_stories:
        found = busiest(store, sets)
        if found is None:
            echo(nothing_to_drill())
            return
        story_id, picked = found[0], True
    if not select(store, sets, Scope(story_id)):
        echo(nothing_to_drill(None if story_id is None else store.story(story_id).title))
        return
    make_app(ctx.workspace, drill=DrillRequest(story_id, picked=picked)).run()
