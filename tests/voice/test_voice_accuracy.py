"""Measures of real speech against what the fixtures are known to say: words a minute
within 10%, every pause of 2 s or more found with its start within 0.3 s, and never more
fillers than were said."""

from __future__ import annotations

from typing import Any

import pytest
from voice_truth import ANSWERS, truth

from coach.services.voice.analysis import Analysis, analyze
from coach.services.voice.sources import FileSource

_heard: dict[str, Analysis] = {}


def analysed(name: str, engine: Any) -> Analysis:
    if name not in _heard:
        _heard[name] = analyze(FileSource(truth(name).wav), engine)
    return _heard[name]


@pytest.mark.parametrize("name", ANSWERS)
def test_words_a_minute_within_a_tenth(name: str, engine: Any) -> None:
    known = truth(name)
    got = analysed(name, engine).measures
    assert got.duration_s == pytest.approx(known.duration_s, abs=0.05)
    assert got.wpm == pytest.approx(known.wpm, rel=0.10), got
    assert got.speaking_wpm >= got.wpm


@pytest.mark.parametrize("name", ANSWERS)
def test_every_long_pause_found_where_it_starts(name: str, engine: Any) -> None:
    known = truth(name)
    found = analysed(name, engine).measures.pauses
    assert len(found) == len(known.pauses), found
    for pause, said in zip(found, known.pauses, strict=True):
        assert pause.at_s == pytest.approx(said["at_s"], abs=0.3)
        assert pause.seconds == pytest.approx(said["seconds"], abs=0.3)


@pytest.mark.parametrize("name", ANSWERS)
def test_never_more_fillers_than_were_said(name: str, engine: Any) -> None:
    known = truth(name)
    heard = analysed(name, engine).measures.fillers
    for word, count in heard.by_word.items():
        assert count <= known.fillers.get(word, 0), (word, heard.by_word)
    assert heard.count <= sum(known.fillers.values())


def test_fillers_said_are_heard_at_least_in_part(engine: Any) -> None:
    """The prompt with fillers brings most of them back: of the two "um" said, both."""
    heard = analysed("fillers", engine).measures.fillers
    assert heard.by_word.get("um", 0) >= 1
    assert heard.count >= 2


def test_the_transcript_holds_the_figures_as_digits(engine: Any) -> None:
    transcript = analysed("plain", engine).transcript
    assert "23%" in transcript and "11%" in transcript
