"""`coach voice check|setup|analyze`: hearing spoken answers on this machine (the `voice`
extra: faster-whisper and sounddevice, imported only by these commands)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from coach.cli.context import Context, echo, echo_json, pass_ctx, reported
from coach.core.errors import InputError
from coach.core.speech import PACE_BAND

if TYPE_CHECKING:
    from coach.core.stories import Story
    from coach.services.voice.analysis import Analysis

WIDTH = 80
LABEL = 12


@click.group()
def voice() -> None:
    """Hear a spoken answer on this machine: pace, fillers, pauses, the story's figures."""


@voice.command()
@pass_ctx
@reported
def check(ctx: Context) -> None:
    """Say what voice has here: the extra, PortAudio, input devices, the model and its size."""
    from coach.services.voice.check import check as found

    for finding in found(ctx.workspace.config_dir):
        echo(_line(finding.what, finding.said))


@voice.command()
@click.option(
    "--model",
    type=click.Choice(["tiny.en", "base.en", "small.en"]),
    default="tiny.en",
    show_default=True,
    help="Which model: bigger hears better and takes longer.",
)
@reported
def setup(model: str) -> None:
    """Download a speech model from Hugging Face into the user data folder."""
    from coach.services.voice.engine import whisper
    from coach.services.voice.models import APPROX_MB, ModelChoice, download, models_dir

    whisper()
    echo(f"downloading {model} into {models_dir()} ...")
    shown: list[float] = []

    def progress(megabytes: float) -> None:
        if megabytes > 0:
            shown.append(megabytes)
            line = f"\r{model}: {megabytes:.0f} of about {APPROX_MB[model]} MB"
            click.echo(line, nl=False, err=True)

    try:
        path = download(model, progress)
    finally:
        if shown:
            click.echo(err=True)  # end the progress line
    echo(f"{model} is ready ({ModelChoice(model, path, 'setup').size_mb()} MB): {path}")


@voice.command()
@click.argument("audio", type=click.Path(path_type=Path))
@click.option(
    "--story",
    "story_ident",
    metavar="STORY",
    help="The story (id or slug) whose figures to listen for.",
)
@click.option(
    "--field", "field_key", metavar="KEY", help="Listen only for the figures of this field."
)
@click.option(
    "--model", metavar="M", help="A model name (tiny.en, base.en, small.en) or a model folder."
)
@click.option("--json", "as_json", is_flag=True, help="Write the analysis as JSON.")
@pass_ctx
@reported
def analyze(
    ctx: Context,
    audio: Path,
    story_ident: str | None,
    field_key: str | None,
    model: str | None,
    as_json: bool,
) -> None:
    """Hear a recorded answer (a WAV file) and measure it: words a minute, fillers,
    pauses of 2 s or more, and with --story the story's figures said or missed."""
    from coach.services.voice.analysis import analyze as analysed
    from coach.services.voice.engine import whisper
    from coach.services.voice.models import choose_model, load
    from coach.services.voice.sources import FileSource

    if field_key is not None and story_ident is None:
        raise InputError("--field needs --story: the field of which story?")
    whisper()
    source = FileSource(audio)
    source.read()  # an unreadable file is said before the model is loaded
    story = _story(ctx, story_ident, field_key) if story_ident is not None else None
    template = ctx.templates.get(story.template) if story is not None else None
    engine = load(choose_model(model, ctx.workspace.config_dir))
    result = analysed(source, engine, story, field_key, template)
    if as_json:
        echo_json(result.to_json())
    else:
        for line in report(result, with_story=story is not None):
            echo(line)


@voice.command()
@click.option("--yes", is_flag=True, help="Delete without asking.")
@pass_ctx
@reported
def purge(ctx: Context, yes: bool) -> None:
    """Delete the answers recorded in rehearsal; what was heard in them stays."""
    from coach.core.text import plural
    from coach.services.voice.recording import kept_audio, purge_audio

    store = ctx.open_store() if ctx.db_path.exists() else None
    found = kept_audio(store)
    if not found:
        echo("no recorded answers are kept")
        return
    megabytes = round(sum(p.stat().st_size for p in found) / 1e6, 1)
    what = f"{plural(len(found), 'recorded answer')} ({megabytes} MB)"
    if not yes:
        try:
            asked = click.confirm(f"Delete {what}? What was heard in them stays", default=False)
        except click.Abort:
            asked = False
        if not asked:
            raise InputError(f"nothing deleted; add --yes to delete {what} without asking")
    done = purge_audio(store)
    deleted = plural(done.files, "recorded answer")
    echo(f"deleted {deleted} ({done.megabytes} MB); what was heard in them is kept")


def _story(ctx: Context, ident: str, field_key: str | None) -> Story:
    story = ctx.store.story(ctx.story_id(ident))
    if field_key is not None:
        keys = ctx.templates.get(story.template).keys
        if field_key not in keys:
            raise InputError(
                f"--field {field_key!r} is not a field of {story.slug}; "
                f"its fields: {', '.join(keys)}"
            )
    return story


def _line(label: str, text: str) -> str:
    """`text` after a label column, wrapped to WIDTH under itself; a word too long for a
    line (a folder's path) is broken after a slash, never inside a name."""
    room = WIDTH - LABEL
    pieces: list[tuple[str, bool]] = []  # (piece, whether a space comes before it)
    for word in text.split():
        first = True
        while len(word) > room and "/" in word[1:room]:
            cut = word.rindex("/", 1, room) + 1
            pieces.append((word[:cut], first))
            word, first = word[cut:], False
        pieces.append((word, first))
    lines = [""]
    for piece, spaced in pieces:
        joined = lines[-1] + (" " if spaced and lines[-1] else "") + piece
        if lines[-1] and len(joined) > room:
            lines.append(piece)
        else:
            lines[-1] = joined
    return "\n".join(
        (f"{label:<{LABEL}}" if n == 0 else " " * LABEL) + line for n, line in enumerate(lines)
    ).rstrip()


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def report(result: Analysis, *, with_story: bool) -> list[str]:
    """The analysis as lines of at most WIDTH characters."""
    m = result.measures
    low, high = PACE_BAND
    lines = [
        _line(result.audio, f"{m.duration_s:.1f} s, {m.words} words ({result.model})"),
        _line(
            "pace",
            f"{m.wpm:.0f} words a minute, {m.speaking_wpm:.0f} while speaking "
            f"(aim for {low}-{high})"
            if m.words
            else "no words heard: is the answer in this recording?",
        ),
    ]
    fillers = "none heard"
    if m.fillers.count:
        which = ", ".join(f"{word} {n}" for word, n in m.fillers.by_word.items())
        fillers = f"at least {m.fillers.count} ({m.fillers.per_minute} a minute): {which}"
    lines.append(_line("fillers", fillers))
    pauses = "; ".join(f"at {_clock(p.at_s)} for {p.seconds:.1f} s" for p in m.pauses)
    lines.append(_line("pauses", pauses or "none of 2 s or more"))
    if with_story:
        said = [f for f in result.figures if f.said]
        missed = [f.text for f in result.figures if not f.said]
        if not result.figures:
            figures = "the story has no figures here"
        else:
            figures = f"said {len(said)} of {len(result.figures)}"
            if said:
                figures += ": " + ", ".join(
                    f"{f.text} (at {_clock(f.at_s)})" if f.at_s is not None else f.text
                    for f in said
                )
            if missed:
                figures += "; missed: " + ", ".join(missed)
        lines.append(_line("figures", figures))
    lines.append(_line("heard", result.transcript or "no words"))
    return lines
