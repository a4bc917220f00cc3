"""The text parts of the progress screen, built from a `Progress` report as Rich renderables."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coach.core.schedule import ago
from coach.core.text import plural, visible
from coach.services.progress import Progress, StoryProgress

if TYPE_CHECKING:
    from coach.services.matching import CoverageReport

WEAKEST = 5
"""Categories listed."""
WRITE_NEXT = 3
"""Common questions with no story, listed on the screen (`coach coverage` lists all)."""
BUSIEST = 3
"""Stories named as answering many questions (the most first)."""
READINESS_STYLE = {"draft": "yellow", "rehearse": "cyan", "ready": "green"}


def rating_style(mean: float) -> str:
    return "red" if mean < 2 else "yellow" if mean < 3 else "green"


def head(report: Progress) -> str:
    """The summary lines: what was practised, streaks, the weeks."""
    t, s = report.totals, report.streaks
    if not t.stories:
        return (
            "[b]No stories yet.[/b] Press esc for the story bank, then n to write one "
            "or l to load the samples."
        )
    if not t.answers:
        return (
            "[b]No rehearsals yet — press r on a story to rehearse it.[/b]\n"
            "Your streaks, trends, weakest follow-ups and what comes back show up here "
            "after the first one."
        )
    mean = f" · mean rating [b]{t.mean_rating:.1f}[/b] of 4" if t.mean_rating is not None else ""
    streak = f"[b]{plural(s.current, 'day')}[/b] in a row" if s.current else "no current streak"
    return (
        f"[b]{plural(t.rehearsals, 'rehearsal')}[/b] of {t.rehearsed:,} of "
        f"{plural(t.stories, 'story', 'stories')} · {plural(t.answers, 'answer')}{mean}\n"
        f"Streak: {streak} (longest {s.longest:,}) · practised {s.last_7} of the last 7 days, "
        f"{s.last_30} of the last 30\n"
        f"Rehearsals a week, the last {len(report.weeks)} weeks: {report.sparkline}"
    )


def _table(expand: bool = True) -> Table:
    return Table(box=None, show_header=False, padding=(0, 1), expand=expand, pad_edge=False)


def weakest(report: Progress) -> RenderableType:
    table = _table(expand=False)
    table.add_column(width=3, justify="right")
    table.add_column(no_wrap=True, overflow="ellipsis")
    table.add_column(no_wrap=True)
    for c in report.categories[:WEAKEST]:
        mean = (
            Text(f"{c.mean_rating:.1f}", style=rating_style(c.mean_rating))
            if c.mean_rating is not None
            else Text("-", style="dim")
        )
        label = Text(c.label)
        detail = f"{c.rated:,} rated" + (f" · {c.over:,} over time" if c.over else "")
        table.add_row(mean, label, Text(detail, style="dim"))
    title = Text.from_markup("[b]Weakest follow-ups[/b] [dim](mean rating of 4)[/dim]")
    if not report.categories:
        return Group(title, Text("No follow-ups answered yet.", style="dim"))
    return Group(title, table)


def due(report: Progress) -> RenderableType:
    """What comes back soonest, under the name of its story (in full); each question
    wraps in its own column, beside when it is due."""
    count = f" [dim]({report.due_now:,} due now)[/dim]" if report.due_now else ""
    title = Text.from_markup(f"[b]Coming back[/b]{count}")
    if not report.due:
        return Group(title, Text("Nothing comes back yet: rate a follow-up first.", style="dim"))
    when_width = max(len(d.when) for d in report.due)
    parts: list[RenderableType] = [title]
    for _, group in groupby(report.due, key=lambda d: d.story_id):
        reviews = list(group)
        parts.append(Text(visible(reviews[0].title), no_wrap=True, overflow="ellipsis"))
        table = _table()
        table.add_column(width=when_width, no_wrap=True)
        table.add_column(ratio=1)
        for d in reviews:
            table.add_row(
                Text(d.when, style="red" if d.overdue else "dim"), Text(visible(d.question))
            )
        parts.append(Padding(table, (0, 0, 0, 2)))
    return Group(*parts)


def coverage(report: Progress) -> Text:
    cov = report.coverage
    covered = ", ".join(f"{escape(n)} ×{len(cov.by_signal[n])}" for n in cov.covered)
    lines = [
        f"[b]Coverage[/b]: {len(cov.covered)} of {len(cov.signals)} rubric signals"
        + (f" · [green]{covered}[/green]" if covered else "")
    ]
    if cov.uncovered:
        names = ", ".join(escape(n) for n in cov.uncovered)
        lines.append(f"[yellow]No story yet:[/yellow] {names}")
    if cov.other:
        names = ", ".join(f"{escape(visible(n))} ×{len(s)}" for n, s in cov.other.items())
        lines.append(f"[dim]Also named: {names}[/dim]")
    return Text.from_markup("\n".join(lines))  # Rich's parser, matching Rich's escape


def common(report: CoverageReport, problems: list[str]) -> Text:
    """The common questions panel: how many have a good story, a weak match or none; the
    first few with none (what to write next); the stories that answer many."""
    good, weak, none = (report.of(name) for name in ("good", "weak", "none"))
    text = Text.assemble(
        ("Common questions", "bold"),
        f": {len(good)} with a good story · {len(weak)} a weak match · {len(none)} none",
    )
    if none:
        text.append("\nNo story yet, write next:", style="yellow")
        for row in none[:WRITE_NEXT]:
            text.append(f"\n  · {row.question.text}")
        more = f"{len(none) - WRITE_NEXT} more: " if len(none) > WRITE_NEXT else ""
        text.append(f"\n  {more}coach coverage lists them all", style="dim")
    elif report.rows:
        text.append("\nEvery common question has a story.", style="green")
    if report.busiest:
        busiest = report.busiest[:BUSIEST]
        many = ", ".join(f"{visible(story.title)} ×{n}" for story, n in busiest)
        text.append("\nAnswers many (prepare others too): ", style="dim")
        text.append(many)
    for problem in problems:
        text.append(f"\nYour common questions are not used: {visible(problem)}", style="red")
    return text


def story_cells(x: StoryProgress, now: dt.datetime) -> list[str]:
    """A row of the stories table, as markup: the name with why it is (not) ready under
    it, how many times, when last, the last mean rating, and the readiness."""
    style = READINESS_STYLE.get(x.readiness.label, "default")
    return [
        f"{escape(visible(x.title))}\n  [dim]{escape(visible(x.readiness.reason))}[/dim]",
        str(x.rehearsals),
        ago(x.last, now) if x.last else "[dim]never[/dim]",
        f"{x.last_mean:.1f}" if x.last_mean is not None else "[dim]-[/dim]",
        f"[{style}]{x.readiness.label}[/{style}]",
    ]
