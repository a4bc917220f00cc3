"""`coach followups` and `coach rehearse`: the rehearsal from the command line."""

from __future__ import annotations

import textwrap

import click

from coach.cli.context import Context, echo, echo_json, pass_ctx, reported
from coach.core.errors import InputError
from coach.core.questions import PERSONAS
from coach.core.rehearsal import LENGTHS

WIDTH = 80
"""Text output fits a laptop terminal."""

persona_option = click.option(
    "--persona",
    type=click.Choice(PERSONAS),
    help="Who is asking: only the questions they would ask.",
)


@click.command()
@click.argument("story")
@persona_option
@click.option(
    "--focus",
    help="The check-in answer (technical, impact or leadership): the two follow-ups after "
    "the first come from it.",
)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--seed", type=int, help="Another draw of the mix (default: the next rehearsal's).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
@reported
def followups(
    ctx: Context,
    story: str,
    persona: str | None,
    focus: str | None,
    limit: int,
    seed: int | None,
    as_json: bool,
) -> None:
    """The follow-ups a rehearsal of STORY would ask next, and why each was chosen.

    With --json, each follow-up also says the gap type it serves (`for`: empty, no_figure,
    vague, red_flag or filled), the story `field` it is about, and for a red flag its `flag`.
    """
    from coach.services.rehearsals import next_seed, plan

    story_id = ctx.story_id(story)
    found = ctx.store.story(story_id)
    qset = ctx.question_sets.for_template(found.template)
    if focus is not None:
        qset.choice(focus)
    seed = next_seed(ctx.store, story_id) if seed is None else seed
    picks = plan(
        ctx.store, found, ctx.templates, qset, persona=persona, focus=focus, limit=limit, seed=seed
    )
    if as_json:
        data = {
            "story": {"id": found.id, "slug": found.slug, "title": found.title},
            "persona": persona,
            "focus": focus,
            "seed": seed,
            "followups": [p.as_json() for p in picks],
        }
        echo_json(data)
        return
    who = f"a {persona} interviewer" if persona else "any interviewer"
    echo(f"Follow-ups for {found.title} ({who})", bold=True)
    for n, p in enumerate(picks, 1):
        label = qset.category(p.question.category).label
        echo(textwrap.fill(p.text, WIDTH, initial_indent=f"{n:>2}. ", subsequent_indent="    "))
        details = f"{label} · {p.question.target_seconds} s · {p.reason}"
        echo(textwrap.fill(details, WIDTH, initial_indent="    ", subsequent_indent="      "))


@click.command()
@click.argument("story", required=False)
@persona_option
@click.option(
    "--followups",
    "count",
    default=5,
    show_default=True,
    type=click.IntRange(0, 30),
    help="How many follow-ups to ask after the check-in.",
)
@click.option(
    "--length",
    type=click.Choice(LENGTHS),
    default="standard",
    show_default=True,
    help="short: the whole pitch as one 30-second answer; deep: follow-ups until 10 minutes.",
)
@click.option("--bell", is_flag=True, help="Ring the bell when an answer reaches its time.")
@pass_ctx
@reported
def rehearse(
    ctx: Context, story: str | None, persona: str | None, count: int, length: str, bell: bool
) -> None:
    """Rehearse STORY out loud (default: the story most in need of practice)."""
    from coach.services.rehearsals import most_in_need
    from coach.tui.app import RehearseRequest, make_app

    store = ctx.store
    if story is not None:
        story_id = ctx.story_id(story)
    else:
        found = most_in_need(store, ctx.question_sets)
        if found is None:
            raise InputError("no stories to rehearse yet; open `coach` to write or load one")
        story_id = found
    ctx.question_sets.for_template(store.story(story_id).template)
    request = RehearseRequest(story_id, persona=persona, followups=count, bell=bell, length=length)
    make_app(ctx.workspace, rehearse=request).run()
