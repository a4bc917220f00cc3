"""An answer heard and measured: pace, fillers, pauses, the story's figures said or missed,
and the transcript, as the command line prints it and `--json` writes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.core.speech import SpeechMeasures, measure
from coach.core.spoken_figures import FigureHeard, figures_heard
from coach.core.stories import Story
from coach.core.templates import FormTemplate
from coach.services.voice.engine import ENGINE, Engine
from coach.services.voice.sources import ChunkSource, collect


@dataclass(frozen=True)
class Analysis:
    audio: str
    """The recording's name (a file name, or "microphone")."""
    measures: SpeechMeasures
    figures: tuple[FigureHeard, ...]
    """The story's figures (empty without a story)."""
    transcript: str
    model: str
    engine: str = ENGINE

    def to_json(self) -> dict[str, Any]:
        m = self.measures
        return {
            "audio": self.audio,
            "duration_s": m.duration_s,
            "speaking_s": m.speaking_s,
            "words": m.words,
            "wpm": m.wpm,
            "speaking_wpm": m.speaking_wpm,
            "fillers": {
                "count": m.fillers.count,
                "per_minute": m.fillers.per_minute,
                "by_word": dict(m.fillers.by_word),
            },
            "pauses": [{"at_s": p.at_s, "seconds": p.seconds} for p in m.pauses],
            "figures": [
                {"text": f.text, "field": f.field, "said": f.said, "at_s": f.at_s}
                for f in self.figures
            ],
            "transcript": self.transcript,
            "engine": {"name": self.engine, "model": self.model},
        }


def analyze(
    source: ChunkSource,
    engine: Engine,
    story: Story | None = None,
    field: str | None = None,
    template: FormTemplate | None = None,
) -> Analysis:
    """Hear all of `source` and measure it; with a story, which of its figures were said:
    those of its spoken fields (of `template`), or of `field` alone."""
    heard = engine.hear(collect(source))
    figures: tuple[FigureHeard, ...] = ()
    if story is not None:
        figures = tuple(figures_heard(story, heard.words, field, template=template))
    return Analysis(
        audio=source.name,
        measures=measure(heard.words, heard.duration_s, heard.spans),
        figures=figures,
        transcript=heard.transcript,
        model=engine.name,
    )
