"""The speech measures, from hand-made lists of heard words."""

from __future__ import annotations

import pytest

from coach.core.heard import HeardWord
from coach.core.speech import Pause, count_fillers, find_pauses, measure, spans_from_words


def heard(text: str, start: float = 0.0, step: float = 0.4) -> list[HeardWord]:
    """The words of `text`, one every `step` seconds from `start`, each lasting 0.3 s."""
    return [
        HeardWord(word, round(start + i * step, 2), round(start + i * step + 0.3, 2))
        for i, word in enumerate(text.split())
    ]


def test_pace_over_the_whole_answer_and_while_speaking() -> None:
    words = heard("we cut churn from 23% to 11% in two quarters")  # 12 said: 23% is two
    got = measure(words, duration_s=12.0, spans=[(0.0, 4.0)])
    assert got.words == 12
    assert got.wpm == 60.0
    assert got.speaking_wpm == 180.0
    assert got.speaking_s == 4.0
    assert got.pauses == ()


def test_fillers_that_are_only_sounds_are_counted_and_are_not_words() -> None:
    words = heard("Um, so we, uh, built it, um, in Erm two weeks uh")
    got = measure(words, duration_s=30.0)
    assert got.fillers.by_word == {"um": 2, "uh": 2, "er": 1}
    assert got.fillers.count == 5
    assert got.fillers.per_minute == 10.0
    assert got.words == 7  # so we built it in two weeks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like simple baselines", {}),
        ("we had, like, no labels", {"like": 1}),
        ("Like, it was slow", {"like": 1}),
        ("it looked like a leak,", {}),
        ("you know the answer", {}),
        ("it was, you know, late", {"you know": 1}),
        ("so, you know the drill", {}),
        ("do you know, really", {}),
    ],
)
def test_like_and_you_know_count_only_when_set_off_by_commas(
    text: str, expected: dict[str, int]
) -> None:
    assert count_fillers(heard(text)) == expected


def test_pauses_of_two_seconds_or_more_between_stretches_of_speech() -> None:
    spans = [(0.5, 4.0), (6.5, 9.0), (10.9, 12.0), (15.0, 16.0)]
    assert find_pauses(spans) == (Pause(4.0, 2.5), Pause(12.0, 3.0))


def test_silence_before_the_first_word_and_after_the_last_is_no_pause() -> None:
    words = heard("the model shipped", start=5.0)
    got = measure(words, duration_s=20.0, spans=[(5.0, 6.1)])
    assert got.pauses == ()
    assert got.speaking_s == 1.1


def test_without_voice_spans_the_stretches_come_from_the_words() -> None:
    words = heard("first part", start=0.0) + heard("second part", start=5.0)
    assert spans_from_words(words) == [(0.0, 0.7), (5.0, 5.7)]
    got = measure(words, duration_s=6.0)
    assert got.pauses == (Pause(0.7, 4.3),)
    assert got.speaking_wpm == round(4 * 60 / 1.4, 1)


def test_no_words_no_speech_measures_nothing() -> None:
    got = measure([], duration_s=0.0, spans=[])
    assert (got.words, got.wpm, got.speaking_wpm, got.fillers.count) == (0, 0.0, 0.0, 0)
    assert got.fillers.per_minute == 0.0


def test_punctuation_alone_is_not_a_word() -> None:
    words = [HeardWord("Done.", 0.0, 0.4), HeardWord("—", 0.4, 0.5), HeardWord("ok", 0.5, 0.8)]
    assert measure(words, duration_s=1.0).words == 2
