"""`coach stats` and `coach progress`: progress over the whole bank, as text, JSON or the TUI."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING, Any

import click

from coach.cli.context import Context, echo, echo_json, pass_ctx, reported
from coach.core.errors import InputError
from coach.core.text import plural

if TYPE_CHECKING:
    from coach.services.progress import PaceRow, Progress, TrendRow

WIDTH = 80
TEXT_STORIES = 20
"""Stories listed in the text output; --json lists them all."""
TEXT_CATEGORIES = 6
TEXT_HEARD = 8
"""Rehearsals heard listed in the text output (the most recent); --json lists them all."""


def _clip(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cut_at_word(text: str, width: int) -> str:
    """`text` if it fits in `width` characters, else cut after a whole word, with '…'."""
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = text.rfind(" ", 0, width)  # the end of the last word that fits before '…'
    if space > width // 2:
        head = text[:space]
    return head.rstrip(" ,;:.-–—") + "…"


def story_names(stories: Iterable[tuple[int, str, str]], width: int) -> dict[int, str]:
    """How to name each story (id, slug, title) in `width` characters: its title, cut at a
    word, and its slug after it only where two stories would otherwise read the same."""
    named = {story_id: (slug, title) for story_id, slug, title in stories}
    names = {story_id: cut_at_word(title, width) for story_id, (_, title) in named.items()}
    alike = Counter(names.values())
    for story_id, (slug, title) in named.items():
        if alike[names[story_id]] > 1:
            names[story_id] = f"{cut_at_word(title, max(8, width - len(slug) - 3))} ({slug})"
    return names


def _now(text: str | None) -> dt.datetime:
    if text is None:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--now {text!r} is not a date and time like 2026-02-01T09:00") from None
    return moment if moment.tzinfo else moment.astimezone()


def render_text(report: Progress, more: int) -> list[str]:
    """The report of `coach stats` as lines of at most WIDTH characters."""
    from coach.core.schedule import ago

    t, s, now = report.totals, report.streaks, report.now
    lines = [f"Progress as of {now.astimezone():%a %d %b %Y, %H:%M}", ""]
    if not t.stories:
        lines.append("No stories yet: open `coach` to write one or load the samples.")
        return lines
    if not t.answers:
        lines.append("No rehearsals yet: `coach rehearse` or r on a story in the bank starts one.")
    else:
        mean = f" · mean rating {t.mean_rating:.1f} of 4" if t.mean_rating is not None else ""
        lines += _wrapped(
            "",
            f"{plural(t.rehearsals, 'rehearsal')} of {t.rehearsed:,} of "
            f"{plural(t.stories, 'story', 'stories')} · {plural(t.answers, 'answer')}{mean}",
        )
        lines += _wrapped(
            "",
            f"Streak: {plural(s.current, 'day')} (longest {s.longest:,}) · "
            f"{s.last_7} of the last 7 days · {s.last_30} of the last 30",
        )
        lines.append(f"Rehearsals a week, last {len(report.weeks)} weeks: {report.sparkline}")
        lines += _heard_lines(report.pace)
        lines += ["", "Weakest follow-up categories (mean rating of 4, over time)"]
        for c in report.categories[:TEXT_CATEGORIES]:
            mean_text = f"{c.mean_rating:.1f}" if c.mean_rating is not None else "  - "
            over = f" · {c.over:,} over time" if c.over else ""
            line = f"  {mean_text}  {c.label} ({c.template}): {plural(c.rated, 'rating')}{over}"
            lines.append(_clip(line))
        head = f"Coming back ({report.due_now:,} due now)" if report.due else "Coming back"
        lines += ["", head, *_due_lines(report)]
    cov = report.coverage
    lines += ["", f"Coverage: {len(cov.covered)} of {len(cov.signals)} rubric signals"]
    for label, names in (
        ("covered", [f"{n} ×{len(cov.by_signal[n])}" for n in cov.covered]),
        ("no story yet", list(cov.uncovered)),
        ("also named", [f"{n} ×{len(slugs)}" for n, slugs in cov.other.items()]),
    ):
        if names:
            lines += _wrapped(f"  {label}: ", ", ".join(names))
    lines += ["", "Stories, the most recently rehearsed first"]
    shown = report.stories or []
    titles = story_names(((x.id, x.slug, x.title) for x in shown), WIDTH - 11)
    for x in shown:
        when = f"last {ago(x.last, now)}" if x.last else "never rehearsed"
        times = f"{plural(x.rehearsals, 'rehearsal')}, {when}" if x.rehearsals else when
        lines.append(f"  {x.readiness.label:<9}{titles[x.id]}")
        lines.append(_clip(f"  {'':<9}{times} · {x.readiness.reason}"))
    if more:
        lines.append(f"… and {more:,} more (coach stats --json lists every story)")
    return lines


def _heard_lines(pace: list[PaceRow]) -> list[str]:
    """The pace and fillers a minute of the last rehearsals heard; nothing when none was."""
    from coach.core.speech import PACE_BAND
    from coach.services.rehearsals import Pace

    if not pace:
        return []
    shown = pace[-TEXT_HEARD:]
    low, high = PACE_BAND
    last = shown[-1]
    verdict = Pace(last.answers, last.wpm, last.fillers_per_minute, last.fillers).verdict
    wpm = " ".join(f"{p.wpm:.0f}" for p in shown)
    fillers = " ".join(f"{p.fillers_per_minute:g}" for p in shown)
    return [
        "",
        f"Heard, the last {plural(len(shown), 'rehearsal')} with the microphone on",
        _clip(f"  words a minute     {wpm}  (aim for {low}-{high}; last: {verdict})"),
        _clip(f"  fillers a minute   {fillers}"),
    ]


def _due_lines(report: Progress) -> list[str]:
    """What comes back soonest, under the name of its story: each question wrapped
    beside when it is due."""
    if not report.due:
        return ["  nothing scheduled yet"]
    names = story_names(((d.story_id, d.slug, d.title) for d in report.due), WIDTH - 2)
    width = max(len(d.when) for d in report.due)
    lines: list[str] = []
    for story_id, reviews in groupby(report.due, key=lambda d: d.story_id):
        lines.append(f"  {names[story_id]}")
        for d in reviews:
            lines += _wrapped(f"    {d.when:<{width}}  ", d.question)
    return lines


def _wrapped(prefix: str, text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(
        text, WIDTH, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    ) or [prefix]


def _when(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def trend_json(row: TrendRow) -> dict[str, Any]:
    ratio = row.seconds / row.target_seconds if row.target_seconds else None
    return {
        "rehearsal": row.rehearsal_id,
        "story": row.slug,
        "started_at": _when(row.started_at),
        "rated": row.rated,
        "mean_rating": _round(row.mean_rating),
        "seconds": round(row.seconds, 1),
        "target_seconds": round(row.target_seconds, 1),
        "time_ratio": _round(ratio),
    }


def pace_json(row: PaceRow) -> dict[str, Any]:
    return {
        "rehearsal": row.rehearsal_id,
        "story": row.slug,
        "started_at": _when(row.started_at),
        "answers": row.answers,
        "seconds": round(row.seconds, 1),
        "words": row.words,
        "wpm": row.wpm,
        "fillers": row.fillers,
        "fillers_per_minute": row.fillers_per_minute,
    }


def stats_json(p: Progress) -> dict[str, Any]:
    """The stable `coach stats --json` form (documented in the README)."""
    from coach.core.speech import PACE_BAND

    t, s = p.totals, p.streaks
    data: dict[str, Any] = {
        "now": p.now.isoformat(),
        "totals": {
            "stories": t.stories,
            "rehearsed": t.rehearsed,
            "rehearsals": t.rehearsals,
            "answers": t.answers,
            "rated": t.rated,
            "mean_rating": _round(t.mean_rating),
        },
        "streaks": {
            "current": s.current,
            "longest": s.longest,
            "days_last_7": s.last_7,
            "days_last_30": s.last_30,
            "days": s.days,
            "last_day": s.last_day.isoformat() if s.last_day else None,
        },
        "weeks": [{"week": start.isoformat(), "rehearsals": n} for start, n in p.weeks],
        "trend": [trend_json(row) for row in p.trend],
        "categories": [
            {
                "template": c.template,
                "category": c.key,
                "label": c.label,
                "signal": c.signal,
                "answers": c.answers,
                "rated": c.rated,
                "mean_rating": _round(c.mean_rating),
                "over_time": c.over,
            }
            for c in p.categories
        ],
        "due": {
            "now": p.due_now,
            "next": [
                {
                    "story": d.slug,
                    "question_id": d.question_id,
                    "question": d.question,
                    "due": d.due.isoformat(),
                    "overdue": d.overdue,
                    "when": d.when,
                }
                for d in p.due
            ],
        },
        "coverage": {
            "signals": {name: list(slugs) for name, slugs in p.coverage.by_signal.items()},
            "uncovered": list(p.coverage.uncovered),
            "other": {name: list(slugs) for name, slugs in p.coverage.other.items()},
        },
        "heard": {"band": list(PACE_BAND), "trend": [pace_json(row) for row in p.pace]},
    }
    if p.stories is not None:
        data["stories"] = [
            {
                "id": x.id,
                "slug": x.slug,
                "title": x.title,
                "template": x.template,
                "rehearsals": x.rehearsals,
                "first": _when(x.first),
                "last": _when(x.last),
                "last_mean_rating": _round(x.last_mean),
                "overdue": x.overdue,
                "readiness": x.readiness.label,
                "reason": x.readiness.reason,
            }
            for x in p.stories
        ]
    return data


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--now", "now_text", hidden=True, help="Figures as of this ISO date and time.")
@pass_ctx
@reported
def stats(ctx: Context, as_json: bool, now_text: str | None) -> None:
    """Progress: rehearsals, streaks, weakest categories, what is due, coverage."""
    from dataclasses import replace

    from coach.services.progress import progress, stories_page

    store = ctx.store
    now = _now(now_text)
    report = progress(store, ctx.templates, ctx.question_sets, now, with_stories=as_json)
    if as_json:
        echo_json(stats_json(report))
        return
    shown = stories_page(store, ctx.templates, now, 0, TEXT_STORIES)
    report = replace(report, stories=shown)
    for line in render_text(report, max(0, report.totals.stories - len(shown))):
        echo(line)


@click.command(name="progress")
@pass_ctx
@reported
def progress_tui(ctx: Context) -> None:
    """Open the TUI on the progress screen (esc goes on to the story bank)."""
    from coach.tui.app import make_app

    ctx.store  # noqa: B018 - a reading command: said now if there is no database
    make_app(ctx.workspace, start="progress").run()
