"""coach match and coach coverage: which story answers an interview question, and which
common questions have no story yet."""

from __future__ import annotations

import textwrap

import click

from coach.cli.context import Context, echo, echo_json, pass_ctx, reported
from coach.services.matching import CommonQuestions, CoverageReport, Matcher, MatchResult

WIDTH = 80


def _questions(ctx: Context) -> CommonQuestions:
    """The common questions in use; a broken user file is an error on the command line."""
    from coach.services.matching import common_questions

    loaded = common_questions(ctx.workspace)
    if loaded.problems:
        raise loaded.problems[0]
    return loaded.questions


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _print_match(result: MatchResult) -> None:
    echo(_cut(result.question, WIDTH))
    if not result.matches:
        echo("No story answers this yet: write one (coach new --template star or project).")
        return
    if not result.fits:
        echo("No story fits this question well; the closest:")
    for rank, found in enumerate(result.matches, 1):
        head = f"{rank}. {found.score:.2f}  {found.slug}"
        echo(_cut(f"  {head}  {found.title}", WIDTH), bold=rank == 1 and result.fits)
        why = "why: " + "; ".join(found.why) if found.why else "why: little in common"
        for line in textwrap.wrap(why, WIDTH - 7):
            echo(f"       {line}")


@click.command()
@click.argument("question")
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@reported
def match(ctx: Context, question: str, limit: int, as_json: bool) -> None:
    """Which stories answer QUESTION (typed, or a common question's id), and why."""
    if not question.strip():
        raise click.BadParameter("give the question in words, or a common question's id")
    result = Matcher(ctx.store).match_text(question, _questions(ctx), limit=limit)
    if as_json:
        echo_json(result.to_json())
    else:
        _print_match(result)


def _row(left: str, right: str) -> str:
    room = WIDTH - 2 - len(left) - 2
    return f"  {left}  {_cut(right, max(room, 10))}"


def _print_coverage(report: CoverageReport) -> None:
    good, weak, none = (report.of(name) for name in ("good", "weak", "none"))
    echo(
        f"Common questions: {len(good)} with a good story, {len(weak)} with a weak match, "
        f"{len(none)} with none."
    )
    width = max((len(r.question.id) for r in report.rows), default=0)
    for title, rows in (("A good story", good), ("Only a weak match", weak)):
        if rows:
            echo()
            echo(f"{title} ({len(rows)}):", bold=True)
        for r in rows:
            best = r.best
            assert best is not None
            echo(_row(r.question.id.ljust(width), f"{best.score:.2f} {best.slug}"))
    if none:
        echo()
        echo(f"No story yet: write these next ({len(none)}):", bold=True)
        for r in none:
            echo(_row(r.question.id.ljust(width), r.question.text))
    if report.busiest:
        echo()
        echo("Stories that answer many questions (prepare others too):", bold=True)
        for story, count in report.busiest:
            echo(_cut(f"  {story.slug}: best for {count} questions", WIDTH))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@reported
def coverage(ctx: Context, as_json: bool) -> None:
    """Which common interview questions have a good story, a weak match, or none."""
    report = Matcher(ctx.store).coverage(_questions(ctx))
    if as_json:
        echo_json(report.to_json())
    else:
        _print_coverage(report)
